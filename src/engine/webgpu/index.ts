// The WebGPU engine's public face: the backend factory, the device helpers and the shader
// sources (for the walkthrough's "view shader" panel).
import type { GpuContext } from './device';
import { WebGpuBackend } from './backend';
import type { WebGpuOptions } from './context';

export { WebGpuBackend, type WebGpuStats } from './backend';
export type { WebGpuOptions } from './context';
export type { MatmulKernel } from './kernels/matmul';
export { requestGpu, watchDevice, type GpuContext, type GpuInfo } from './device';
export { tuneMatmulBlocks, tuneMatmulBlocksOnce, type MatmulBlocks, type MatmulTuning, type TuneShape } from './tune';
export { shaderSources, type ShaderFamily, type ShaderSource } from './shaderSources';

/** A Backend on WebGPU; the returned object also has stats() for benchmarks. */
export function createWebGPUBackend(ctx: GpuContext, options?: WebGpuOptions): WebGpuBackend {
  return new WebGpuBackend(ctx, options);
}
