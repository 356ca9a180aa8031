// Argument checks shared by both backends. Each throws EngineError naming the op, the
// argument and its shape, so a bad call says what and where.
import { EngineError, shapeStr, type DType, type Shape, type Tensor } from '../backend';

/** A disposed handle may not be used (each backend's `need` calls this). */
export function needLive(op: string, role: string, t: Tensor & { readonly disposed: boolean }): void {
  if (t.disposed) throw new EngineError(op, `${role} '${t.label}' (id ${t.id}) was disposed`);
}

/** The tensor's dtype must be `dtype` (each backend's `need` calls this). */
export function needDType(op: string, role: string, t: Tensor, dtype: DType): void {
  if (t.dtype !== dtype) throw new EngineError(op, `${role} must be ${dtype}, got ${t.dtype} ${shapeStr(t.shape)}`);
}

export function needRank(op: string, role: string, t: Tensor, ranks: readonly number[]): void {
  if (!ranks.includes(t.shape.length)) {
    const want = ranks.map((r) => `${r}-D`).join(' or ');
    throw new EngineError(op, `${role} must be ${want}, got ${shapeStr(t.shape)}`);
  }
}

export function needSameSize(op: string, a: Tensor, aRole: string, b: Tensor, bRole: string): void {
  if (a.size !== b.size) {
    throw new EngineError(op, `sizes differ, ${aRole} ${shapeStr(a.shape)} ${bRole} ${shapeStr(b.shape)}`);
  }
}

export function needPositiveInt(op: string, role: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new EngineError(op, `${role} must be a positive integer, got ${n}`);
}

export function needFinite(op: string, role: string, x: number): void {
  if (!Number.isFinite(x)) throw new EngineError(op, `${role} must be a finite number, got ${x}`);
}

export function checkShape(op: string, shape: Shape): void {
  if (!Array.isArray(shape)) throw new EngineError(op, `shape must be an array, got ${String(shape)}`);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new EngineError(op, `bad shape ${shapeStr(shape)}`);
  }
}

/** Last axis length (1 for a scalar-shaped tensor). */
export function lastDim(t: Tensor): number {
  return t.shape.length ? t.shape[t.shape.length - 1] : 1;
}

/**
 * Every id must index a table of `vocab` rows. Both engines refuse the first one outside
 * [0, vocab) with the same EngineError, e.g. `embedding: ids[3] = 12 is outside the vocabulary
 * [0, 11)`. `exempt` (crossEntropy's ignore index) may be anything.
 */
export function checkIds(op: string, role: string, ids: ArrayLike<number>, vocab: number, exempt?: number): void {
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    if (id === exempt || (id >= 0 && id < vocab)) continue;
    const note = exempt === undefined ? '' : ` (and is not the ignore index ${exempt})`;
    throw new EngineError(op, `${role}[${n}] = ${id} is outside the vocabulary [0, ${vocab})${note}`);
  }
}
