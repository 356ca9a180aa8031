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
}

export function headKey(side: 'enc' | 'dec', layer: number, block: 'self' | 'cross', head: number): string {
  return `${side}.${layer}.${block}.${head}`;
}
