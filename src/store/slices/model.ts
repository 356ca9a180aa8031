// The active translator: the shipped checkpoint (fetched once, at start), or a model the
// Train view trained or the user imported. The walkthrough and the Train view read
// `active`; everything that computes with it rebuilds when `active.id` changes.
// The other two families (decoder-only, encoder-only) have shipped models of their own, fetched
// when a view first asks for them (`loadShippedFamily`); `modelForFamily` says which model a view
// showing a family computes with: the active one when it is of that family, else that family's
// shipped model.
import { CheckpointError, parseCheckpoint, type Checkpoint, type CheckpointErrorCode } from '../../model/checkpoint';
import { modelFamily, type ModelFamily } from '../../model/config';
import { defineSlice } from '../slice';

export type ModelSource = 'shipped' | 'trained' | 'imported';

export interface ActiveModel {
  /** Unique per loaded checkpoint: 'shipped', 'trained-2', … (caches key on it). */
  id: string;
  /** Plain label for trained/imported models; the UI translates the shipped one's. */
  label: string;
  source: ModelSource;
  checkpoint: Checkpoint;
}

/** Why the shipped model did not load: a checkpoint refusal, or the download itself. */
export type ModelLoadError =
  | { kind: 'checkpoint'; code: CheckpointErrorCode; params: Record<string, string | number> }
  | { kind: 'http'; url: string; status: number }
  | { kind: 'network'; url: string; message: string };

/** The shipped models of the families other than the translator. */
export type OtherFamily = Exclude<ModelFamily, 'encoder-decoder'>;

/** Where one of those family's shipped models stands. */
export type FamilyLoad = { status: 'idle' | 'loading' | 'ready' } | { status: 'error'; error: ModelLoadError };

export interface ModelSlice {
  status: 'loading' | 'ready' | 'error';
  active: ActiveModel | null;
  /** The shipped model once loaded, so the UI can switch back to it. */
  shipped: ActiveModel | null;
  error?: ModelLoadError;
  /** Fetch and parse the shipped checkpoint. Idempotent; starts by itself in a browser. */
  loadShipped: () => Promise<void>;
  /** Make a trained or imported checkpoint the active model. */
  setActiveCheckpoint: (cp: Checkpoint, info: { label: string; source: Exclude<ModelSource, 'shipped'> }) => void;
  /** Go back to the shipped model (loads it first if needed). */
  restoreShipped: () => Promise<void>;
  /** The decoder-only and encoder-only shipped models, once loaded. */
  familyShipped: Partial<Record<OtherFamily, ActiveModel>>;
  familyLoad: Record<OtherFamily, FamilyLoad>;
  /** Fetch a family's shipped model (the translator: loadShipped). Idempotent; retries after an error. */
  loadShippedFamily: (family: ModelFamily) => Promise<void>;
}

/** Where the shipped checkpoint lives, relative to the page so any sub-path works. */
export const SHIPPED_CHECKPOINT_PATH = './checkpoints/en-zh-toy.json';
export const SHIPPED_MODEL_ID = 'shipped';
export const SHIPPED_LABEL = 'shipped toy translator';

/** Each family's shipped checkpoint, relative to the page. */
export const FAMILY_CHECKPOINT_PATHS: Readonly<Record<ModelFamily, string>> = {
  'encoder-decoder': SHIPPED_CHECKPOINT_PATH,
  decoder: './checkpoints/en-zh-decoder.json',
  encoder: './checkpoints/en-encoder-mlm.json',
};

/** Model ids of the other families' shipped models. */
export const FAMILY_SHIPPED_IDS: Readonly<Record<OtherFamily, string>> = { decoder: 'shipped-decoder', encoder: 'shipped-encoder' };

/** The family of a loaded model (absent in the file = the translator). */
export function familyOfModel(model: ActiveModel): ModelFamily {
  return modelFamily(model.checkpoint.config);
}

/**
 * The model a view showing `family` computes with: the active model when it is of that family
 * (trained or imported), else the family's shipped model; null while that is not loaded.
 */
export function modelForFamily(slice: Pick<ModelSlice, 'active' | 'shipped' | 'familyShipped'>, family: ModelFamily): ActiveModel | null {
  if (slice.active && familyOfModel(slice.active) === family) return slice.active;
  if (family === 'encoder-decoder') return slice.shipped ?? (slice.active && familyOfModel(slice.active) === family ? slice.active : null);
  return slice.familyShipped[family] ?? null;
}

/** Whether the model for `family` could not be loaded (the view shows an error instead of waiting). */
export function familyModelFailed(slice: Pick<ModelSlice, 'status' | 'familyLoad'>, family: ModelFamily): boolean {
  return family === 'encoder-decoder' ? slice.status === 'error' : slice.familyLoad[family].status === 'error';
}

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>;

