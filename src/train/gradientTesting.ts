// Test helpers for gradient checks (imported only from *.test.ts files): every parameter
// gradient of one forward-backward pass (read by pairGradients.ts's `batchGradients`), and
// the tolerance that says whether two engines computed the same gradient.
import type { Tolerance } from '../engine/testing/close';
import { seededRandom } from '../model/parameters';
import type { Transformer } from '../model/transformer';
import { batchGradients, type BatchGradients } from './pairGradients';
import type { OptimizerSettings, TrainBatch } from './step';

/**
 * WebGPU (float32 throughout) vs the CPU engine (float64 accumulation), per element:
 * |gpu − cpu| ≤ 1e-6 + 2e-3·|cpu|. The tiny models' gradients are 1e-4…1e-1, so a
 * gradient off by a factor of 1.01 fails on every element above 1e-4 (the helper's own test
 * shows it on real gradients); the floor absorbs float32 noise on elements that are zero in
 * exact arithmetic (the key biases: softmax ignores them, so their true gradient is 0).
 */
export const GRADIENT_TOLERANCE: Tolerance = { atol: 1e-6, rtol: 2e-3 };

/** Every parameter gradient of one pass (`batchGradients`, which the gradient dump uses too). */
export type ModelGradients = BatchGradients;

/** Zero the gradients, run forward + backward once, and read every parameter gradient back. */
export function modelGradients(
  model: Transformer,
  batch: TrainBatch,
  opt: Pick<OptimizerSettings, 'labelSmoothing' | 'dropout'>,
  padId = 0,
  seed = 1,
): Promise<ModelGradients> {
  return batchGradients(model, batch, { ...opt, padId, seed });
}

/**
 * Add uniform noise in ±scale to every parameter, so biases are not 0 and γ is not 1 (a
 * freshly initialised model would leave terms of the gradient untested). Seeded: the same on
 * every backend.
 */
export async function jitterParameters(model: Transformer, seed: number, scale = 0.1): Promise<void> {
  const rand = seededRandom(seed);
  for (const name of model.arena.names()) {
    const t = model.arena.param(name);
    const w = Float32Array.from(await model.be.read(t));
    for (let i = 0; i < w.length; i++) w[i] += (rand() * 2 - 1) * scale;
    model.be.write(t, w);
  }
}

/** Every gradient multiplied by `factor` (to show a comparison rejects a scaled gradient). */
export function scaled(grads: ReadonlyMap<string, Float32Array>, factor: number): Map<string, Float32Array> {
  return new Map([...grads].map(([name, g]) => [name, g.map((v) => v * factor)]));
}
