// The engine state every WebGPU op shares: device, pool, pipeline cache, command stream,
// tensor ids and scopes, plus the helpers ops use to check arguments, pick their result
// tensor (the out/accumulate convention) and dispatch kernels.
import { EngineError, shapeStr, sizeOf, type DType, type OutOptions, type Shape, type Tensor } from '../backend';
import { checkTarget, needDType } from './checks';
import type { MatmulKernel } from './kernels/matmul';
import { PipelineCache, type BufferRange } from './pipelines';
import { BufferPool, STORAGE_USAGE } from './pool';
import { ReadbackRing, ReadStaging } from './readback';
import { CommandStream, type DispatchSpec } from './stream';
import { GpuTensor, overlaps, Storage } from './tensor';

/** Absent writable bindings one dispatch may have. */
const DUMMY_WRITABLE = 4;

/** Where an op writes its result; finish() copies back when the result went to a temporary. */
export interface Target {
  t: GpuTensor;
  accumulate: boolean;
  finish(): GpuTensor;
}

/** Construction options of the WebGPU backend. */
export interface WebGpuOptions {
  /** Force one matmul kernel (default 'auto': chosen by shape). For tests and benchmarks. */
  matmul?: MatmulKernel;
  /** matmul_direct4's 4 × 4 blocks per invocation along each side (1: 4 × 4, 2: 8 × 8). */
  matmulBlocks?: 1 | 2;
}

export type KernelCall = Omit<DispatchSpec, 'ranges'> & { tensors: ReadonlyArray<GpuTensor | null> };
/** A dispatch given bound ranges directly (several tensors of one buffer in one binding). */
export type RangeCall = Omit<DispatchSpec, 'ranges'> & { ranges: ReadonlyArray<BufferRange | null> };

/** Runs kernels on one device: owns its buffer pool, pipelines, command stream and readbacks. */
export class GpuExecutor {
  readonly pool: BufferPool;
  readonly pipelines: PipelineCache;
  readonly stream: CommandStream;
  readonly ring: ReadbackRing;
  readonly staging: ReadStaging;
  /** Bound in place of absent or empty tensors (a binding cannot be zero bytes). */
  readonly dummy: Storage;
  /**
   * Bound in place of absent writable tensors: a separate buffer (a buffer may not be bound
   * read-only and writable in one dispatch), one 256-byte range per binding (writable
   * bindings may not overlap).
   */
  readonly dummyWritable: Storage;
  destroyed = false;
  private nextId = 1;
  private readonly scopes: Set<GpuTensor>[] = [];
  private zeroes = new Uint8Array(0);
  /** Buffers outside the pool (arena regions), destroyed with the engine. */
  private readonly owned: GPUBuffer[] = [];

  constructor(
    readonly device: GPUDevice,
    hasTimestamps: boolean,
    readonly options: WebGpuOptions = {},
  ) {
    this.pool = new BufferPool(device);
    this.pipelines = new PipelineCache(device);
    this.stream = new CommandStream(device, this.pipelines, hasTimestamps);
    this.ring = new ReadbackRing(device, this.stream);
    this.staging = new ReadStaging(device);
    this.stream.onSubmit(() => this.pool.afterSubmit());
    this.dummy = new Storage(device.createBuffer({ label: 'engine.dummy', size: 256, usage: STORAGE_USAGE() }), 256, false);
    this.dummyWritable = new Storage(device.createBuffer({ label: 'engine.dummy.w', size: 256 * DUMMY_WRITABLE, usage: STORAGE_USAGE() }), 256 * DUMMY_WRITABLE, false);
  }

  /** A buffer outside the pool that lives as long as the engine. */
  createOwnedBuffer(label: string, bytes: number): Storage {
    const buffer = this.device.createBuffer({ label, size: bytes, usage: STORAGE_USAGE() });
    this.owned.push(buffer);
    return new Storage(buffer, bytes, false);
  }

  // ---- tensors ----------------------------------------------------------------------------

