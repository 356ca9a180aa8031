// The Train view's state: the current run (a TrainingSession: engine, live metrics, device-loss
// recovery), its config with the "this discards the trained model" question, experiments,
// and the model library (save, load, delete, export, import; the session survives reloads).
// Per-step numbers live in `live` (mutable, subscribe to it); the slice itself changes a few
// times a second at most.
import type { CheckpointErrorCode } from '../../model/checkpoint';
import type { EngineInfo, EngineKind, ProbeInfo } from '../../train/events';
import type { ExperimentId } from '../../train/experimentIds';
import type { ExperimentResult } from '../../train/experimentRun';
import type { TrainingLive } from '../../train/live';
import { TrainingSession, type SessionNotice, type SessionStatus } from '../../train/session';
import {
  checkTrainingConfig,
  DEFAULT_TRAINING_CONFIG,
  discardsModel,
  withConfig,
  type TrainingConfig,
  type TrainingConfigPatch,
  type TrainingConfigProblem,
} from '../../train/trainingConfig';
import type { ModelLibrary, ModelOrigin, SavedModelSummary, StorageErrorCode } from '../persistence/modelLibrary';
import { defineSlice } from '../slice';
import { createExperimentRunner, type ExperimentState } from '../training/experimentsRunner';
import { createLibraryActions } from '../training/libraryActions';
import { sessionDeps } from '../training/sessionDeps';
import { installTrainingTestApi } from '../training/testApi';

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
  /** Validate and load a checkpoint file; a refused file leaves everything as it was. */
  importModel: (file: Blob | string, name?: string) => Promise<boolean>;
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
  /** Open the library and restore the last session when the store is created (default: in a browser). */
  autoInit?: boolean;
}

export function createTrainingSlice(options: TrainingSliceOptions = {}) {
  return defineSlice('training', ({ set, get, store }) => {
    const session = new TrainingSession(
      sessionDeps(store, {
        onState: ({ step, ...rest }) => set(step === undefined ? rest : { ...rest, steps: step }),
        onEvent: (e) => library.onEngineEvent(e),
      }),
    );
    const library = createLibraryActions({ session, set, get, store, openLibrary: options.openLibrary });
    const experiments = createExperimentRunner({ session, set, get, store });

    // A WebGPU engine must move when the device it was built on goes away.
    store.subscribe((s, prev) => {
      if (s.gpu.state !== prev.gpu.state || s.gpu.generation !== prev.gpu.generation) {
        session.deviceChanged({ ready: s.gpu.state.kind === 'ready', generation: s.gpu.generation });
        experiments.deviceChanged();
      }
    });

    const setConfig = async (patch: TrainingConfigPatch, opts: { confirm?: boolean } = {}): Promise<SetConfigResult> => {
      const prev = get().config;
      const next = withConfig(prev, patch);
      const problems = checkTrainingConfig(next);
      if (problems.length) return { kind: 'invalid', problems };
      const discard = discardsModel(prev, next) && session.hasModel();
      if (discard && !opts.confirm) return { kind: 'needs-confirmation' };
      set({ config: next });
      await session.configure(next, { keepModel: !discardsModel(prev, next) });
      if (discard) void library.clearSession();
      if (!session.hasModel()) set({ origin: { kind: next.fromPretrained ? 'pretrained' : 'new' } });
      return { kind: 'applied', discarded: discard };
    };

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
      live: session.live,
      library: { status: 'idle', kind: null, models: [] },
      experiment: null,
      restored: false,

      init: () => library.init(),
      start: async () => {
        await library.init();
        experiments.cancel();
        await session.start().catch(() => undefined); // failures are in status/notice
      },
      pause: async () => {
        await session.pause();
      },
      step: async (n = 1) => {
        await library.init();
        await session.step(n).catch(() => undefined);
      },
      reset: async () => {
        await session.reset();
        set({ origin: { kind: 'new' } });
        await library.clearSession();
      },
      setConfig,
      setProbe: async (text) => {
        set({ probeText: text });
        const probe = await session.setProbeText(text);
        if (probe) set({ probe });
        return probe;
      },
      runExperiment: (id, opts) => experiments.run(id, opts),
      cancelExperiment: () => experiments.cancel(),
      saveModel: (name) => library.save(name),
      loadModel: (id) => library.load(id),
      deleteModel: (id) => library.remove(id),
      exportModel: (opts) => library.exportCurrent(opts),
      importModel: (file, name) => library.importFile(file, name),
      openInWalkthrough: () => library.openInWalkthrough(),
      dismissNotice: () => {
        session.dismissNotice();
        set({ notice: null });
      },
    };

    if (options.autoInit ?? typeof window !== 'undefined') setTimeout(() => void library.init(), 0); // after the store is assembled
    installTrainingTestApi(store, session);
    return slice;
  });
}

export default createTrainingSlice();
