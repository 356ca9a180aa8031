// The gradient comparison the GPU tests use is not vacuous: on real gradients of a tiny model
// (CPU engine), a copy scaled by 1.01, 2 or 0.5 — or one wrong element — is rejected, tensor
// by tensor, while float32-sized noise passes. And the check it replaced could not tell: after
// one Adam step from fresh moments, the weights from a doubled gradient are the same.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { closeMessage, expectAllClose } from '../engine/testing/close';
import { tinyBatch, tinyModel } from '../model/testing/tiny';
import { GRADIENT_TOLERANCE, jitterParameters, modelGradients, scaled } from './gradientTesting';
import { applyUpdate, DEFAULT_OPTIMIZER } from './step';

const opt = { labelSmoothing: 0.1, dropout: 0 };

/** max|a − b| / max|b|: the per-tensor measure the old weights check used. */
function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

async function realGradients() {
  const be = createCpuBackend();
  const model = tinyModel(be, {}, 13);
  await jitterParameters(model, 5);
  return { be, model, ...(await modelGradients(model, tinyBatch(3, 5, 6, 17), opt, 0, 9)) };
}

describe('the gradient comparison (GRADIENT_TOLERANCE) on real gradients', () => {
  it('accepts the same gradients and float32-sized noise', async () => {
    const { grads } = await realGradients();
    expectAllClose(grads, grads, GRADIENT_TOLERANCE);
    let k = 0;
    const noisy = new Map([...grads].map(([n, g]) => [n, g.map((v) => v * (1 + 1e-5 * Math.sin(k++)) + 1e-8)]));
    expectAllClose(noisy, grads, GRADIENT_TOLERANCE);
  });

  it.each([1.01, 2, 0.5])('rejects every tensor scaled by %s (all but the key biases, whose true gradient is 0)', async (factor) => {
    const { grads } = await realGradients();
    const bad = scaled(grads, factor);
    expect(() => expectAllClose(bad, grads, GRADIENT_TOLERANCE)).toThrow(/tensors differ/);
    for (const [name, g] of grads) {
      const m = closeMessage(bad.get(name)!, g, GRADIENT_TOLERANCE, name);
      if (name.endsWith('.wk.bias')) expect(m, name).toBeNull();
      else expect(m, `${name} scaled by ${factor}`).not.toBeNull();
    }
  });

  it('rejects a single wrong element and names its tensor and index', async () => {
    const { grads, shapes } = await realGradients();
    const name = 'dec.0.cross_attn.wv.weight';
    const bad = new Map(grads);
    const g = Float32Array.from(grads.get(name)!);
    const i = 13; // (1, 5) of (8, 8)
    g[i] = g[i] * 1.01 + (g[i] >= 0 ? 1e-4 : -1e-4);
    bad.set(name, g);
    expect(() => expectAllClose(bad, grads, GRADIENT_TOLERANCE, shapes)).toThrow(
      new RegExp(`1 of \\d+ tensors differ:\\n  ${name.replace(/\./g, '\\.')}: 1 of 64 elements .* worst \\[13\\] = \\(1, 5\\)`),
    );
  });

  it('the old check could not tell: after one Adam step from fresh moments, g and 2g give the same weights (≤ 1e-4 relative per tensor)', async () => {
    const weightsAfter = async (factor: number) => {
      const { be, model, grads } = await realGradients();
      for (const [n, g] of grads) be.write(model.arena.grad(n), g.map((v) => v * factor));
      be.scope(() => applyUpdate(model, DEFAULT_OPTIMIZER));
      return model.getWeights();
    };
    const [a, b] = [await weightsAfter(1), await weightsAfter(2)];
    const { model } = await realGradients();
    const before = await model.getWeights();
    for (const [name, w] of b) {
      if (name.endsWith('.wk.bias')) continue; // the old test skipped these too
      expect(relError(a.get(name)!, w), name).toBeLessThan(1e-4); // what the old check accepted
      expect(relError(w, before.get(name)!), `${name} moved`).toBeGreaterThan(0);
    }
  });
});