  /** A pooled tensor with undefined contents (the op fills it), owned by the open scope. */
  alloc(shape: Shape, dtype: DType, label: string): GpuTensor {
    const storage = this.pool.acquire(sizeOf(shape) * 4, label);
    storage.hostIds = null;
    return this.view(storage, 0, shape, dtype, label, false);
  }

  /** A pooled tensor filled with zeros. */
  zeros(shape: Shape, dtype: DType, label: string): GpuTensor {
    const t = this.alloc(shape, dtype, label);
    // New buffers start zeroed (WebGPU guarantees it); recycled ones are cleared.
    if (t.bytes && t.storage.leases > 1) this.writeZeros(t);
    return t;
  }

  /** A new handle onto storage (arena views, reshapes). */
  view(storage: Storage, offset: number, shape: Shape, dtype: DType, label: string, persistent: boolean): GpuTensor {
    const t = new GpuTensor(this.nextId++, [...shape], dtype, label, storage, offset, persistent, this);
    storage.refs++;
    if (!persistent && this.scopes.length) this.scopes[this.scopes.length - 1].add(t);
    return t;
  }

  /** Release a handle; arena views ignore it (their storage lives with the arena). */
  dispose(t: GpuTensor): void {
    if (t.disposed || t.persistent) return;
    t.markDisposed();
    for (const s of this.scopes) s.delete(t);
    const s = t.storage;
    if (--s.refs === 0 && s.pooled) this.pool.release(s);
  }

  /** The argument as a live tensor of this engine, of the given dtype ('any' skips the check). */
  need(op: string, role: string, t: Tensor | undefined | null, dtype: DType | 'any' = 'f32'): GpuTensor {
    if (this.destroyed) throw new EngineError(op, 'the WebGPU backend was destroyed');
    if (!(t instanceof GpuTensor) || t.owner !== this) {
      const what = t && (t as Tensor).shape ? `${(t as Tensor).label} ${shapeStr((t as Tensor).shape)}` : String(t);
      throw new EngineError(op, `${role} is not a tensor of this WebGPU backend (got ${what})`);
    }
    t.assertLive(op, role);
    if (dtype !== 'any') needDType(op, role, t, dtype);
    return t;
  }

  /**
   * The result tensor for an op: opts.out when given (checked), else a new one. When out
   * overlaps an input (in-place use), the kernel writes a temporary that finish() copies back,
   * because WebGPU forbids binding one range as both input and output of a dispatch.
   */
  target(op: string, shape: Shape, label: string, opts: OutOptions | undefined, inputs: readonly GpuTensor[]): Target {
    const accumulate = !!opts?.accumulate;
    const out = opts?.out ? this.need(op, 'out', opts.out) : null;
    checkTarget(op, shape, out, accumulate);
    if (!out) {
      const t = this.alloc(shape, 'f32', label);
      return { t, accumulate, finish: () => t };
    }
    if (!inputs.some((x) => overlaps(x, out))) return { t: out, accumulate, finish: () => out };
    const tmp = this.alloc(shape, 'f32', `${label}.inplace`);
    if (accumulate) this.copyTensor(out, tmp);
    return {
      t: tmp,
      accumulate,
      finish: () => {
        this.copyTensor(tmp, out);
        this.dispose(tmp);
        return out;
      },
    };
  }

  // ---- encoding ---------------------------------------------------------------------------

  range(t: GpuTensor | null): BufferRange {
    if (!t || t.bytes === 0) return { storage: this.dummy, offset: 0, size: 256 };
    return { storage: t.storage, offset: t.offset, size: t.bytes };
  }

  run(call: KernelCall): void {
    const { tensors, ...rest } = call;
    this.runRanges({ ...rest, ranges: tensors.map((t) => (t && t.bytes ? this.range(t) : null)) });
  }

  /** run() with ranges given: absent ones bound to a dummy of their access. */
  runRanges(call: RangeCall): void {
    const { ranges, ...rest } = call;
    let w = 0;
    const bound = ranges.map((r, i) => {
      const writable = call.bindings[i] === 'w';
      if (r) {
        if (writable) r.storage.hostIds = null;
        return r;
      }
      if (!writable) return { storage: this.dummy, offset: 0, size: 256 };
      if (w >= DUMMY_WRITABLE) throw new Error(`${call.kernel}: more than ${DUMMY_WRITABLE} absent writable bindings`);
      return { storage: this.dummyWritable, offset: 256 * w++, size: 256 };
    });
    this.stream.dispatch({ ...rest, ranges: bound });
  }

