// The active translator: the shipped checkpoint (fetched once, at start), or a model the
// Train view trained or the user imported. The walkthrough and the Train view read
// `active`; everything that computes with it rebuilds when `active.id` changes.
import { CheckpointError, parseCheckpoint, type Checkpoint, type CheckpointErrorCode } from '../../model/checkpoint';
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
}

/** Where the shipped checkpoint lives, relative to the page so any sub-path works. */
export const SHIPPED_CHECKPOINT_PATH = './checkpoints/en-zh-toy.json';
export const SHIPPED_MODEL_ID = 'shipped';
export const SHIPPED_LABEL = 'shipped toy translator';

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

    async function fetchShipped(): Promise<void> {
      const base = options.baseUrl ?? (typeof document !== 'undefined' ? document.baseURI : 'http://localhost/');
      const url = new URL(SHIPPED_CHECKPOINT_PATH, base).href;
      const doFetch: Fetch = options.fetch ?? ((u) => fetch(u));
      set((prev) => (prev.active ? {} : { status: 'loading', error: undefined })); // a retry shows progress
      let text: string;
      try {
        const res = await doFetch(url);
        if (!res.ok) return fail({ kind: 'http', url, status: res.status });
        text = await res.text();
      } catch (e) {
        return fail({ kind: 'network', url, message: e instanceof Error ? e.message : String(e) });
      }
      let checkpoint: Checkpoint;
      try {
        checkpoint = parseCheckpoint(text);
      } catch (e) {
        if (e instanceof CheckpointError) return fail({ kind: 'checkpoint', code: e.code, params: e.params });
        throw e;
      }
      const shipped: ActiveModel = { id: SHIPPED_MODEL_ID, label: SHIPPED_LABEL, source: 'shipped', checkpoint };
      // A model chosen while the download ran stays active.
      set((prev) => ({ shipped, active: prev.active ?? shipped, status: 'ready', error: undefined }));
    }

    const loadShipped = () => {
      if (get()?.shipped) return Promise.resolve();
      loading ??= fetchShipped();
      return loading;
    };

    const autoLoad = options.autoLoad ?? (typeof window !== 'undefined' && typeof fetch === 'function');
    if (autoLoad) setTimeout(() => void loadShipped(), 0); // after the store is assembled

    return {
      status: 'loading',
      active: null,
      shipped: null,
      loadShipped,
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
