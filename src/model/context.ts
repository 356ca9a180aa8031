// What a forward pass needs besides its inputs: the backend, the parameters, an optional
// tape (training) and trace (walkthrough), and the run-time switches.
import type { Arena, Backend } from '../engine/backend';
import type { ModelVariant } from './config';
import type { Tape } from './tape';
import type { TraceRecorder } from './trace';

/** Which attention heads to silence at inference: keys like 'enc.0.self.2' (side.layer.block.head). */
export type DisabledHeads = ReadonlySet<string>;

export interface ForwardContext {
  be: Backend;
  params: Arena;
  /** Present when training: ops record their backward closures here. */
  tape?: Tape;
  /** Present when the walkthrough wants every intermediate; absent (free) otherwise. */
  trace?: TraceRecorder;
  variant: ModelVariant;
  /** Dropout probability on embeddings and sublayer outputs (0 at inference). */
  dropout: number;
  /** Seed source for dropout masks; each call gives a fresh seed. */
  nextSeed: () => number;
  disabledHeads?: DisabledHeads;
  /** Add `delta` to one element of a named point of the graph (finite-difference checks). */
  nudge?: Nudge;
  /** false: run the unfused graph even on WebGPU without a trace (see fused()). Default true. */
  fuse?: boolean;
}

/**
 * Whether ops may run fused kernels (attention in one kernel, residual add + LayerNorm, bias +
 * activation, Q/K/V as one product): on WebGPU, where they save dispatches, and only when
 * nothing needs the intermediates they skip — no trace recording the named points, no nudge
 * shifting one of them, and not switched off (the walkthrough profiles the unfused kernels,
 * the ones that computed the numbers it shows). The CPU engine has no dispatches to save (its
 * fused twins are the kernels' reference, and slower than its unfused ops), so it never fuses.
 */
export function fused(ctx: ForwardContext): boolean {
  return ctx.be.info.kind === 'webgpu' && !ctx.trace && !ctx.nudge && ctx.fuse !== false;
}

/** One element of a named intermediate (a trace name, e.g. 'dec.0.self.weights'), shifted by delta. */
export interface Nudge {
  name: string;
  /** Flat index into the tensor as the trace records it. */
  index: number;
  delta: number;
}

export function headKey(side: 'enc' | 'dec', layer: number, block: 'self' | 'cross', head: number): string {
  return `${side}.${layer}.${block}.${head}`;
}
