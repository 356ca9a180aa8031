// One tensor's update as the panel shows it: the engine's Δw (the copy's weights after the
// update minus the weights before, both recorded), Adam's parts spelled out on the host by
// adamParts (src/train/stepUpdate.ts, which a test holds to the engine), how far the two are
// apart, and a few entries to tabulate: the largest and smallest gradients, and a zero one.
import type { BackwardResult } from '../../../../store/backwardResult';
import { adamParts, type AdamParts } from '../../../../train/stepUpdate';

export interface TensorStep {
  name: string;
  shape: readonly number[];
  /** after − before, as the engine's update left them (float64 of two float32 values). */
  engine: Float64Array;
  parts: AdamParts;
  /** max |engine − host| over the tensor. */
  maxDiff: number;
  /** Entries whose |Δw| lies within 1% of lr. */
  nearLr: number;
  /** Entries whose gradient was exactly 0. */
  zeroGrad: number;
  /** Entries to tabulate (flat indices). */
  sample: number[];
}

export function tensorStep(result: Pick<BackwardResult, 'parameters' | 'paramGrads' | 'update'>, name: string): TensorStep | null {
  const before = result.parameters.values.get(name);
  const after = result.update.after.get(name);
  const grad = result.paramGrads.get(name);
  const shape = result.parameters.shapes.get(name);
  if (!before || !after || !grad || !shape) return null;
  const { settings, clipScale, adamStep } = result.update;
  const parts = adamParts(grad, before, settings, clipScale, adamStep);
  const n = before.length;
  const engine = new Float64Array(n);
  let maxDiff = 0;
  let nearLr = 0;
  let zeroGrad = 0;
  for (let i = 0; i < n; i++) {
    engine[i] = after[i] - before[i];
    maxDiff = Math.max(maxDiff, Math.abs(engine[i] - parts.step[i]));
    if (Math.abs(Math.abs(engine[i]) - settings.lr) <= 0.01 * settings.lr) nearLr++;
    if (grad[i] === 0) zeroGrad++;
  }
  return { name, shape, engine, parts, maxDiff, nearLr, zeroGrad, sample: sampleEntries(grad) };
}

/** The three largest |g|, the three smallest non-zero |g|, and the first zero g if any (flat indices, no repeats). */
export function sampleEntries(grad: ArrayLike<number>, k = 3): number[] {
  const nonzero: number[] = [];
  let zero = -1;
  for (let i = 0; i < grad.length; i++) {
    if (grad[i] !== 0) nonzero.push(i);
    else if (zero < 0) zero = i;
  }
  nonzero.sort((a, b) => Math.abs(grad[b]) - Math.abs(grad[a]));
  const picked = [...nonzero.slice(0, k), ...nonzero.slice(Math.max(k, nonzero.length - k))];
  if (zero >= 0) picked.push(zero);
  return picked;
}

/** A flat index as the tensor's coordinates: '(3, 17)' or '(5)'. */
export function coordinates(index: number, shape: readonly number[]): string {
  if (shape.length < 2) return `(${index})`;
  const cols = shape[shape.length - 1];
  return `(${Math.floor(index / cols)}, ${index % cols})`;
}
