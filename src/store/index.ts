// The one app store, assembled from every slice file in ./slices (found at build time by
// Vite's import.meta.glob). Components read it with useAppStore(selector); per-frame data
// should be read with appStore.subscribe, not by re-rendering.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { AnySliceDefinition, AppState, SliceKey, SliceTools } from './slice';

export type { AppState, SliceTools } from './slice';
export { defineSlice } from './slice';

type SliceModule = { default: AnySliceDefinition };

const sliceModules = import.meta.glob<SliceModule>(['./slices/*.ts', '!./slices/*.test.ts'], {
  eager: true,
});

/** Every registered slice definition, in file-name order. */
export const SLICES: readonly AnySliceDefinition[] = Object.entries(sliceModules)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, mod]) => {
    if (!mod.default?.key || typeof mod.default.create !== 'function') {
      throw new Error(`store: ${file} must default-export defineSlice(key, create)`);
    }
    return mod.default;
  });

/** A fresh store from the given slices (tests build their own; the app uses appStore). */
export function createAppStore(slices: readonly AnySliceDefinition[] = SLICES): StoreApi<AppState> {
  return createStore<AppState>()((setState, getState, store) => {
    const state: Partial<Record<SliceKey, unknown>> = {};
    for (const slice of slices) {
      const key: SliceKey = slice.key;
      if (key in state) throw new Error(`store: two slices use the key '${key}'`);
      const tools: SliceTools<SliceKey> = {
        set: (patch) =>
          setState((s) => {
            const prev = s[key];
            const next = typeof patch === 'function' ? patch(prev) : patch;
            return { [key]: { ...prev, ...next } } as Partial<AppState>;
          }),
        get: () => getState()[key],
        store,
      };
      // Each definition receives the tools for its own key; the union hides that pairing.
      state[key] = (slice.create as (t: SliceTools<SliceKey>) => unknown)(tools);
    }
    return state as AppState;
  });
}

export const appStore = createAppStore();

/** Subscribe a component to part of the store. Return primitives or stable objects. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
