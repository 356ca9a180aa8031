// "Check numerically": central finite differences of the loss, (L(x + h) − L(x − h)) / 2h, for a
// few entries of a gradient the walkthrough shows — a named point of the graph (nudged through
// the forward context, see model/ops.ts `point`) or a parameter (nudged in the arena and put
// back). The loss is the step's: label-smoothed, mean over non-pad target positions, dropout off.
import type { Transformer } from '../model/transformer';
import type { TrainBatch } from './step';

export type ProbeTarget = { kind: 'point'; name: string; index: number } | { kind: 'param'; name: string; index: number };

export interface LossSpec {
  labelSmoothing: number;
  padId: number;
}

/** The mean loss of one forward pass (no tape), summed in float64 on the host. */
export async function meanLoss(model: Transformer, batch: TrainBatch, spec: LossSpec, nudge?: { name: string; index: number; delta: number }): Promise<number> {
  const { be } = model;
  const N = batch.batch * batch.tgtLen;
  const rows = be.scope(() => {
    const ctx = model.context({ nudge });
    const logits = model.forward(ctx, batch);
    const targets = be.tensor([N], batch.tgtOut, 'i32', 'tgt.out');
    return be.crossEntropy(logits, targets, { smoothing: spec.labelSmoothing, ignoreIndex: spec.padId }).loss;
  });
  const data = await be.read(rows);
  be.dispose(rows);
  let sum = 0;
  for (let i = 0; i < N; i++) if (batch.tgtOut[i] !== spec.padId) sum += data[i];
  return sum / Math.max(1, batch.nTokens);
}

/** ∂L/∂(target) by central differences with step h. */
export async function centralDifference(model: Transformer, batch: TrainBatch, spec: LossSpec, target: ProbeTarget, h: number): Promise<number> {
  if (target.kind === 'point') {
    const plus = await meanLoss(model, batch, spec, { name: target.name, index: target.index, delta: h });
    const minus = await meanLoss(model, batch, spec, { name: target.name, index: target.index, delta: -h });
    return (plus - minus) / (2 * h);
  }
  const { be, arena } = model;
  const t = arena.param(target.name);
  if (!Number.isInteger(target.index) || target.index < 0 || target.index >= t.size) {
    throw new Error(`finite difference: index ${target.index} is outside '${target.name}' (${t.size} elements)`);
  }
  const original = Float32Array.from(await be.read(t));
  const at = (delta: number) => {
    const w = Float32Array.from(original);
    w[target.index] += delta;
    be.write(t, w);
    return meanLoss(model, batch, spec);
  };
  try {
    const plus = await at(h);
    const minus = await at(-h);
    return (plus - minus) / (2 * h);
  } finally {
    be.write(t, original);
  }
}

export interface ProbeResult {
  target: ProbeTarget;
  analytic: number;
  numeric: number;
  absError: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, floor): agreement on a relative scale. */
  relError: number;
}

/**
 * The entries worth probing in a gradient: the `largest` of largest magnitude, then `random`
 * more drawn with a seeded generator (distinct, non-zero where possible).
 */
export function probeIndices(grad: ArrayLike<number>, largest: number, random: number, rand: () => number): number[] {
  const order = Array.from({ length: grad.length }, (_, i) => i).sort((a, b) => Math.abs(grad[b]) - Math.abs(grad[a]));
  const picked = order.slice(0, Math.min(largest, order.length));
  const rest = order.slice(picked.length).filter((i) => grad[i] !== 0);
  for (let k = 0; k < random && rest.length; k++) picked.push(rest.splice(Math.floor(rand() * rest.length), 1)[0]);
  return picked;
}

/** Compare analytic entries with central differences; float32 forward passes, so h ≈ 1e-2. */
export async function checkEntries(
  model: Transformer,
  batch: TrainBatch,
  spec: LossSpec,
  entries: ReadonlyArray<{ target: ProbeTarget; analytic: number }>,
  h = 1e-2,
  floor = 1e-4,
): Promise<ProbeResult[]> {
  const out: ProbeResult[] = [];
  for (const { target, analytic } of entries) {
    const numeric = await centralDifference(model, batch, spec, target, h);
    const absError = Math.abs(analytic - numeric);
    out.push({ target, analytic, numeric, absError, relError: absError / Math.max(Math.abs(analytic), Math.abs(numeric), floor) });
  }
  return out;
}
