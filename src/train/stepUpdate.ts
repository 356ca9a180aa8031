// What the optimiser does with one step's gradients, shown without touching the shown model:
// the gradients go into a copy of the model with a fresh Adam state (t = 1, as at the first
// step of training), the engine's own clip + AdamW kernel runs on the copy, and the copy's new
// weights are read back. `adamParts` spells out the same update element by element on the host
// (m, v, bias correction) so the walkthrough can show each part; a test holds it to the engine.
import { Transformer } from '../model/transformer';
import { applyUpdate, type OptimizerSettings } from './step';
import { l2Norm } from './pairGradients';

export interface UpdatePreview {
  /** The copy after the update (the caller disposes it, or keeps it to apply the step). */
  updated: Transformer;
  before: Map<string, Float32Array>;
  after: Map<string, Float32Array>;
  /** min(1, maxNorm / ‖g‖): the factor clipping applied to every gradient. */
  clipScale: number;
  gradNorm: number;
  /** Per parameter: ‖Δw‖ / ‖w‖ (0/0 counts as 0). */
  ratios: Map<string, number>;
}

/** Apply one clip + AdamW update (fresh moments, t = 1) to a copy of `model`. */
export async function previewUpdate(model: Transformer, grads: ReadonlyMap<string, Float32Array>, opt: OptimizerSettings): Promise<UpdatePreview> {
  const { be } = model;
  const before = await model.getWeights();
  const updated = new Transformer(be, model.config, model.vocab, model.variant);
  updated.setWeights(before);
  for (const name of updated.arena.names()) {
    const g = grads.get(name);
    if (!g) throw new Error(`update: no gradient for '${name}'`);
    be.write(updated.arena.grad(name), g);
  }
  be.scope(() => void applyUpdate(updated, opt));
  const after = await updated.getWeights();

  let ss = 0;
  for (const g of grads.values()) for (const x of g) ss += x * x;
  const gradNorm = Math.sqrt(ss);
  const clipScale = opt.maxNorm > 0 && gradNorm > opt.maxNorm ? opt.maxNorm / gradNorm : 1;

  const ratios = new Map<string, number>();
  for (const [name, w] of before) {
    const w2 = after.get(name)!;
    const delta = w2.map((x, i) => x - w[i]);
    const norm = l2Norm(w);
    ratios.set(name, norm > 0 ? l2Norm(delta) / norm : 0);
  }
  return { updated, before, after, clipScale, gradNorm, ratios };
}

export interface AdamParts {
  /** g·clip */
  g: Float64Array;
  m: Float64Array;
  v: Float64Array;
  mHat: Float64Array;
  vHat: Float64Array;
  /** Δw = −lr·(m̂/(√v̂ + eps) + wd·w) */
  step: Float64Array;
  /** 1 − β1^t and 1 − β2^t */
  correction1: number;
  correction2: number;
}

/**
 * The AdamW update of one tensor written out (float64): from moments m0, v0 (zeros for a fresh
 * state) at update number t (1 for the first). Matches src/engine/cpu/adam.ts term by term.
 */
export function adamParts(
  grad: ArrayLike<number>,
  weight: ArrayLike<number>,
  opt: Pick<OptimizerSettings, 'lr' | 'beta1' | 'beta2' | 'eps' | 'weightDecay'>,
  clipScale: number,
  t = 1,
  m0?: ArrayLike<number>,
  v0?: ArrayLike<number>,
): AdamParts {
  const n = grad.length;
  const g = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const mHat = new Float64Array(n);
  const vHat = new Float64Array(n);
  const step = new Float64Array(n);
  const correction1 = 1 - Math.pow(opt.beta1, t);
  const correction2 = 1 - Math.pow(opt.beta2, t);
  for (let i = 0; i < n; i++) {
    g[i] = grad[i] * clipScale;
    m[i] = opt.beta1 * (m0?.[i] ?? 0) + (1 - opt.beta1) * g[i];
    v[i] = opt.beta2 * (v0?.[i] ?? 0) + (1 - opt.beta2) * g[i] * g[i];
    mHat[i] = m[i] / correction1;
    vHat[i] = v[i] / correction2;
    step[i] = -opt.lr * (mHat[i] / (Math.sqrt(vHat[i]) + opt.eps) + opt.weightDecay * weight[i]);
  }
  return { g, m, v, mHat, vHat, step, correction1, correction2 };
}
