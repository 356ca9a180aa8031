// Per-submit uniform arena. Each dispatch gets its own 256-byte slot (the uniform offset
// alignment), bound with a dynamic offset, so one bind group serves every slot of a chunk.
// Slots are filled on the host while encoding and uploaded with one writeBuffer per chunk
// at flush, just before the submit — rewriting a single buffer per dispatch would not work,
// because every writeBuffer lands before the submit's first dispatch runs. Queue order
// makes reusing the chunks for the next submit safe.
import { Storage } from './tensor';

export const SLOT_BYTES = 256;
const SLOTS_PER_CHUNK = 256;
const CHUNK_BYTES = SLOT_BYTES * SLOTS_PER_CHUNK;

/** One dispatch's uniform struct as bytes, one 32-bit word per field (params.ts packs it by name). */
export type UniformWords = Uint32Array;

export interface UniformSlot {
  chunk: Storage;
  /** Dynamic offset of the slot inside the chunk. */
  offset: number;
}

interface Chunk {
  storage: Storage;
  host: ArrayBuffer;
  u32: Uint32Array;
}

export class UniformArena {
  private readonly chunks: Chunk[] = [];
  private used = 0;

  constructor(private readonly device: GPUDevice) {}

  /** Reserve the next slot and write the struct's words into its host copy. */
  push(words: UniformWords): UniformSlot {
    const index = this.used++;
    const c = this.chunk(Math.floor(index / SLOTS_PER_CHUNK));
    const offset = (index % SLOTS_PER_CHUNK) * SLOT_BYTES;
    c.u32.set(words, offset / 4);
    return { chunk: c.storage, offset };
  }

  /** Upload the slots used since the last flush (one writeBuffer per chunk) and reset. */
  upload(): void {
    let left = this.used;
    for (let i = 0; left > 0; i++, left -= SLOTS_PER_CHUNK) {
      const bytes = Math.min(left, SLOTS_PER_CHUNK) * SLOT_BYTES;
      this.device.queue.writeBuffer(this.chunks[i].storage.buffer, 0, this.chunks[i].host, 0, bytes);
    }
    this.used = 0;
  }

  destroy(): void {
    for (const c of this.chunks) c.storage.buffer.destroy();
    this.chunks.length = 0;
  }

  private chunk(i: number): Chunk {
    while (this.chunks.length <= i) {
      const buffer = this.device.createBuffer({
        label: `uniforms.chunk${this.chunks.length}`,
        size: CHUNK_BYTES,
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      });
      const host = new ArrayBuffer(CHUNK_BYTES);
      this.chunks.push({
        storage: new Storage(buffer, CHUNK_BYTES, false),
        host,
        u32: new Uint32Array(host),
      });
    }
    return this.chunks[i];
  }
}
