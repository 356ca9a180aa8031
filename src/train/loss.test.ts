// The loss a training step minimises is exactly shared/docs/checkpoint.md's "Loss":
//   per target position  (1 − ε)·(−log p(target)) + ε·(1/V)·Σ_v (−log p(v)),
//   v over the whole target vocabulary, specials (<pad> <bos> <eos> <unk>) included;
//   for a batch, the sum over non-pad target positions divided by their count.
// Checked against that formula written out independently here (float64), on the CPU engine
// and on WebGPU: the fused cross-entropy op on hand-made logits, and a whole training step's
// reported loss on a tiny model.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../engine/backend';
import { createCpuBackend } from '../engine/cpu';
import { openHarness } from '../engine/webgpu/testing/harness';
import { tinyBatch, tinyModel } from '../model/testing/tiny';
import { forwardBackward } from './step';

const PAD = 0;
const EPS = 0.1;

/** The documented loss, term by term: mean over rows whose target is not <pad>. */
function documentedLoss(logits: ArrayLike<number>, targets: ArrayLike<number>, V: number, eps: number): number {
  let sum = 0;
  let count = 0;
  for (let r = 0; r < targets.length; r++) {
    if (targets[r] === PAD) continue;
    const row = Array.from({ length: V }, (_, v) => logits[r * V + v]);
    const z = row.reduce((s, x) => s + Math.exp(x), 0);
    const nll = (v: number) => -Math.log(Math.exp(row[v]) / z); // −log p(v)
    let uniform = 0;
    for (let v = 0; v < V; v++) uniform += nll(v);
    sum += (1 - eps) * nll(targets[r]) + eps * (1 / V) * uniform;
    count++;
  }
  return sum / count;
}

// V = 7: <pad> <bos> <eos> <unk> and three words. <pad> and <bos> get large logits on purpose,
// so leaving specials out of the uniform part would change the number.
const V = 7;
const LOGITS = [
  [3.0, 2.5, 0.1, -1.0, 1.2, -0.3, 0.4],
  [-2.0, 0.5, 2.2, 0.0, 0.3, 1.1, -0.7],
  [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
  [1.5, -0.5, 0.9, 2.4, -1.3, 0.8, 3.1],
  [4.0, 1.0, -3.0, 0.5, 0.0, -0.2, 1.7],
].flat();
const TARGETS = [4, 2, PAD, 6, PAD]; // two padding rows

function opLoss(be: Backend): Promise<number> {
  const n = TARGETS.length;
  const count = TARGETS.filter((t) => t !== PAD).length;
  const ce = be.crossEntropy(be.tensor([n, V], LOGITS), be.tensor([n], TARGETS, 'i32'), { smoothing: EPS, ignoreIndex: PAD, normalizer: count });
  return be.read(ce.loss).then((l) => Array.from(l).reduce((a, b) => a + b, 0) / count);
}

/** A training step's mean loss (Σ over non-pad positions / nTokens) and the formula on the same logits. */
async function stepLoss(be: Backend): Promise<{ reported: number; documented: number }> {
  const model = tinyModel(be, {}, 9);
  const batch = tinyBatch(3, 5, 4, 8);
  const logits = be.scope(() => {
    const ctx = model.context();
    return model.decode(ctx, model.encode(ctx, batch), batch);
  });
  const data = await be.read(logits);
  const sum = be.scope(() => forwardBackward(model, batch, { labelSmoothing: EPS, dropout: 0 }, PAD, 1));
  const reported = (await be.read(sum))[0] / batch.nTokens;
  expect(batch.nTokens).toBe(Array.from(batch.tgtOut).filter((t) => t !== PAD).length);
  expect(batch.nTokens).toBeLessThan(batch.tgtOut.length); // padding really is present
  return { reported, documented: documentedLoss(data, batch.tgtOut, model.vocab.tgt, EPS) };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('the training loss is the documented formula (CPU)', () => {
  it('fused cross-entropy on hand-made logits: smoothing over every class, <pad> rows excluded', async () => {
    const be = createCpuBackend();
    const expected = documentedLoss(LOGITS, TARGETS, V, EPS);
    expect(rel(await opLoss(be), expected)).toBeLessThan(1e-6);
    // The choice matters here: spreading ε over the V − 1 non-<pad> classes instead differs.
    const withoutPad = (() => {
      let s = 0;
      let c = 0;
      TARGETS.forEach((t, r) => {
        if (t === PAD) return;
        const row = LOGITS.slice(r * V, (r + 1) * V);
        const lse = Math.log(row.reduce((a, x) => a + Math.exp(x), 0));
        const smooth = row.slice(1).reduce((a, x) => a + (lse - x), 0) / (V - 1);
        s += (1 - EPS) * (lse - row[t]) + EPS * smooth;
        c++;
      });
      return s / c;
    })();
    expect(rel(withoutPad, expected)).toBeGreaterThan(1e-3);
    // ε = 0 is plain cross-entropy.
    const plain = be.crossEntropy(be.tensor([1, V], LOGITS.slice(0, V)), be.tensor([1], [4], 'i32'));
    expect((await be.read(plain.loss))[0]).toBeCloseTo(documentedLoss(LOGITS.slice(0, V), [4], V, 0), 6);
  });

  it("a training step's reported loss is the mean of the formula over non-pad target positions", async () => {
    const { reported, documented } = await stepLoss(createCpuBackend());
    expect(rel(reported, documented)).toBeLessThan(1e-6);
  });
});

const harness = await openHarness('the documented loss on WebGPU');
describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  it('agrees with the formula and with the CPU: the op on hand-made logits and a training step', async () => {
    const expected = documentedLoss(LOGITS, TARGETS, V, EPS);
    expect(rel(await opLoss(h.be), expected)).toBeLessThan(1e-5);
    const gpu = await stepLoss(h.be);
    const cpu = await stepLoss(h.cpu);
    expect(rel(gpu.reported, gpu.documented)).toBeLessThan(1e-5);
    expect(rel(gpu.reported, cpu.reported)).toBeLessThan(1e-4);
    expect(h.gpu.takeErrors()).toEqual([]);
  });
});
