// The one app store. Every slice is listed here, by key, with its type: AppState is the state
// those slices make up, SLICES the definitions the app's store is built from. Components read
// the store with useAppStore(selector); per-frame data should be read with appStore.subscribe,
// not by re-rendering. Services from the app layer are installed on a store, never imported.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { AnySliceDefinition, SliceDefinition, SliceKey, SliceTools } from './slice';
import type { StoreServices } from './services';
import backward, { type BackwardSlice } from './slices/backward';
import gpu, { type GpuSlice } from './slices/gpu';
import model, { type ModelSlice } from './slices/model';
import settings, { type SettingsSlice } from './slices/settings';
import study, { type StudySlice } from './slices/study';
import training, { type TrainingSlice } from './slices/training';
import walkthrough, { type WalkthroughSlice } from './slices/walkthrough';

export type { SliceTools } from './slice';
export { defineSlice } from './slice';
export type { StoreServices } from './services';

/** The whole app state: one key per slice. */
export interface AppState {
  settings: SettingsSlice;
  gpu: GpuSlice;
  model: ModelSlice;
  walkthrough: WalkthroughSlice;
  backward: BackwardSlice;
  study: StudySlice;
  training: TrainingSlice;
}

/** The app's slices, one per key of AppState (the type makes the list complete). */
export const SLICES: { readonly [K in SliceKey]: SliceDefinition<K> } = {
  settings,
  gpu,
  model,
  walkthrough,
  backward,
  study,
  training,
};

export interface CreateAppStoreOptions {
  /** The app layer's services (tests pass fakes or the real ones; the app installs them later). */
  services?: StoreServices;
}

/** Each store's services object: the slices hold on to it, installServices fills it. */
const servicesOf = new WeakMap<StoreApi<AppState>, StoreServices>();

/** A fresh store from the given slices (tests build their own; the app uses appStore). */
export function createAppStore(
  slices: readonly AnySliceDefinition[] = Object.values(SLICES),
  options: CreateAppStoreOptions = {},
): StoreApi<AppState> {
  const services: StoreServices = { ...options.services };
  const api = createStore<AppState>()((setState, getState, store) => {
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
        services,
      };
      // Each definition receives the tools for its own key; the union hides that pairing.
      state[key] = (slice.create as (t: SliceTools<SliceKey>) => unknown)(tools);
    }
    return state as AppState;
  });
  servicesOf.set(api, services);
  return api;
}

/** Give a store the app layer's services (src/app's installAppServices calls this at start). */
export function installServices(store: StoreApi<AppState>, services: StoreServices): void {
  const current = servicesOf.get(store);
  if (!current) throw new Error('store: installServices needs a store made by createAppStore');
  Object.assign(current, services);
}

export const appStore = createAppStore();

/** Subscribe a component to part of the store. Return primitives or stable objects. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
