// GPU timing of single dispatches with timestamp queries. In profiling mode every dispatch
// gets its own compute pass with timestampWrites (begin, end); at flush the queries are
// resolved and copied to a mappable buffer, and once mapped each record gets its gpuMs.
import type { DispatchRecord } from '../backend';

const QUERIES_PER_SET = 256;

interface Batch {
  read: GPUBuffer;
  resolve: GPUBuffer;
  /** records[i]: every recorder's copy of dispatch i's record. */
  records: DispatchRecord[][];
}

export class Profiler {
  private readonly sets: GPUQuerySet[] = [];
  private records: DispatchRecord[][] = [];
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly device: GPUDevice) {}

  /** Timestamp writes for the next profiled pass, whose result goes into `records`. */
  timestampWrites(records: DispatchRecord[]): GPUComputePassTimestampWrites {
    const pair = this.records.length;
    this.records.push(records);
    const q = pair * 2;
    const set = Math.floor(q / QUERIES_PER_SET);
    while (this.sets.length <= set) {
      this.sets.push(
        this.device.createQuerySet({ label: `profiler.queries${this.sets.length}`, type: 'timestamp', count: QUERIES_PER_SET }),
      );
    }
    const at = q % QUERIES_PER_SET;
    return { querySet: this.sets[set], beginningOfPassWriteIndex: at, endOfPassWriteIndex: at + 1 };
  }

  /** Encode the resolve of this encoder's queries; returns the batch to map after submit. */
  encodeResolve(encoder: GPUCommandEncoder): Batch | null {
    const records = this.records;
    if (!records.length) return null;
    this.records = [];
    const queries = records.length * 2;
    const bytes = Math.ceil(queries / QUERIES_PER_SET) * QUERIES_PER_SET * 8;
    const resolve = this.device.createBuffer({
      label: 'profiler.resolve',
      size: bytes,
      usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
    });
    const read = this.device.createBuffer({
      label: 'profiler.read',
      size: bytes,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    for (let s = 0; s * QUERIES_PER_SET < queries; s++) {
      const count = Math.min(QUERIES_PER_SET, queries - s * QUERIES_PER_SET);
      encoder.resolveQuerySet(this.sets[s], 0, count, resolve, s * QUERIES_PER_SET * 8);
    }
    encoder.copyBufferToBuffer(resolve, 0, read, 0, bytes);
    return { read, resolve, records };
  }

  /** After the submit: map the timestamps and fill in gpuMs. */
  afterSubmit(batch: Batch): void {
    const done = batch.read
      .mapAsync(GPUMapMode.READ)
      .then(() => {
        const t = new BigUint64Array(batch.read.getMappedRange());
        batch.records.forEach((copies, i) => {
          const ns = Number(t[2 * i + 1] - t[2 * i]);
          for (const r of copies) r.gpuMs = Math.max(0, ns) / 1e6;
        });
        batch.read.unmap();
      })
      .catch(() => undefined) // device lost: the records simply stay untimed
      .finally(() => {
        batch.read.destroy();
        batch.resolve.destroy();
        this.inFlight.delete(done);
      });
    this.inFlight.add(done);
  }

  /** Resolves once every submitted batch has been read. */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  destroy(): void {
    for (const s of this.sets) s.destroy();
    this.sets.length = 0;
  }
}
