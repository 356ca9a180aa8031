// The decoding stage's sampled translation on the CPU engine: a seed repeats a run exactly, every
// token is drawn from the filtered distribution of its own step's logits, and temperature 0
// (or top-k 1) is the greedy translation. On WebGPU (Dawn in Node, when there is an adapter) the
// same seed draws the same tokens as on the CPU here (logits agree within 1e-4 relative; a draw that lands
// that close to a boundary could in principle differ, which is why the stage says "on the same engine").
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { gpuRequired } from '../../engine/webgpu/testing/harness';
import { createNodeGpu } from '../../engine/webgpu/testing/nodeGpu';
import { parseCheckpoint } from '../../model/checkpoint';
import { samplingDistributions } from '../../model/sampling';
import type { SampleRequest } from '../../store/walkthroughResult';
import { computeSample, samplingOptions } from './sample';
import { TranslatorPool } from './translators';

const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
const TEXT = 'i ate the apple yesterday .';
const req = (r: Partial<SampleRequest>): SampleRequest => ({ text: TEXT, temperature: 1.5, topK: 0, topP: 1, seed: 7, ...r });

describe('sampled translation (CPU)', () => {
  const pool = new TranslatorPool();
  const cpu = pool.cpuTranslator('shipped', cp);
  afterAll(() => pool.destroy());
  const sample = async (r: SampleRequest) => {
    const out = await computeSample(r, cpu);
    if (!out) throw new Error('refused');
    return out;
  };

  it('repeats exactly with the same seed; other seeds give other runs', async () => {
    const a = await sample(req({}));
    const b = await sample(req({}));
    expect(b.ids).toEqual(a.ids);
    expect(b.steps.map((s) => s.prob)).toEqual(a.steps.map((s) => s.prob));
    expect(a.key).toBe(`${cpu.key}|${TEXT}`);
    expect(a.backend.kind).toBe('cpu');
    const others = await Promise.all([1, 2, 3, 4, 5].map((seed) => sample(req({ seed, temperature: 2 }))));
    expect(new Set(others.map((o) => o.ids.join(','))).size).toBeGreaterThan(1);
  });

  it('draws every token from the filtered distribution of its step (non-zero there)', async () => {
    for (const r of [req({}), req({ temperature: 1.2, topK: 5, topP: 0.9, seed: 3 }), req({ temperature: 2, topP: 0.5, seed: 11 })]) {
      const out = await sample(r);
      expect(out.steps.length).toBeGreaterThan(0);
      for (const s of out.steps) {
        const d = samplingDistributions(s.logits, samplingOptions(r));
        expect(s.prob).toBeGreaterThan(0);
        expect(s.prob).toBe(d.filtered[s.id]);
        expect(s.baseProb).toBe(d.base[s.id]);
        expect(s.kept).toBe(d.kept.length);
        if (r.topK) expect(s.kept).toBeLessThanOrEqual(r.topK);
      }
    }
  });

  it('temperature 0 and top-k 1 are the greedy translation, with the greedy steps’ logits', async () => {
    const prepared = cpu.translator.prepare(TEXT);
    if (!prepared.ok) throw new Error('refused');
    const greedy = await cpu.translator.translate(prepared.source);
    const cold = await sample(req({ temperature: 0, seed: 99 }));
    expect(cold.ids).toEqual(greedy.ids);
    expect(cold.text).toBe(greedy.text);
    expect(cold.finished).toBe(true);
    cold.steps.forEach((s, t) => {
      expect(s.prob).toBe(1);
      expect(Array.from(s.logits)).toEqual(Array.from(greedy.steps![t].logits));
    });
    expect((await sample(req({ topK: 1, seed: 5 }))).ids).toEqual(greedy.ids);
  });

  it('refuses empty text and bad options', async () => {
    expect(await computeSample(req({ text: '  ' }), cpu)).toBeNull();
    await expect(computeSample(req({ topP: 0 }), cpu)).rejects.toThrow(/top-p/);
  });
});

describe('sampled translation on WebGPU vs the CPU', async () => {
  const node = await createNodeGpu();
  if (!node.ok && gpuRequired()) throw new Error(`sampled translation on WebGPU: no adapter (${node.reason}), but one is required here`);
  const pool = new TranslatorPool();
  afterAll(() => {
    pool.destroy();
    if (node.ok) node.gpu.destroy();
  });

  it.skipIf(!node.ok)(`draws the same tokens from logits within 1e-4${node.ok ? '' : ` [SKIPPED: no WebGPU adapter — ${node.reason}]`}`, async () => {
    if (!node.ok) throw new Error('unreachable: skipped without an adapter');
    const { main, cpu } = pool.choose('shipped', cp, { ctx: node.gpu.ctx, generation: 1 });
    const r = req({ temperature: 1.3, topK: 10, topP: 0.95, seed: 12 });
    const [g, c] = [await computeSample(r, main), await computeSample(r, cpu)];
    expect(g?.backend.kind).toBe('webgpu');
    expect(g?.ids).toEqual(c?.ids);
    g!.steps.forEach((s, t) => {
      const ref = c!.steps[t].logits;
      const scale = Math.max(...Array.from(ref, Math.abs));
      expect(Math.max(...Array.from(s.logits, (x, i) => Math.abs(x - ref[i]))) / scale).toBeLessThan(1e-4);
    });
    expect(node.gpu.takeErrors()).toEqual([]);
  });
});
