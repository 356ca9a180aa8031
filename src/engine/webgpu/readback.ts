// Reading results back. The ring: a few staging buffers; readback() encodes a copy into the
// next idle one, which is mapped after the next flush and resolves its ticket with a copy of
// the data. When every slot is still in flight the readback is dropped (null) — nobody
// ever waits on the ring. read() uses its own staging buffers and is the one awaited path.
import type { ReadbackTicket } from '../backend';
import { bucketBytes } from './pool';
import type { CommandStream } from './stream';
import type { GpuTensor } from './tensor';

type Data = Float32Array | Int32Array;

interface Slot {
  buffer: GPUBuffer | null;
  state: 'idle' | 'encoded' | 'mapping';
  job: { bytes: number; dtype: GpuTensor['dtype']; resolve(d: Data): void; reject(e: unknown): void } | null;
}

export const RING_SIZE = 4;

function view(dtype: GpuTensor['dtype'], bytes: ArrayBuffer): Data {
  return dtype === 'i32' ? new Int32Array(bytes) : new Float32Array(bytes);
}

function mapUsage(): number {
  return GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST;
}

export class ReadbackRing {
  private readonly slots: Slot[];
  readonly stats = { readbacks: 0, dropped: 0 };

  constructor(
    private readonly device: GPUDevice,
    private readonly stream: CommandStream,
    size = RING_SIZE,
  ) {
    this.slots = Array.from({ length: size }, () => ({ buffer: null, state: 'idle', job: null }));
    stream.onSubmit(() => this.mapEncoded());
  }

  /** Encode a copy of t into an idle slot, or return null when all are in flight. */
  readback(t: GpuTensor, label: string): ReadbackTicket | null {
    if (t.size === 0) return { label, data: Promise.resolve(view(t.dtype, new ArrayBuffer(0))) };
    const slot = this.slots.find((s) => s.state === 'idle');
    if (!slot) {
      this.stats.dropped++;
      return null;
    }
    if (!slot.buffer || slot.buffer.size < t.bytes) {
      slot.buffer?.destroy();
      slot.buffer = this.device.createBuffer({ label: 'readback.ring', size: bucketBytes(t.bytes), usage: mapUsage() });
    }
    slot.buffer.label = `readback.${label}`;
    this.stream.copy({ storage: t.storage, offset: t.offset, size: t.bytes }, { buffer: slot.buffer, offset: 0 }, t.bytes);
    slot.state = 'encoded';
    this.stats.readbacks++;
    const data = new Promise<Data>((resolve, reject) => {
      slot.job = { bytes: t.bytes, dtype: t.dtype, resolve, reject };
    });
    return { label, data };
  }

  /** Slots currently encoded or mapping. */
  get inFlight(): number {
    return this.slots.filter((s) => s.state !== 'idle').length;
  }

  destroy(): void {
    for (const s of this.slots) {
      s.job?.reject(new Error('readback: backend destroyed'));
      s.buffer?.destroy();
      s.buffer = null;
    }
  }

  private mapEncoded(): void {
    for (const slot of this.slots) {
      if (slot.state !== 'encoded' || !slot.buffer || !slot.job) continue;
      slot.state = 'mapping';
      const { buffer, job } = { buffer: slot.buffer, job: slot.job };
      buffer.mapAsync(GPUMapMode.READ, 0, job.bytes).then(
        () => {
          const copy = buffer.getMappedRange(0, job.bytes).slice(0);
          buffer.unmap();
          slot.state = 'idle';
          slot.job = null;
          job.resolve(view(job.dtype, copy));
        },
        (e: unknown) => {
          slot.state = 'idle';
          slot.job = null;
          job.reject(e);
        },
      );
    }
  }
}

/** Staging buffers for the awaited read(): reused by bucket size, never dropped. */
export class ReadStaging {
  private readonly idle = new Map<number, GPUBuffer[]>();
  private readonly all: GPUBuffer[] = [];

  constructor(private readonly device: GPUDevice) {}

  acquire(bytes: number, label: string): GPUBuffer {
    const size = bucketBytes(bytes);
    const b = this.idle.get(size)?.pop();
    if (b) return b;
    const buffer = this.device.createBuffer({ label: `read.${label}`, size, usage: mapUsage() });
    this.all.push(buffer);
    return buffer;
  }

  release(b: GPUBuffer): void {
    let list = this.idle.get(b.size);
    if (!list) this.idle.set(b.size, (list = []));
    list.push(b);
  }

  destroy(): void {
    for (const b of this.all) b.destroy();
    this.all.length = 0;
    this.idle.clear();
  }
}
