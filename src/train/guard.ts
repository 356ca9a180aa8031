// The divergence guard's memory: host copies of the weights and Adam moments, taken every few
// steps without waiting (read() resolves later), and the rule that decides which copy is
// still trustworthy.
//
// Step k's loss is computed with the weights left by update k − 1. So a finite loss (and
// gradient norm) at step k vouches for the state after update k − 1, and a non-finite one
// condemns it and everything after. A copy taken after update N becomes "good" once a finite
// result for a step > N arrives; the newest good copy is what a rollback restores.
import type { Transformer } from '../model/transformer';

/** Weights + Adam state of a model after `step` training steps (flat arena layout, same on every backend). */
export interface HostState {
  step: number;
  params: Float32Array;
  m: Float32Array;
  v: Float32Array;
  /**
   * Adam updates actually applied (the arena's `adamStep`, t of the bias correction): behind
   * `step` when steps were skipped or training started from pretrained weights with fresh
   * moments. Absent in states saved before it was kept; restoring one then uses `step`.
   */
  adamStep?: number;
}

/** Queue copies of params, m, v and Adam's step count now (in queue order: exactly the state after `step`). */
export function readHostState(model: Transformer, step: number): Promise<HostState> {
  const { be, arena } = model;
  const reads = [be.read(arena.params), be.read(arena.m), be.read(arena.v), be.read(arena.adamStep)];
  return Promise.all(reads).then(([params, m, v, t]) => ({
    step,
    params: params as Float32Array,
    m: m as Float32Array,
    v: v as Float32Array,
    adamStep: t[0],
  }));
}

export function writeHostState(model: Transformer, s: HostState): void {
  const { be, arena } = model;
  for (const [name, data] of [['params', s.params], ['m', s.m], ['v', s.v]] as const) {
    if (data.length !== arena.length) throw new Error(`restore: ${name} has ${data.length} floats, the arena holds ${arena.length}`);
  }
  be.write(arena.params, s.params);
  be.write(arena.m, s.m);
  be.write(arena.v, s.v);
  be.write(arena.adamStep, [s.adamStep ?? s.step]);
  be.fill(arena.grads, 0);
}

/**
 * A per-token loss above this is treated like NaN: uniform guessing costs ln V, so a loss of
 * 50·ln V (≈ 210 nats for the toy vocabulary) only happens once logits are in the thousands —
 * the run has blown up even if float32 has not overflowed yet.
 */
export function explodedLoss(vocabTgt: number): number {
  return 50 * Math.log(Math.max(2, vocabTgt));
}

export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

export function isFiniteState(s: HostState): boolean {
  return allFinite(s.params) && allFinite(s.m) && allFinite(s.v);
}

export class DivergenceGuard {
  private good: HostState;
  private candidates: HostState[] = [];
  /** Highest step whose loss and gradient norm came back finite. */
  private finiteUpTo = 0;

  /** `initial`: the state training starts from (fresh, pretrained or restored): good by definition. */
  constructor(initial: HostState) {
    this.good = initial;
    this.finiteUpTo = initial.step;
  }

  lastGood(): HostState {
    return this.good;
  }

  /** A copy taken after update `state.step` arrived. */
  offer(state: HostState): void {
    if (state.step <= this.good.step || !isFiniteState(state)) return;
    this.candidates.push(state);
    this.promote();
  }

  /** The result of step `step` came back. Returns false when it shows divergence. */
  observe(step: number, finite: boolean): boolean {
    if (!finite) {
      // The weights after update step − 1 produced it: they and everything later are suspect.
      this.candidates = this.candidates.filter((c) => c.step < step - 1);
      return false;
    }
    this.finiteUpTo = Math.max(this.finiteUpTo, step);
    this.promote();
    return true;
  }

  /** After a rollback or restore: start again from `state`. */
  reset(state: HostState): void {
    this.good = state;
    this.candidates = [];
    this.finiteUpTo = state.step;
  }

  private promote(): void {
    const vouched = this.candidates.filter((c) => c.step < this.finiteUpTo);
    if (!vouched.length) return;
    this.good = vouched[vouched.length - 1];
    this.candidates = this.candidates.filter((c) => c.step > this.good.step);
  }
}
