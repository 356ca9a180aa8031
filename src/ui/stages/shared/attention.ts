// Helpers for attention panels: which cells the model masked, read from the trace itself.
import { MASKED_VALUE } from '../../../engine/backend';
import type { Trace } from '../../../model/trace';

/** True where the recorded masked scores hold the mask value (not a colour, a hatch). */
export function maskedCells(trace: Trace, maskedName: string, head: number): (r: number, c: number) => boolean {
  const m = trace.matrix(maskedName, head);
  const limit = MASKED_VALUE / 2;
  return (r, c) => m[r][c] <= limit;
}

/** Row r of a (H, R, C) entry for head h, as numbers. */
export function rowOf(trace: Trace, name: string, head: number, r: number): number[] {
  return trace.matrix(name, head)[r];
}
