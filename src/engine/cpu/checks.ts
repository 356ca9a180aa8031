// Argument checks shared by every op. Each throws EngineError naming the op, the argument
// and its shape, so a bad call says what and where.
import { EngineError, shapeStr, type DType, type Shape, type Tensor } from '../backend';
import { CpuTensor } from './tensor';

/** The argument as a live CpuTensor of the given dtype. */
export function need(op: string, role: string, t: Tensor | undefined, dtype: DType = 'f32'): CpuTensor {
  if (!(t instanceof CpuTensor)) {
    throw new EngineError(op, `${role} is not a CPU tensor (got ${describe(t)})`);
  }
  if (t.disposed) throw new EngineError(op, `${role} '${t.label}' (id ${t.id}) was disposed`);
  if (t.dtype !== dtype) {
    throw new EngineError(op, `${role} must be ${dtype}, got ${t.dtype} ${shapeStr(t.shape)}`);
  }
  return t;
}

/** The argument as a live CpuTensor of either dtype. */
export function needAny(op: string, role: string, t: Tensor | undefined): CpuTensor {
  return need(op, role, t, t instanceof CpuTensor ? t.dtype : 'f32');
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
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new EngineError(op, `bad shape ${shapeStr(shape)}`);
  }
}

/** Last axis length (1 for a scalar-shaped tensor). */
export function lastDim(t: Tensor): number {
  return t.shape.length ? t.shape[t.shape.length - 1] : 1;
}

/** True when two tensors' storage overlaps in memory. */
export function overlaps(a: CpuTensor, b: CpuTensor): boolean {
  const x = a.data;
  const y = b.data;
  if (x.buffer !== y.buffer) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/** True when two tensors are views of exactly the same elements. */
export function sameRange(a: CpuTensor, b: CpuTensor): boolean {
  const x = a.data;
  const y = b.data;
  return x.buffer === y.buffer && x.byteOffset === y.byteOffset && x.length === y.length;
}

function describe(t: unknown): string {
  if (t === undefined || t === null) return String(t);
  const maybe = t as Partial<Tensor>;
  if (maybe.shape) return `${maybe.label ?? 'tensor'} ${shapeStr(maybe.shape)}`;
  return typeof t;
}
