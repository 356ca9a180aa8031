// Compute pipelines cached by kernel key, explicit bind group layouts cached by binding
// signature, and bind groups cached by the buffers they bind — so a repeated training step
// (same ops, same pooled buffers) creates no new GPU objects.
import { shaderSources, type ShaderFamily } from './shaderSources';
import type { Storage } from './tensor';
import { SLOT_BYTES } from './uniforms';

/** Storage binding access: 'r' read-only, 'w' read-write. Binding 0 is always the uniforms. */
export type Access = 'r' | 'w';

export interface KernelSpec {
  family: ShaderFamily;
  entry: string;
  /** Storage bindings 1..n in order. */
  bindings: readonly Access[];
  /** Pipeline-overridable constants (workgroup sizes, transposes, variants). */
  constants?: Readonly<Record<string, number>>;
}

export interface Pipeline {
  key: string;
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
}

/** One storage binding: a byte range of a buffer. */
export interface BufferRange {
  storage: Storage;
  offset: number;
  size: number;
}

/** Bind groups kept before the cache is cleared (varying shapes would grow it forever). */
const MAX_BIND_GROUPS = 8192;

export class PipelineCache {
  private readonly modules = new Map<ShaderFamily, GPUShaderModule>();
  private readonly layouts = new Map<string, { group: GPUBindGroupLayout; pipeline: GPUPipelineLayout }>();
  private readonly pipelines = new Map<string, Pipeline>();
  private readonly bindGroups = new Map<string, GPUBindGroup>();
  readonly stats = { pipelinesCreated: 0, bindGroupsCreated: 0 };

  constructor(private readonly device: GPUDevice) {}

  get(spec: KernelSpec): Pipeline {
    const constants = spec.constants ?? {};
    const ck = Object.keys(constants)
      .sort()
      .map((k) => `${k}=${constants[k]}`)
      .join(',');
    const key = `${spec.family}.${spec.entry}(${ck})`;
    const hit = this.pipelines.get(key);
    if (hit) return hit;
    const layout = this.layout(spec.bindings);
    const pipeline = this.device.createComputePipeline({
      label: `${spec.family}.${spec.entry}`,
      layout: layout.pipeline,
      compute: { module: this.module(spec.family), entryPoint: spec.entry, constants },
    });
    const p: Pipeline = { key, pipeline, layout: layout.group };
    this.pipelines.set(key, p);
    this.stats.pipelinesCreated++;
    return p;
  }

  /** The bind group for these buffers (binding 0: the uniform chunk, dynamic offset). */
  bindGroup(p: Pipeline, uniforms: Storage, ranges: readonly BufferRange[], label: string): GPUBindGroup {
    let key = `${p.key}|${uniforms.id}`;
    for (const r of ranges) key += `|${r.storage.id}:${r.offset}:${r.size}`;
    const hit = this.bindGroups.get(key);
    if (hit) return hit;
    if (this.bindGroups.size >= MAX_BIND_GROUPS) this.bindGroups.clear();
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniforms.buffer, offset: 0, size: SLOT_BYTES } }];
    ranges.forEach((r, i) =>
      entries.push({ binding: i + 1, resource: { buffer: r.storage.buffer, offset: r.offset, size: r.size } }),
    );
    const group = this.device.createBindGroup({ label, layout: p.layout, entries });
    this.bindGroups.set(key, group);
    this.stats.bindGroupsCreated++;
    return group;
  }

  clear(): void {
    this.bindGroups.clear();
    this.pipelines.clear();
    this.layouts.clear();
    this.modules.clear();
  }

  private module(family: ShaderFamily): GPUShaderModule {
    let m = this.modules.get(family);
    if (!m) {
      const src = shaderSources[family];
      m = this.device.createShaderModule({ label: src.file, code: src.source });
      this.modules.set(family, m);
    }
    return m;
  }

  private layout(bindings: readonly Access[]) {
    const key = bindings.join('');
    let l = this.layouts.get(key);
    if (!l) {
      const entries: GPUBindGroupLayoutEntry[] = [
        { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform', hasDynamicOffset: true } },
      ];
      bindings.forEach((a, i) =>
        entries.push({
          binding: i + 1,
          visibility: GPUShaderStage.COMPUTE,
          buffer: { type: a === 'w' ? 'storage' : 'read-only-storage' },
        }),
      );
      const group = this.device.createBindGroupLayout({ label: `layout.u${key}`, entries });
      const pipeline = this.device.createPipelineLayout({ label: `pipelineLayout.u${key}`, bindGroupLayouts: [group] });
      l = { group, pipeline };
      this.layouts.set(key, l);
    }
    return l;
  }
}
