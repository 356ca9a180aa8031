// window.__attentionLab: a typed handle for end-to-end tests, installed only when the page
// is opened with ?test=1 (the page query, before the '#'). e2e/ imports these types, so a
// spec and the app can never disagree about a helper's shape.
//
// Other parts of the app add helpers with registerTestHelpers(), after declaring them:
//   declare module '../common/testApi' { interface AttentionLabTestApi { traceNames(): string[] } }
import type { StoreApi } from 'zustand/vanilla';
import type { GpuUnavailableReason } from '../../engine/webgpu/device';
import type { Language } from '../../i18n/language';
import type { AppState } from '../../store/slice';

/** The gpu slice reduced to JSON, so page.evaluate can return it. */
export interface GpuStatusSnapshot {
  state: 'pending' | 'ready' | 'fallback' | 'lost';
  /** Adapter name when ready. */
  adapter: string | null;
  /** Why there is no GPU, when state is 'fallback'. */
  reason: GpuUnavailableReason | null;
  /** The device failure message, when state is 'lost'. */
  failure: string | null;
  /** Devices handed out so far; a successful restart adds one. */
  generation: number;
  restarting: boolean;
}

export interface AttentionLabTestApi {
  gpuStatus(): GpuStatusSnapshot;
  /** Resolves once the GPU is no longer pending or restarting. */
  waitForGpu(): Promise<GpuStatusSnapshot>;
  /** Destroy the current device to simulate a device loss; false if there is none. */
  destroyDevice(): boolean;
  language(): Language;
}

declare global {
  interface Window {
    __attentionLab?: AttentionLabTestApi;
  }
}

/** The page query flag that installs the API: `?test=1`. */
export function isTestMode(search: string): boolean {
  return new URLSearchParams(search).get('test') === '1';
}

let pending: Partial<AttentionLabTestApi> = {};

/** Add helpers; they appear on window.__attentionLab if and when the API is installed. */
export function registerTestHelpers(helpers: Partial<AttentionLabTestApi>): void {
  if (typeof window !== 'undefined' && window.__attentionLab) Object.assign(window.__attentionLab, helpers);
  else pending = { ...pending, ...helpers };
}

function snapshot(s: AppState): GpuStatusSnapshot {
  const { state, generation, restarting } = s.gpu;
  return {
    state: state.kind,
    adapter: state.kind === 'ready' ? state.ctx.info.name : null,
    reason: state.kind === 'fallback' ? state.reason : null,
    failure: state.kind === 'lost' ? state.failure.message : null,
    generation,
    restarting,
  };
}

export function installTestApi(store: StoreApi<AppState>): AttentionLabTestApi {
  const settled = (s: AppState) => s.gpu.state.kind !== 'pending' && !s.gpu.restarting;
  // Helpers declared by other modules arrive through registerTestHelpers (before or after
  // this runs), so the object is complete once the app has loaded them.
  const api = {
    gpuStatus: () => snapshot(store.getState()),
    waitForGpu: () =>
      new Promise((resolve) => {
        if (settled(store.getState())) return resolve(snapshot(store.getState()));
        const stop = store.subscribe((s) => {
          if (!settled(s)) return;
          stop();
          resolve(snapshot(s));
        });
      }),
    destroyDevice: () => {
      const { state } = store.getState().gpu;
      if (state.kind !== 'ready') return false;
      state.ctx.device.destroy();
      return true;
    },
    language: () => store.getState().settings.language,
    ...pending,
  } as AttentionLabTestApi;
  window.__attentionLab = api;
  return api;
}
