// How a slice plugs into the one app store. Each slice lives in its own file under slices/,
// owns one top-level key of the state (state.gpu, state.settings, …) and is listed, with its
// type, in index.ts (AppState and SLICES):
//
//   export interface ModelSlice { … }
//   export default defineSlice('model', ({ set, get, store, services }) => ({ … }));
//
// A slice holds state and actions. Work that belongs to the app layer (the walkthrough's
// compute service, training orchestration, persistence) reaches it through `services`: ports
// declared in services.ts, implemented in src/app and installed when the app starts.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './index';
import type { StoreServices } from './services';

export type { AppState } from './index';

export type SliceKey = keyof AppState;

export type SlicePatch<S> = Partial<S> | ((prev: S) => Partial<S>);

/** What a slice's creator gets: its own setter/getter and the whole store for cross-slice work. */
export interface SliceTools<K extends SliceKey> {
  /** Shallow-merge into this slice only (other slices keep their identity). */
  set: (patch: SlicePatch<AppState[K]>) => void;
  /** This slice's current value. Not available while the slice is being created. */
  get: () => AppState[K];
  /** The whole store: read other slices, subscribe, or call their actions. */
  store: StoreApi<AppState>;
  /**
   * The app layer's services for this store (installed with createAppStore({ services }) or
   * installServices). Read them when an action runs, not while the slice is being created:
   * the app entry installs them after the store exists.
   */
  services: Readonly<StoreServices>;
}

export interface SliceDefinition<K extends SliceKey> {
  key: K;
  create: (tools: SliceTools<K>) => AppState[K];
}

/** Any one slice's definition (a union over the keys, so lists of mixed slices type-check). */
export type AnySliceDefinition = { [K in SliceKey]: SliceDefinition<K> }[SliceKey];

export function defineSlice<K extends SliceKey>(
  key: K,
  create: (tools: SliceTools<K>) => AppState[K],
): SliceDefinition<K> {
  return { key, create };
}
