// Bookkeeping shared by all CPU ops: tensor ids, open scopes, dispatch recorders, and the
// `out`/`accumulate` convention for results.
import { EngineError, sizeOf, type DispatchRecord, type DType, type OutOptions, type Shape } from '../backend';
import { checkTarget, need, overlaps, sameRange } from './checks';
import { allocData, CpuTensor, type CpuData } from './tensor';

interface Recorder {
  records: DispatchRecord[];
  profile: boolean;
}

/** Where an op writes its result, and whether it adds to what is there. */
export interface Target {
  t: CpuTensor;
  /** Write here; it is `t`'s storage unless `t` overlaps an input (then a temporary). */
  data: Float32Array;
  accumulate: boolean;
  /** Call once the result is in `data`: copies a temporary back into `t`, returns `t`. */
  finish(): CpuTensor;
}

/** Storage below this many elements is not recycled (small arrays are cheap to make). */
const POOL_MIN = 256;
/** Recycled storage kept at most (elements, both dtypes together): 16 M = 64 MB. */
const POOL_MAX = 16 << 20;

export class CpuContext {
  private nextId = 1;
  private readonly scopes: Set<CpuTensor>[] = [];
  private readonly recorders: Recorder[] = [];
  /** The labelScope path, innermost last. */
  readonly scopePath: string[] = [];
  destroyed = false;
  /**
   * Storage recycling. A training step makes ~250 result tensors (~18 MB) and disposes them
   * with its scope; fresh typed arrays that size cost page faults and zeroing in the allocator
   * (tens of µs each), a recycled one a fill(0). `holders` counts the live handles (the tensor
   * and its reshape views) of each storage alloc() made; when the last one is disposed, the
   * buffer goes back to `pool`, keyed by dtype and power-of-two capacity. Storage that alloc()
   * did not make (arena views, wrapped arrays) is never recycled.
   */
  private readonly holders = new WeakMap<CpuData, number>();
  private readonly pool = new Map<string, CpuData[]>();
  private pooled = 0;

  /** A zero-filled tensor, owned by the innermost open scope. */
  alloc(shape: Shape, dtype: DType, label: string): CpuTensor {
    const size = sizeOf(shape);
    if (size < POOL_MIN) return this.wrap(allocData(dtype, size), shape, dtype, label);
    const capacity = 2 ** Math.ceil(Math.log2(size));
    const base = this.pool.get(`${dtype}${capacity}`)?.pop();
    let data: CpuData;
    if (base) {
      this.pooled -= capacity;
      base.fill(0, 0, size);
      data = base.subarray(0, size);
    } else data = allocData(dtype, capacity).subarray(0, size);
    this.holders.set(data, 0);
    return this.wrap(data, shape, dtype, label);
  }

  /** A tensor over existing storage (size must match the shape). */
  wrap(data: CpuData, shape: Shape, dtype: DType, label: string, persistent = false): CpuTensor {
    const t = new CpuTensor(this.nextId++, [...shape], dtype, label, data, persistent);
    const held = this.holders.get(data);
    if (held !== undefined) this.holders.set(data, held + 1);
    if (!persistent && this.scopes.length) this.scopes[this.scopes.length - 1].add(t);
    return t;
  }

  /** Mark a handle dead; its storage is recycled once no live handle uses it. */
  private release(t: CpuTensor): void {
    if (t.disposed) return;
    const data = t.data;
    t.markDisposed();
    const held = this.holders.get(data);
    if (held === undefined) return;
    if (held > 1) return void this.holders.set(data, held - 1);
    this.holders.delete(data);
    const base = data instanceof Float32Array ? new Float32Array(data.buffer) : new Int32Array(data.buffer);
    if (this.pooled + base.length > POOL_MAX) return;
    const key = `${t.dtype}${base.length}`;
    let list = this.pool.get(key);
    if (!list) this.pool.set(key, (list = []));
    list.push(base);
    this.pooled += base.length;
  }

  /**
   * The result tensor for an op: opts.out when given (checked), else a new one. When out
   * overlaps one of `inputs` the op writes a temporary that finish() copies back, so in-place
   * use is always correct. `pointwise` ops (element i reads only element i) may write
   * straight into an input occupying exactly the same range.
   */
  target(op: string, shape: Shape, label: string, opts?: OutOptions, inputs: CpuTensor[] = [], pointwise = false): Target {
    const accumulate = !!opts?.accumulate;
    const out = opts?.out ? need(op, 'out', opts.out) : null;
    checkTarget(op, shape, out, accumulate);
    if (!out) {
      const t = this.alloc(shape, 'f32', label);
      return { t, data: t.f32, accumulate, finish: () => t };
    }
    const t = out;
    const clash = inputs.some((x) => overlaps(x, t) && !(pointwise && sameRange(x, t)));
    if (!clash) return { t, data: t.f32, accumulate, finish: () => t };
    const temp = accumulate ? t.f32.slice() : new Float32Array(t.size);
    return {
      t,
      data: temp,
      accumulate,
      finish: () => {
        t.f32.set(temp);
        return t;
      },
    };
  }

  // ---- scopes ---------------------------------------------------------------------------

  openScope(): void {
    this.scopes.push(new Set());
  }

  /** Dispose what the innermost scope created, except `keep`; kept tensors move outwards. */
  closeScope(keep: ReadonlySet<CpuTensor>): void {
    const created = this.scopes.pop();
    if (!created) return;
    const parent = this.scopes[this.scopes.length - 1];
    for (const t of created) {
      if (keep.has(t)) parent?.add(t);
      else this.release(t);
    }
  }

  /** Dispose one tensor now. */
  dispose(t: CpuTensor): void {
    this.release(t);
    for (const s of this.scopes) s.delete(t);
  }

  // ---- dispatch records -----------------------------------------------------------------

  startRecording(profile: boolean): Recorder {
    const r: Recorder = { records: [], profile };
    this.recorders.push(r);
    return r;
  }

  stopRecording(r: Recorder): void {
    const i = this.recorders.lastIndexOf(r);
    if (i >= 0) this.recorders.splice(i, 1);
  }

  /** Run one kernel, reporting it to every open recorder (timed when one profiles). */
  run<T>(op: string, kernel: string, source: string, fn: () => T, label?: (result: T) => string): T {
    if (this.destroyed) throw new EngineError(op, 'the CPU backend was destroyed');
    if (!this.recorders.length) return fn();
    const timed = this.recorders.some((r) => r.profile);
    const t0 = timed ? performance.now() : 0;
    const result = fn();
    const ms = timed ? performance.now() - t0 : undefined;
    const record: DispatchRecord = { kernel, source, label: label ? label(result) : kernel, scope: this.scopePath.join('/') };
    for (const r of this.recorders) r.records.push(r.profile ? { ...record, gpuMs: ms } : { ...record });
    return result;
  }
}