  /**
   * The tensor's values as the host last wrote them, when it wrote exactly these i32 values
   * and no GPU command has written the buffer since (see Storage.hostIds); else null.
   */
  hostIds(t: GpuTensor): Int32Array | null {
    const m = t.storage.hostIds;
    if (t.dtype !== 'i32' || !m || t.offset < m.offset || t.offset + t.bytes > m.offset + m.data.byteLength) return null;
    const start = (t.offset - m.offset) / 4;
    return m.data.subarray(start, start + t.size);
  }

  /** Encoded copy of `bytes` between two tensors (through a temporary within one buffer). */
  copyTensor(src: GpuTensor, dst: GpuTensor, bytes = src.bytes, srcOffset = 0, dstOffset = 0): void {
    if (bytes === 0) return;
    const from = { storage: src.storage, offset: src.offset + srcOffset, size: bytes };
    dst.storage.lastUse = this.stream.serial;
    dst.storage.hostIds = null;
    if (src.storage !== dst.storage) {
      this.stream.copy(from, { buffer: dst.storage.buffer, offset: dst.offset + dstOffset }, bytes);
      return;
    }
    // copyBufferToBuffer may not read and write the same buffer
    const tmp = this.pool.acquire(bytes, `copy.${src.label}`);
    tmp.lastUse = this.stream.serial;
    this.stream.copy(from, { buffer: tmp.buffer, offset: 0 }, bytes);
    this.stream.copy({ storage: tmp, offset: 0, size: bytes }, { buffer: dst.storage.buffer, offset: dst.offset + dstOffset }, bytes);
    this.pool.release(tmp);
  }

  /**
   * Host data into a tensor, in queue order: a direct writeBuffer when no unsubmitted command
   * touches the buffer, else through an upload buffer and an encoded copy, so commands
   * encoded earlier still see the old contents.
   */
  writeHost(t: GpuTensor, host: Float32Array | Int32Array | Uint8Array): void {
    if (host.byteLength === 0) return;
    t.storage.hostIds = t.dtype === 'i32' && host instanceof Int32Array ? { offset: t.offset, data: host.slice() } : null;
    const data = host as ArrayBufferView<ArrayBuffer>; // typed arrays over a SharedArrayBuffer work too
    if (t.storage.lastUse !== this.stream.serial) {
      this.device.queue.writeBuffer(t.storage.buffer, t.offset, data);
      return;
    }
    const up = this.pool.acquire(data.byteLength, `upload.${t.label}`);
    this.device.queue.writeBuffer(up.buffer, 0, data);
    this.stream.copy(
      { storage: up, offset: 0, size: data.byteLength },
      { buffer: t.storage.buffer, offset: t.offset },
      data.byteLength,
    );
    t.storage.lastUse = this.stream.serial;
    this.pool.release(up);
  }

  writeZeros(t: GpuTensor): void {
    if (this.zeroes.byteLength < t.bytes) this.zeroes = new Uint8Array(t.bytes);
    this.writeHost(t, this.zeroes.subarray(0, t.bytes));
  }

  // ---- scopes -----------------------------------------------------------------------------

  openScope(): void {
    this.scopes.push(new Set());
  }

  /** Dispose what the innermost scope created, except `keep`; kept tensors move outwards. */
  closeScope(keep: ReadonlySet<GpuTensor>): void {
    const created = this.scopes.pop();
    if (!created) return;
    const parent = this.scopes[this.scopes.length - 1];
    for (const t of created) {
      if (keep.has(t)) parent?.add(t);
      else this.dispose(t);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.ring.destroy();
    this.staging.destroy();
    this.stream.destroy();
    this.pool.destroy();
    this.pipelines.clear();
    this.dummy.buffer.destroy();
    this.dummyWritable.buffer.destroy();
    for (const b of this.owned) b.destroy();
    this.owned.length = 0;
  }
}