export interface ModelSliceOptions {
  /** Injected in tests; defaults to the global fetch. */
  fetch?: Fetch;
  /** Base the relative path resolves against; defaults to document.baseURI. */
  baseUrl?: string;
  /** Start loading the shipped model when the store is created (default: in a browser). */
  autoLoad?: boolean;
}

/** The slice factory; the default export uses the browser's fetch and document. */
export function createModelSlice(options: ModelSliceOptions = {}) {
  return defineSlice('model', ({ set, get }) => {
    let loading: Promise<void> | null = null;
    let trainedCount = 0;

    function fail(error: ModelLoadError): void {
      loading = null; // a later call may try again
      // Losing the shipped model is only an error when nothing else is active.
      set((prev) => (prev.active ? { error } : { status: 'error', error }));
    }

    /** Fetch and parse one shipped checkpoint: the checkpoint, or why not. */
    async function fetchCheckpoint(path: string): Promise<{ ok: true; checkpoint: Checkpoint } | { ok: false; error: ModelLoadError }> {
      const base = options.baseUrl ?? (typeof document !== 'undefined' ? document.baseURI : 'http://localhost/');
      const url = new URL(path, base).href;
      const doFetch: Fetch = options.fetch ?? ((u) => fetch(u));
      let text: string;
      try {
        const res = await doFetch(url);
        if (!res.ok) return { ok: false, error: { kind: 'http', url, status: res.status } };
        text = await res.text();
      } catch (e) {
        return { ok: false, error: { kind: 'network', url, message: e instanceof Error ? e.message : String(e) } };
      }
      try {
        return { ok: true, checkpoint: parseCheckpoint(text) };
      } catch (e) {
        if (e instanceof CheckpointError) return { ok: false, error: { kind: 'checkpoint', code: e.code, params: e.params } };
        throw e;
      }
    }

    async function fetchShipped(): Promise<void> {
      set((prev) => (prev.active ? {} : { status: 'loading', error: undefined })); // a retry shows progress
      const got = await fetchCheckpoint(SHIPPED_CHECKPOINT_PATH);
      if (!got.ok) return fail(got.error);
      const { checkpoint } = got;
      const shipped: ActiveModel = { id: SHIPPED_MODEL_ID, label: SHIPPED_LABEL, source: 'shipped', checkpoint };
      // A model chosen while the download ran stays active.
      set((prev) => ({ shipped, active: prev.active ?? shipped, status: 'ready', error: undefined }));
    }

    const loadShipped = () => {
      if (get()?.shipped) return Promise.resolve();
      loading ??= fetchShipped();
      return loading;
    };

    const familyLoading: Partial<Record<OtherFamily, Promise<void>>> = {};

    async function fetchFamily(family: OtherFamily): Promise<void> {
      set((prev) => ({ familyLoad: { ...prev.familyLoad, [family]: { status: 'loading' } } }));
      const got = await fetchCheckpoint(FAMILY_CHECKPOINT_PATHS[family]);
      if (!got.ok) {
        delete familyLoading[family]; // a later call may try again
        set((prev) => ({ familyLoad: { ...prev.familyLoad, [family]: { status: 'error', error: got.error } } }));
        return;
      }
      const model: ActiveModel = { id: FAMILY_SHIPPED_IDS[family], label: `shipped ${family}-only model`, source: 'shipped', checkpoint: got.checkpoint };
      set((prev) => ({
        familyShipped: { ...prev.familyShipped, [family]: model },
        familyLoad: { ...prev.familyLoad, [family]: { status: 'ready' } },
      }));
    }

    const loadShippedFamily = (family: ModelFamily): Promise<void> => {
      if (family === 'encoder-decoder') return loadShipped();
      if (get()?.familyShipped[family]) return Promise.resolve();
      // Recorded before the fetch starts (and sets `loading`), so a subscriber that asks again
      // while that state change is announced gets the same promise.
      familyLoading[family] ??= Promise.resolve().then(() => fetchFamily(family));
      return familyLoading[family];
    };

    const autoLoad = options.autoLoad ?? (typeof window !== 'undefined' && typeof fetch === 'function');
    if (autoLoad) setTimeout(() => void loadShipped(), 0); // after the store is assembled

    return {
      status: 'loading',
      active: null,
      shipped: null,
      loadShipped,
      familyShipped: {},
      familyLoad: { decoder: { status: 'idle' }, encoder: { status: 'idle' } },
      loadShippedFamily,
      setActiveCheckpoint: (checkpoint, { label, source }) => {
        trainedCount += 1;
        set({ active: { id: `${source}-${trainedCount}`, label, source, checkpoint }, status: 'ready', error: undefined });
      },
      restoreShipped: async () => {
        await loadShipped();
        const { shipped } = get();
        if (shipped) set({ active: shipped, status: 'ready' });
      },
    };
  });
}

export default createModelSlice();
