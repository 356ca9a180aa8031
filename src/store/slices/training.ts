// The Train view's state: the current run (a TrainingSession: engine, live metrics, device-loss
// recovery), its config with the "this discards the trained model" question, experiments,
// and the model library (save, load, delete, export, import; the session survives reloads).
// Per-step numbers live in `live` (mutable, subscribe to it); the slice itself changes a few
// times a second at most. The session, library and experiments (../training/actions.ts) load
// with the first action — the Train view's `init` — not with the store.
import type { CheckpointErrorCode } from '../../model/checkpoint';
import type { EngineInfo, EngineKind, ProbeInfo } from '../../train/events';
import type { ExperimentId } from '../../train/experimentIds';
import type { ExperimentResult } from '../../train/experimentRun';
import { TrainingLive } from '../../train/live';
import type { SessionNotice, SessionStatus } from '../../train/session';
import {
  DEFAULT_TRAINING_CONFIG,
  type TrainingConfig,
  type TrainingConfigPatch,
  type TrainingConfigProblem,
} from '../../train/trainingConfig';
import type { ModelLibrary, ModelOrigin, SavedModelSummary, StorageErrorCode } from '../persistence/modelLibrary';
import { defineSlice } from '../slice';
import type { TrainingActions } from '../training/actions';
import type { ExperimentState } from '../training/experimentsRunner';

/** Everything the UI may have to say about training, translated by kind (train.notice.*). */
export type TrainingNotice =
  | SessionNotice
  | { kind: 'storage'; code: StorageErrorCode; detail: string }
  | { kind: 'import-refused'; code: CheckpointErrorCode; params: Record<string, string | number> }
  | { kind: 'imported'; name: string }
  | { kind: 'saved'; name: string }
  | { kind: 'walkthrough-unavailable' };

export type SetConfigResult =
  | { kind: 'applied'; discarded: boolean }
  /** The change throws away the trained model: call again with { confirm: true }. */
  | { kind: 'needs-confirmation' }
  | { kind: 'invalid'; problems: TrainingConfigProblem[] };

export interface LibraryState {
  status: 'idle' | 'loading' | 'ready' | 'unavailable';
  /** 'memory' when IndexedDB is blocked: nothing survives a reload. */
  kind: 'indexeddb' | 'memory' | null;
  models: SavedModelSummary[];
}

export interface TrainingSlice {
  status: SessionStatus;
  engineKind: EngineKind | null;
  /** Steps trained (throttled while running; `live.step` has every step). */
  steps: number;
  config: TrainingConfig;
  info: EngineInfo | null;
  probeText: string;
  probe: ProbeInfo | null;
  notice: TrainingNotice | null;
  origin: ModelOrigin;
  /** The run's metric series, evaluations, attention snapshots (stable object; subscribe to it). */
  live: TrainingLive;
  library: LibraryState;
  experiment: ExperimentState | null;
  /** Whether the last session was restored after a reload. */
  restored: boolean;

  /** Open the library and restore the last session (idempotent; runs by itself in a browser). */
  init: () => Promise<void>;
  start: () => Promise<void>;
  pause: () => Promise<void>;
  step: (n?: number) => Promise<void>;
  /** Forget the model and its history. */
  reset: () => Promise<void>;
  setConfig: (patch: TrainingConfigPatch, opts?: { confirm?: boolean }) => Promise<SetConfigResult>;
  setProbe: (text: string) => Promise<ProbeInfo | null>;
  runExperiment: (id: ExperimentId, opts?: { steps?: number }) => Promise<ExperimentResult | null>;
  cancelExperiment: () => void;
  saveModel: (name: string) => Promise<SavedModelSummary | null>;
  loadModel: (id: string) => Promise<boolean>;
  deleteModel: (id: string) => Promise<void>;
  /** The current model as checkpoint text; `download` also offers it as a file. */
  exportModel: (opts?: { download?: boolean; name?: string }) => Promise<{ fileName: string; text: string } | null>;
  /**
   * Validate and load a checkpoint file; a refused file leaves everything as it was. A valid
   * file is loaded only if `confirmReplace` (when given) answers yes.
   */
  importModel: (file: Blob | string, name?: string, confirmReplace?: () => Promise<boolean>) => Promise<boolean>;
  /** Make the current model the walkthrough's (model slice's setActiveCheckpoint). */
  openInWalkthrough: () => Promise<boolean>;
  dismissNotice: () => void;
}

