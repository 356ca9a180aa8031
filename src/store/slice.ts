// How a slice plugs into the one app store. Each slice lives in its own file under
// slices/, owns one top-level key of the state (state.gpu, state.settings, …) and adds
// that key to AppState by declaration merging:
//
//   declare module '../slice' { interface AppState { model: ModelSlice } }
//   export default defineSlice('model', ({ set, get, store }) => ({ … }));
//
// index.ts picks up every file in slices/ by itself, so adding a slice is one new file.
import type { StoreApi } from 'zustand/vanilla';

// Filled in by the slices' declaration merging; empty on purpose.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppState {}

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
