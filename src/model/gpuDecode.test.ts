// KV-cached and uncached greedy decoding agree on WebGPU, as they do on the CPU
// (decode.test.ts): the same tokens and nearly the same distributions at every step. The
// cached path runs other kernels (one-row projections, concatTime, softmax with a causal
// offset), so this is where a GPU-only slip in them would show. The shipped checkpoint on a
// few sentences (one at a time and as one padded batch), and tiny random models.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness } from '../engine/webgpu/testing/harness';
import { parseCheckpoint } from './checkpoint';
import { greedyDecode, type DecodeResult } from './decode';
import { tinyBatch, tinyModel } from './testing/tiny';
import type { SourceInput, Transformer } from './transformer';
import { Translator } from './translator';

const harness = await openHarness('greedy decoding on WebGPU: KV cache vs none');

const sentences: Array<[string, string]> = [
  ['the cat sat .', '猫 坐 了 。'],
  ['she did not read my letter in the library .', '她 在 图书馆 没 读 我 的 信 。'],
  ['did the big dog drink the water at home last night ?', '大 狗 昨晚 在 家 喝 了 水 吗 ？'],
];

/** Same tokens; every step's distribution within 1e-5 (float32 logits through other kernels). */
function expectSameDecoding(cached: DecodeResult[], plain: DecodeResult[], what: string): void {
  expect(cached.map((r) => r.tokens), `${what}: tokens`).toEqual(plain.map((r) => r.tokens));
  cached.forEach((row, r) => {
    expect(row.steps.length, `${what}: row ${r} steps`).toBeGreaterThan(0);
    row.steps.forEach((s, i) => {
      const p = plain[r].steps[i].probs;
      let worst = 0;
      for (let v = 0; v < s.probs.length; v++) worst = Math.max(worst, Math.abs(s.probs[v] - p[v]));
      expect(worst, `${what}: row ${r} step ${i} max |Δp|`).toBeLessThan(1e-5);
    });
  });
}

async function both(model: Transformer, src: SourceInput, special: { pad: number; bos: number; eos: number }, maxSteps?: number) {
  const cached = await greedyDecode(model, src, { special, maxSteps, cache: true });
  const plain = await greedyDecode(model, src, { special, maxSteps, cache: false });
  return { cached, plain };
}

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it('the shipped checkpoint: same tokens with and without the cache, one sentence at a time and as a padded batch', async () => {
    const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
    const tr = Translator.fromCheckpoint(h.be, cp);
    const ids: number[][] = [];
    for (const [en, zh] of sentences) {
      const p = tr.prepare(en);
      if (!p.ok) throw new Error(`refused: ${en}`);
      ids.push(p.source.ids);
      const src = { batch: 1, srcLen: p.source.ids.length, srcIds: Int32Array.from(p.source.ids), srcMask: new Float32Array(p.source.ids.length).fill(1) };
      const { cached, plain } = await both(tr.model, src, tr.special);
      expectSameDecoding(cached, plain, en);
      expect(tr.vocabs.tgt.decodeOutput(cached[0].tokens).join(' '), en).toBe(zh);
    }
    // All three as one batch, shorter sources padded: padding must not change any row.
    const S = Math.max(...ids.map((s) => s.length));
    const srcIds = new Int32Array(ids.length * S).fill(tr.special.pad);
    const srcMask = new Float32Array(ids.length * S);
    ids.forEach((s, b) => {
      srcIds.set(s, b * S);
      srcMask.fill(1, b * S, b * S + s.length);
    });
    const { cached, plain } = await both(tr.model, { batch: ids.length, srcLen: S, srcIds, srcMask }, tr.special);
    expectSameDecoding(cached, plain, 'padded batch');
    cached.forEach((row, b) => expect(tr.vocabs.tgt.decodeOutput(row.tokens).join(' ')).toBe(sentences[b][1]));
  });

  it.each([
    ['post-norm, sinusoidal', {}],
    ['pre-norm, GELU, learned positions', { norm: 'pre' as const, activation: 'gelu' as const, positional: 'learned' as const }],
  ])('a tiny random model (%s): same tokens on a padded batch of 3', async (name, cfg) => {
    const model = tinyModel(h.be, cfg, 21);
    const b = tinyBatch(3, 6, 2, 8);
    const src = { batch: 3, srcLen: 6, srcIds: b.srcIds, srcMask: b.srcMask };
    const { cached, plain } = await both(model, src, { pad: 0, bos: 1, eos: 2 }, 8);
    expectSameDecoding(cached, plain, name);
  });
});
