// The activation pool. Buffers come in size buckets (powers of two in quarter steps, so at
// most 25% is wasted). A released buffer waits in `pending` until the next submit: only
// then may it be handed out again, so a queue.writeBuffer into a recycled buffer can never
// clobber data that unsubmitted commands still read. Free lists are stacks, and a submit
// pushes its released buffers in reverse release order, so the first buffer released is
// the first handed out again: a training step that allocates and releases in the same
// order as the last one gets the same buffers back (older spares stay below, untouched),
// and therefore the same cached bind groups.
import { Storage } from './tensor';

const MIN_BYTES = 256;

/** Bucket size for a request: n rounded up to a quarter of its power of two. */
export function bucketBytes(n: number): number {
  const want = Math.max(n, MIN_BYTES);
  const pow = 2 ** Math.floor(Math.log2(want));
  const step = pow / 4;
  return Math.ceil(want / step) * step;
}

export const STORAGE_USAGE = (): number =>
  GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export interface PoolStats {
  buffersCreated: number;
  bytesCreated: number;
  reused: number;
  /** Buffers handed out and not yet returned. */
  inUse: number;
}

export class BufferPool {
  private readonly free = new Map<number, Storage[]>();
  private pending: Storage[] = [];
  private readonly all: Storage[] = [];
  readonly stats: PoolStats = { buffersCreated: 0, bytesCreated: 0, reused: 0, inUse: 0 };

  constructor(private readonly device: GPUDevice) {}

  /** A buffer of at least `bytes`, labelled for this use. Contents are undefined. */
  acquire(bytes: number, label: string): Storage {
    const size = bucketBytes(bytes);
    const list = this.free.get(size);
    this.stats.inUse++;
    if (list && list.length) {
      const s = list.pop()!;
      this.stats.reused++;
      s.leases++;
      if (s.buffer.label !== label) s.buffer.label = label;
      return s;
    }
    const buffer = this.device.createBuffer({ label, size, usage: STORAGE_USAGE() });
    const s = new Storage(buffer, size, true);
    s.leases = 1;
    this.all.push(s);
    this.stats.buffersCreated++;
    this.stats.bytesCreated += size;
    return s;
  }

  /** Give a buffer back; it becomes reusable after the next submit. */
  release(s: Storage): void {
    this.stats.inUse--;
    this.pending.push(s);
  }

  /** Called right after queue.submit: pending buffers join the free lists (first released on top). */
  afterSubmit(): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const s = this.pending[i];
      let list = this.free.get(s.bytes);
      if (!list) this.free.set(s.bytes, (list = []));
      list.push(s);
    }
    this.pending = [];
  }

  destroy(): void {
    for (const s of this.all) s.buffer.destroy();
    this.all.length = 0;
    this.free.clear();
    this.pending = [];
  }
}
