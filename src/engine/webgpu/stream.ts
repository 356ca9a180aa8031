// The command stream: ops encode into one open command encoder (consecutive dispatches
// share one compute pass) and flush() turns it into exactly one queue.submit. Buffer
// copies end the pass. Dispatch records go to every open recorder; when one of them
// profiles and the device has timestamp queries, each dispatch gets its own timed pass.
import type { DispatchRecord } from '../backend';
import type { BufferRange, KernelSpec, PipelineCache } from './pipelines';
import { Profiler } from './profiler';
import { shaderSources } from './shaderSources';
import { UniformArena, type UniformWords } from './uniforms';

export interface DispatchSpec extends KernelSpec {
  /** Kernel family and variant for the op log, e.g. 'layernorm.backward'. */
  kernel: string;
  /** What it computes, e.g. 'softmax.scores' (labels the bind group). */
  label: string;
  /** The kernel's uniform struct, packed by name (params.ts). */
  uniforms: UniformWords;
  ranges: readonly BufferRange[];
  workgroups: readonly [number, number?, number?];
}

export interface Recorder {
  records: DispatchRecord[];
  profile: boolean;
}

export interface StreamStats {
  dispatches: number;
  submits: number;
  copies: number;
}

export class CommandStream {
  /** Serial of the open (not yet submitted) encoder. */
  serial = 0;
  readonly stats: StreamStats = { dispatches: 0, submits: 0, copies: 0 };
  readonly recorders: Recorder[] = [];
  /** The labelScope path, innermost last. */
  readonly scopePath: string[] = [];
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private readonly uniforms: UniformArena;
  readonly profiler: Profiler;
  private readonly afterSubmit: Array<() => void> = [];

  constructor(
    private readonly device: GPUDevice,
    private readonly pipelines: PipelineCache,
    private readonly hasTimestamps: boolean,
  ) {
    this.uniforms = new UniformArena(device);
    this.profiler = new Profiler(device);
  }

  /** Run `fn` after every submit (pool release, readback mapping). */
  onSubmit(fn: () => void): void {
    this.afterSubmit.push(fn);
  }

  /** True when something has been encoded since the last submit. */
  get pending(): boolean {
    return this.encoder !== null;
  }

  dispatch(d: DispatchSpec): void {
    const p = this.pipelines.get(d);
    const slot = this.uniforms.push(d.uniforms);
    const group = this.pipelines.bindGroup(p, slot.chunk, d.ranges, `${d.kernel}:${d.label}`);
    for (const r of d.ranges) r.storage.lastUse = this.serial;
    const timed = this.record(d);
    let pass: GPUComputePassEncoder;
    if (timed) {
      this.endPass();
      pass = this.open().beginComputePass({ label: `${d.kernel}:${d.label}`, timestampWrites: timed });
    } else {
      pass = this.pass ??= this.open().beginComputePass({ label: `engine.pass${this.serial}` });
    }
    pass.setPipeline(p.pipeline);
    pass.setBindGroup(0, group, [slot.offset]);
    pass.dispatchWorkgroups(d.workgroups[0], d.workgroups[1] ?? 1, d.workgroups[2] ?? 1);
    if (timed) pass.end();
    this.stats.dispatches++;
  }

  /** copyBufferToBuffer in queue order (ends the open compute pass). */
  copy(src: BufferRange, dst: { buffer: GPUBuffer; offset: number }, bytes: number): void {
    if (bytes === 0) return;
    src.storage.lastUse = this.serial;
    this.endPass();
    this.open().copyBufferToBuffer(src.storage.buffer, src.offset, dst.buffer, dst.offset, bytes);
    this.stats.copies++;
  }

  /** Submit everything encoded so far: exactly one queue.submit (none when idle). */
  flush(): void {
    if (this.encoder) {
      this.endPass();
      const batch = this.profiler.encodeResolve(this.encoder);
      this.uniforms.upload();
      this.device.queue.submit([this.encoder.finish({ label: `engine.commands${this.serial}` })]);
      this.encoder = null;
      this.stats.submits++;
      if (batch) this.profiler.afterSubmit(batch);
    }
    this.serial++;
    for (const fn of this.afterSubmit) fn();
  }

  destroy(): void {
    this.pass = null;
    this.encoder = null;
    this.uniforms.destroy();
    this.profiler.destroy();
  }

  private open(): GPUCommandEncoder {
    return (this.encoder ??= this.device.createCommandEncoder({ label: `engine.encoder${this.serial}` }));
  }

  private endPass(): void {
    if (this.pass) {
      this.pass.end();
      this.pass = null;
    }
  }

  /** Log the dispatch to open recorders; returns timestamp writes when it is profiled. */
  private record(d: DispatchSpec): GPUComputePassTimestampWrites | null {
    if (!this.recorders.length) return null;
    const base: DispatchRecord = {
      kernel: d.kernel,
      source: shaderSources[d.family].file,
      label: d.label,
      scope: this.scopePath.join('/'),
    };
    const copies: DispatchRecord[] = [];
    let profile = false;
    for (const r of this.recorders) {
      const rec = { ...base };
      r.records.push(rec);
      if (r.profile) {
        profile = true;
        copies.push(rec);
      }
    }
    return profile && this.hasTimestamps ? this.profiler.timestampWrites(copies) : null;
  }
}
