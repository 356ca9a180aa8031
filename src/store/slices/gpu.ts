// The WebGPU device as app state: which adapter we run on, or why we fell back to the CPU,
// and the one recovery path after a lost device ("Restart GPU").
import {
  requestGpu,
  watchDevice,
  type GpuContext,
  type GpuFailure,
  type GpuUnavailableReason,
} from '../../engine/webgpu/device';
import type { AppState } from '../slice';
import { defineSlice } from '../slice';

export type GpuState =
  | { kind: 'pending' }
  | { kind: 'ready'; ctx: GpuContext }
  /** No usable GPU. afterFailure: a restart after a lost device did not bring one back. */
  | { kind: 'fallback'; reason: GpuUnavailableReason; detail: string; afterFailure: boolean }
  /** A device we had was lost or raised an error; the CPU carries on until a restart. */
  | { kind: 'lost'; failure: GpuFailure };

export interface GpuSlice {
  state: GpuState;
  /** Counts devices handed out: GPU objects made for an older generation are invalid. */
  generation: number;
  restarting: boolean;
  /** Ask for a device. Idempotent: later calls return the first call's promise. */
  init: (gpu?: GPU) => Promise<void>;
  /** Drop the current device (if any) and request a new one. */
  restart: () => Promise<void>;
}

/** The live device context, or null when the app computes on the CPU. */
export function selectGpuContext(s: AppState): GpuContext | null {
  return s.gpu.state.kind === 'ready' ? s.gpu.state.ctx : null;
}

export default defineSlice('gpu', ({ set, get }) => {
  let api: GPU | undefined; // injected GPU (tests); undefined → navigator.gpu
  let current: GPUDevice | null = null; // the device we hold, even after it was lost
  let unwatch: (() => void) | null = null;
  let initPromise: Promise<void> | null = null;
  let restartPromise: Promise<void> | null = null;

  async function connect(afterFailure: boolean): Promise<void> {
    const result = await requestGpu(api);
    if (!result.ok) {
      set({ state: { kind: 'fallback', reason: result.reason, detail: result.detail, afterFailure } });
      return;
    }
    const device = result.ctx.device;
    current = device;
    unwatch = watchDevice(device, (failure) => {
      // Only the first failure of the device in use counts; later errors add nothing.
      if (current === device && get().state.kind === 'ready') set({ state: { kind: 'lost', failure } });
    });
    set((prev) => ({ state: { kind: 'ready', ctx: result.ctx }, generation: prev.generation + 1 }));
  }

  async function reconnect(): Promise<void> {
    if (initPromise) await initPromise;
    set({ restarting: true });
    unwatch?.();
    unwatch = null;
    current?.destroy(); // frees its memory; a no-op if it is already lost
    current = null;
    try {
      await connect(true);
    } finally {
      set({ restarting: false });
    }
  }

  return {
    state: { kind: 'pending' },
    generation: 0,
    restarting: false,
    init: (gpu) => {
      if (!initPromise) {
        api = gpu;
        initPromise = connect(false);
      }
      return initPromise;
    },
    restart: () => {
      restartPromise ??= reconnect().finally(() => {
        restartPromise = null;
      });
      return restartPromise;
    },
  };
});
