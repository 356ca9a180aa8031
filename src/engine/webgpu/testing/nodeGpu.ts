// A real WebGPU device in Node (Dawn, through the `webgpu` package) for kernel tests and
// command-line tools. On machines without a GPU, SwiftShader (shipped with Chromium) is a
// Vulkan driver that works: point the Vulkan loader at it unless the caller already chose.
import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { requestGpu, type GpuContext } from '../device';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface NodeGpu {
  ctx: GpuContext;
  /** Uncaptured device errors (validation, out of memory) since creation or the last take. */
  takeErrors(): string[];
  destroy(): void;
}

/**
 * Dawn's instance lives in the GPU object that create() returns; if it is garbage collected
 * while work is in flight, Dawn's event processing touches freed memory and the process
 * aborts. Keep every instance alive for the life of the process.
 */
const instances = new Set<GPU>();

export type NodeGpuResult = { ok: true; gpu: NodeGpu } | { ok: false; reason: string };

/** A device, or the reason there is none. Never throws. */
export async function createNodeGpu(): Promise<NodeGpuResult> {
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  let api: GPU;
  try {
    // GPUBufferUsage, GPUMapMode, … are globals in browsers; Dawn exports them separately.
    Object.assign(globalThis, globals);
    api = create([]);
    instances.add(api);
  } catch (e) {
    return { ok: false, reason: `webgpu package failed to load: ${String(e)}` };
  }
  const req = await requestGpu(api);
  if (!req.ok) return { ok: false, reason: `${req.reason}: ${req.detail}` };
  const errors: string[] = [];
  const device = req.ctx.device;
  device.addEventListener('uncapturederror', (ev) => {
    errors.push((ev as GPUUncapturedErrorEvent).error.message);
  });
  return {
    ok: true,
    gpu: {
      ctx: req.ctx,
      takeErrors: () => errors.splice(0),
      destroy: () => device.destroy(),
    },
  };
}
