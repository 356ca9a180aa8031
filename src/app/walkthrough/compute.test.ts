// The runtime's computation on the shipped checkpoint: CPU always, and WebGPU (Dawn in Node)
// when an adapter is there, compared element by element with the CPU.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../model/checkpoint';
import { gpuRequired } from '../../engine/webgpu/testing/harness';
import { createNodeGpu } from '../../engine/webgpu/testing/nodeGpu';
import { computeWalkthrough, Superseded } from './compute';
import { TranslatorPool } from './translators';
import { familyOf, kernelUsage } from './kernels';
import type { WalkthroughResult } from '../../store/walkthroughResult';

const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
const immediate = () => Promise.resolve();

async function run(text: string, pool: TranslatorPool, gpu: Parameters<TranslatorPool['choose']>[2] = null): Promise<WalkthroughResult> {
  const outcome = await computeWalkthrough(text, pool.choose('shipped', cp, gpu), 'shipped', { yieldToUi: immediate });
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome.result;
}

describe('computeWalkthrough on the CPU', () => {
  const pool = new TranslatorPool();
  afterAll(() => pool.destroy());

  it('translates, traces the model’s own output and records the dispatches', async () => {
    const r = await run('The cat sat.', pool);
    expect(r.prepared.tokens).toEqual(['the', 'cat', 'sat', '.']);
    expect(r.prepared.ids).toHaveLength(5); // + <eos>
    expect(r.translation.text).toBe('猫 坐 了 。');
    expect(r.translation.finished).toBe(true);
    expect(r.translation.steps.map((s) => s.token)).toEqual(['猫', '坐', '了', '。', '<eos>']);
    expect(r.translation.steps[0].top[0].token).toBe('猫');
    expect(r.targetInput).toEqual(['<bos>', '猫', '坐', '了', '。']);
    expect(r.trace.get('enc.0.self.weights').shape).toEqual([4, 5, 5]);
    expect(r.trace.get('dec.1.cross.weights').shape).toEqual([4, 5, 5]);
    expect(r.reference).toEqual({ kind: 'match', tokens: ['猫', '坐', '了', '。'] });
    expect(r.backend.kind).toBe('cpu');
    expect(r.comparison).toEqual({ sameBackend: true, byName: {} });
    // The trace's probabilities at each position are the greedy steps' distributions.
    const probs = r.trace.get('probs');
    const V = probs.shape[1];
    const argmaxes = [0, 1, 2, 3, 4].map((t) => {
      const row = Array.from(probs.data.subarray(t * V, (t + 1) * V));
      return row.indexOf(Math.max(...row));
    });
    expect(argmaxes).toEqual(r.translation.ids);
    // Every dispatch maps to a kernel family; the forward pass uses matmul, softmax and layernorm.
    expect(r.dispatches.records.every((d) => familyOf(d) !== null)).toBe(true);
    const usage = kernelUsage(r.dispatches.records, ['softmax']);
    expect(usage.map((u) => u.kernel)).toEqual(['softmax']);
    // one per attention block (enc self ×2, dec self + cross ×2), plus the output probabilities
    expect(usage[0].count).toBe(2 * 1 + 2 * 2 + 1);
    expect(r.dispatches.timed).toBe(false);
  });

  it('marks unknown words, refuses empty input and cuts over-long input visibly', async () => {
    const zebra = await run('the zebra sat .', pool);
    expect(zebra.prepared.unknown).toEqual([1]);
    expect(zebra.prepared.ids[1]).toBe(3); // <unk>
    expect(zebra.reference?.kind).toBe('outside');

    const empty = await computeWalkthrough('   ', pool.choose('shipped', cp, null), 'shipped', { yieldToUi: immediate });
    expect(empty).toEqual({ ok: false, problem: 'empty' });

    const long = Array.from({ length: 30 }, () => 'cat').join(' ');
    const cut = await run(long, pool);
    expect(cut.prepared.truncated).toEqual({ kept: 23, length: 31, max: 24 });
    expect(cut.prepared.ids).toHaveLength(24);
    expect(cut.text).toBe(long); // the typed text is kept as it was
  });

  it('stops between phases once superseded', async () => {
    let current = true;
    const p = computeWalkthrough('the cat sat .', pool.choose('shipped', cp, null), 'shipped', {
      isCurrent: () => current,
      yieldToUi: async () => {
        current = false;
      },
    });
    await expect(p).rejects.toBeInstanceOf(Superseded);
  });
});

describe('computeWalkthrough on WebGPU vs the CPU', async () => {
  const node = await createNodeGpu();
  if (!node.ok && gpuRequired()) throw new Error(`computeWalkthrough on WebGPU: no adapter (${node.reason}), but one is required here`);
  const pool = new TranslatorPool();
  afterAll(() => {
    pool.destroy();
    if (node.ok) node.gpu.destroy();
  });

  it.skipIf(!node.ok)(`gives the same translation and traces within 1e-4 relative error${node.ok ? '' : ` [SKIPPED: no WebGPU adapter — ${node.reason}]`}`, async () => {
    if (!node.ok) throw new Error('unreachable: skipped without an adapter'); // narrows node for TypeScript
    const r = await run('did the big dog drink the water at home last night ?', pool, { ctx: node.gpu.ctx, generation: 1 });
    expect(r.backend.kind).toBe('webgpu');
    expect(r.translation.text).toBe('大 狗 昨晚 在 家 喝 了 水 吗 ？');
    expect(r.comparison.sameBackend).toBe(false);
    const names = Object.keys(r.comparison.byName);
    expect(names).toContain('enc.1.self.scaled');
    expect(names.length).toBe(r.trace.names().length);
    for (const [name, d] of Object.entries(r.comparison.byName)) {
      expect(d.maxRel, name).toBeLessThan(1e-4);
    }
    expect(r.dispatches.records.every((d) => d.source.endsWith('.wgsl'))).toBe(true);
    if (node.gpu.ctx.info.hasTimestamps) expect(r.dispatches.timed).toBe(true);
    expect(node.gpu.takeErrors()).toEqual([]);
  });
});
