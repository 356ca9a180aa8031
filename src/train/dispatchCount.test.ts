// How much one training step asks of the GPU, counted (a count is behaviour, not a timing):
// the default model (D 48, H 4, 2 + 2 layers, F 192) at the default benchmark batch (64) is
// at most 120 dispatches — fused attention, residual add + LayerNorm, bias + activation,
// grouped Q/K/V projections, bias gradients beside weight gradients — in exactly one submit,
// with no readback awaited. The unfused graph (what a trace records) is counted too, so the
// saving stays visible.
import { afterAll, describe, expect, it } from 'vitest';
import type { DispatchRecord } from '../engine/backend';
import { openHarness } from '../engine/webgpu/testing/harness';
import { DEFAULT_CONFIG } from '../model/config';
import { seededRandom } from '../model/parameters';
import { Transformer } from '../model/transformer';
import { DEFAULT_OPTIMIZER, forwardBackward, trainStep, type TrainBatch } from './step';

const harness = await openHarness('dispatches per training step');

/** B rows of S source and T target tokens, padded rows included (ids ≥ 4; 0 is <pad>). */
function batchOf(B: number, S: number, T: number, vocab: { src: number; tgt: number }): TrainBatch {
  const rand = seededRandom(11);
  const id = (v: number) => 4 + Math.floor(rand() * (v - 4));
  const srcIds = new Int32Array(B * S);
  const srcMask = new Float32Array(B * S);
  const tgtIn = new Int32Array(B * T);
  const tgtOut = new Int32Array(B * T);
  const tgtMask = new Float32Array(B * T);
  let nTokens = 0;
  for (let b = 0; b < B; b++) {
    const sl = S - (b % 3);
    const tl = T - (b % 2);
    for (let i = 0; i < sl; i++) [srcIds[b * S + i], srcMask[b * S + i]] = [id(vocab.src), 1];
    for (let i = 0; i < tl; i++) {
      [tgtIn[b * T + i], tgtOut[b * T + i], tgtMask[b * T + i]] = [i ? id(vocab.tgt) : 1, id(vocab.tgt), 1];
      nTokens++;
    }
  }
  return { batch: B, srcLen: S, tgtLen: T, srcIds, srcMask, tgtIn, tgtOut, tgtMask, nTokens };
}

/** "count kernel" lines, most frequent first (printed when the budget is exceeded). */
function breakdown(records: readonly DispatchRecord[]): string {
  const by = new Map<string, number>();
  for (const r of records) by.set(r.kernel, (by.get(r.kernel) ?? 0) + 1);
  return [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join('\n');
}

describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it('the default model at batch 64: ≤ 120 dispatches, 1 submit, 0 awaited readbacks', async () => {
    const be = h.be;
    const vocab = { src: 30, tgt: 40 };
    const model = new Transformer(be, DEFAULT_CONFIG, vocab);
    model.initialize(1);
    const batch = batchOf(64, 5, 6, vocab); // the count does not depend on the lengths; short ones keep SwiftShader quick
    trainStep(model, batch, DEFAULT_OPTIMIZER, 0, 1); // warm: pipelines, buffers
    await be.sync();
    const before = be.stats();
    const { records } = be.recordDispatches(() => trainStep(model, batch, DEFAULT_OPTIMIZER, 0, 2));
    const after = be.stats();
    const recs = await records;
    const dispatches = after.dispatches - before.dispatches;
    expect(dispatches, breakdown(recs)).toBeLessThanOrEqual(120);
    expect(recs.length).toBe(dispatches);
    expect(after.submits - before.submits).toBe(1);
    expect(after.awaitedReadbacks - before.awaitedReadbacks).toBe(0);
    // what each fused kernel stands for is in its name
    const kernels = new Set(recs.map((r) => r.kernel));
    expect(kernels).toContain('attention(scores+mask+softmax+weighted-sum)');
    expect(kernels).toContain('layernorm(add+layernorm)');
    expect([...kernels].some((k) => k.startsWith('matmul.direct4×3') && k.endsWith('+splitHeads'))).toBe(true);
    // every product of the default model reads its operands as vec4s (matmul_direct4; the output
    // projection too, as this target vocabulary, 40, is a multiple of 4)
    expect([...kernels].filter((k) => k.startsWith('matmul') && !k.startsWith('matmul.direct4'))).toEqual([]);
    expect(kernels.has('softmax') || kernels.has('splitHeads') || kernels.has('mergeHeads') || kernels.has('add')).toBe(false);
    // each fused kernel still says which part of the model it serves
    const scopes = new Set(recs.map((r) => r.scope));
    for (const s of ['enc.0.self/qkv', 'enc.0.self/attention', 'enc.0.self/concat', 'enc.0.add-norm1', 'dec.1.cross/attention', 'dec.1.ffn', 'backward/dec.0.self/attention', 'backward/enc.1.add-norm2']) {
      expect(scopes.has(s), s).toBe(true);
    }

    // The unfused graph (as traced: every named point its own op) for comparison: well over.
    await be.sync();
    const unfused = be.recordDispatches(() =>
      be.scope(() => {
        be.fill(model.arena.grads, 0);
        forwardBackward(model, batch, { labelSmoothing: 0.1, dropout: 0, fuse: false }, 0, 3);
      }),
    );
    expect((await unfused.records).length).toBeGreaterThan(2 * dispatches);
    await be.sync();
    expect(h.gpu.takeErrors()).toEqual([]);
  });
});