declare module '../slice' {
  interface AppState {
    training: TrainingSlice;
  }
}

export interface TrainingSliceOptions {
  /** The model library (tests: memory); default IndexedDB, memory when blocked. */
  openLibrary?: () => Promise<ModelLibrary>;
  /**
   * Open the library and restore the last session when the store is created (default: no; the
   * Train view calls `init` when it opens, which keeps the walkthrough's first screen light).
   */
  autoInit?: boolean;
}

export function createTrainingSlice(options: TrainingSliceOptions = {}) {
  return defineSlice('training', ({ set, get, store }) => {
    const live = new TrainingLive();
    let actions: TrainingActions | null = null;
    let loading: Promise<TrainingActions> | null = null;

    const load = (): Promise<TrainingActions> =>
      (loading ??= import('../training/actions').then(
        ({ createTrainingActions }) => (actions = createTrainingActions({ set, get, store, live, openLibrary: options.openLibrary })),
        (e: unknown) => {
          loading = null; // the next action tries again
          const message = `the training code could not be loaded (${e instanceof Error ? e.message : String(e)})`;
          set({ notice: { kind: 'error', error: { code: 'internal', message } } });
          throw e;
        },
      ));
    /** Runs at once when the actions are loaded (no extra tick), else after loading them. */
    const withActions = <T>(run: (a: TrainingActions) => Promise<T>): Promise<T> => (actions ? run(actions) : load().then(run));

    const slice: TrainingSlice = {
      status: 'empty',
      engineKind: null,
      steps: 0,
      config: DEFAULT_TRAINING_CONFIG,
      info: null,
      probeText: '',
      probe: null,
      notice: null,
      origin: { kind: 'new' },
      live,
      library: { status: 'idle', kind: null, models: [] },
      experiment: null,
      restored: false,

      init: () => withActions(({ library }) => library.init()),
      start: () =>
        withActions(async ({ library, experiments, session }) => {
          await library.init();
          experiments.cancel();
          await session.start().catch(() => undefined); // failures are in status/notice
        }),
      pause: () =>
        withActions(async ({ session }) => {
          await session.pause();
        }),
      step: (n = 1) =>
        withActions(async ({ library, session }) => {
          await library.init();
          await session.step(n).catch(() => undefined);
        }),
      reset: () =>
        withActions(async ({ library, session }) => {
          await session.reset();
          set({ origin: { kind: 'new' } });
          await library.clearSession();
        }),
      setConfig: (patch, opts) => withActions((a) => a.setConfig(patch, opts)),
      setProbe: (text) => {
        set({ probeText: text });
        return withActions(async ({ session }) => {
          const probe = await session.setProbeText(text);
          if (probe) set({ probe });
          return probe;
        });
      },
      runExperiment: (id, opts) => withActions(({ experiments }) => experiments.run(id, opts)),
      cancelExperiment: () => actions?.experiments.cancel(),
      saveModel: (name) => withActions(({ library }) => library.save(name)),
      loadModel: (id) => withActions(({ library }) => library.load(id)),
      deleteModel: (id) => withActions(({ library }) => library.remove(id)),
      exportModel: (opts) => withActions(({ library }) => library.exportCurrent(opts)),
      importModel: (file, name, confirmReplace) => withActions(({ library }) => library.importFile(file, name, confirmReplace)),
      openInWalkthrough: () => withActions(({ library }) => library.openInWalkthrough()),
      dismissNotice: () => {
        actions?.session.dismissNotice();
        set({ notice: null });
      },
    };

    if (options.autoInit) setTimeout(() => void slice.init(), 0); // after the store is assembled
    return slice;
  });
}

export default createTrainingSlice();
