// The GPU tensor: a handle onto a range of a GPUBuffer (its Storage). Reshapes share the
// storage; the storage goes back to the pool only when its last live handle is disposed.
import { shapeStr, type DType, type Shape, type Tensor } from '../backend';
import { needLive } from './checks';

let nextStorageId = 1;

/** One GPUBuffer and the bookkeeping the engine keeps about it. */
export class Storage {
  readonly id = nextStorageId++;
  /** Live tensor handles onto this buffer (pooled storage is released at 0). */
  refs = 0;
  /** Serial of the last command encoder that referenced the buffer (write hazards). */
  lastUse = -1;
  /** Times the pool has handed this buffer out (1: never used before, so still zeroed). */
  leases = 0;
  /**
   * The i32 values the host last wrote here (at byte `offset`), kept while no GPU command has
   * written the buffer since: ops that index tables (embedding, crossEntropy) check ids from it
   * on the host, because a kernel cannot raise an error without a readback. Null = unknown.
   */
  hostIds: { offset: number; data: Int32Array } | null = null;

  constructor(
    readonly buffer: GPUBuffer,
    /** Allocated bytes (the pool's bucket size). */
    readonly bytes: number,
    /** Pool buffers are recycled; arena regions and internal buffers are not. */
    readonly pooled: boolean,
  ) {}
}

export class GpuTensor implements Tensor {
  readonly size: number;
  private disposedFlag = false;

  constructor(
    readonly id: number,
    readonly shape: Shape,
    readonly dtype: DType,
    readonly label: string,
    readonly storage: Storage,
    /** Byte offset into the storage (a multiple of 256 for arena views, else 0). */
    readonly offset: number,
    /** Arena views: never disposed by scope(), never returned to the pool. */
    readonly persistent: boolean,
    /** The engine that made it (tensors do not cross backends). */
    readonly owner: object,
  ) {
    let n = 1;
    for (const d of shape) n *= d;
    this.size = n;
  }

  get bytes(): number {
    return this.size * 4;
  }

  get disposed(): boolean {
    return this.disposedFlag;
  }

  markDisposed(): void {
    this.disposedFlag = true;
  }

  assertLive(op: string, role: string): void {
    needLive(op, role, this);
  }

  toString(): string {
    return `${this.label} ${shapeStr(this.shape)} ${this.dtype}`;
  }
}

/** True when two tensors' byte ranges overlap in the same buffer. */
export function overlaps(a: GpuTensor, b: GpuTensor): boolean {
  if (a.storage !== b.storage || a.size === 0 || b.size === 0) return false;
  return a.offset < b.offset + b.bytes && b.offset < a.offset + a.bytes;
}
