// Adapter and device setup, and the one failure path for a lost device or an uncaptured
// error. Everything GPU-side in the app gets its device from here.

export interface GpuInfo {
  /** Human-readable adapter name, e.g. 'google swiftshader' or 'nvidia ampere'. */
  name: string;
  isFallbackAdapter: boolean;
  hasTimestamps: boolean;
}

export interface GpuContext {
  adapter: GPUAdapter;
  device: GPUDevice;
  info: GpuInfo;
}

export type GpuUnavailableReason = 'no-webgpu' | 'no-adapter' | 'device-failed';

export type GpuRequest =
  | { ok: true; ctx: GpuContext }
  | { ok: false; reason: GpuUnavailableReason; detail: string };

export interface GpuFailure {
  kind: 'lost' | 'error';
  message: string;
}

/** Limits the kernels rely on; requested up to what the adapter offers. */
const WANTED_LIMITS = [
  'maxStorageBuffersPerShaderStage',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupsPerDimension',
] as const;

function adapterName(adapter: GPUAdapter): string {
  const i = adapter.info;
  const parts = [i?.vendor, i?.architecture, i?.device, i?.description].filter((s) => !!s);
  return parts.length ? Array.from(new Set(parts)).join(' ') : 'unknown adapter';
}

/**
 * Ask for an adapter and a device. Never throws: a missing API, adapter or device comes
 * back as a reason the UI can translate ("CPU fallback: …").
 */
export async function requestGpu(gpu?: GPU | undefined): Promise<GpuRequest> {
  const api = gpu ?? (typeof navigator !== 'undefined' ? navigator.gpu : undefined);
  if (!api) return { ok: false, reason: 'no-webgpu', detail: 'navigator.gpu is not available' };
  let adapter: GPUAdapter | null;
  try {
    adapter = await api.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ok: false, reason: 'no-adapter', detail: String(e) };
  }
  if (!adapter) return { ok: false, reason: 'no-adapter', detail: 'requestAdapter returned null' };

  const requiredLimits: Record<string, number> = {};
  for (const k of WANTED_LIMITS) requiredLimits[k] = adapter.limits[k];
  const hasTimestamps = adapter.features.has('timestamp-query');
  const requiredFeatures: GPUFeatureName[] = hasTimestamps ? ['timestamp-query'] : [];
  try {
    const device = await adapter.requestDevice({
      label: 'attention-lab.device',
      requiredLimits,
      requiredFeatures,
    });
    const info: GpuInfo = {
      name: adapterName(adapter),
      isFallbackAdapter: !!adapter.info?.isFallbackAdapter,
      hasTimestamps,
    };
    return { ok: true, ctx: { adapter, device, info } };
  } catch (e) {
    return { ok: false, reason: 'device-failed', detail: String(e) };
  }
}

/**
 * Route device loss and uncaptured errors to one callback. Returns an unsubscribe
 * function. A destroy() we asked for ourselves is reported too (reason 'destroyed'), so
 * tests can exercise recovery.
 */
export function watchDevice(device: GPUDevice, onFailure: (f: GpuFailure) => void): () => void {
  let active = true;
  device.lost.then((info) => {
    if (active) onFailure({ kind: 'lost', message: `${info.reason}: ${info.message}` });
  });
  const onError = (ev: Event) => {
    const err = (ev as GPUUncapturedErrorEvent).error;
    if (active) onFailure({ kind: 'error', message: err?.message ?? 'unknown GPU error' });
  };
  device.addEventListener('uncapturederror', onError);
  return () => {
    active = false;
    device.removeEventListener('uncapturederror', onError);
  };
}
