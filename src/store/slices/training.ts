// The Train view's state: the current run (a TrainingSession: engine, live metrics, device-loss
// recovery), its config with the "this discards the trained model" question, experiments,
// and the model library (save, load, delete, export, import; the session survives reloads).
// Per-step numbers live in `live` (mutable, subscribe to it); the slice itself changes a few
// times a second at most. The actions are done by the app's training service (src/app/training:
// session, library, experiments), which loads with the first action — the Train view's `init` —
// not with the store.
import type { CheckpointErrorCode } from '../../model/checkpoint';
import type { EngineDecision, EngineName, EnginePreference } from '../../train/enginePick';
import type { TrainerInfo, TrainerKind, ProbeInfo, TrainerErrorInfo } from '../../train/events';
import type { ExperimentId } from '../../train/experimentIds';
import type { ExperimentResult } from '../../train/experimentRun';
import { TrainingLive } from '../../train/live';
import type { SessionNotice, SessionStatus } from '../../train/session';
import {
  DEFAULT_TRAINING_CONFIG,
  type DatasetId,
  type TrainingConfig,
  type TrainingConfigPatch,
  type TrainingConfigProblem,
} from '../../train/trainingConfig';
import { defineSlice } from '../slice';
import { missingService, type TrainingService } from '../services';

/** A saved model as the library lists it (src/app/persistence keeps the records). */
export interface SavedModelSummary {
  id: string;
  name: string;
  /** ms since the epoch. */
  savedAt: number;
  dataset: DatasetId;
  config: TrainingConfig;
  steps: number;
  validExactMatch: number | null;
  /** Size of the checkpoint text, characters. */
  chars: number;
}

/** Where the current model came from (shown next to its name). */
export type ModelOrigin =
  | { kind: 'new' }
  | { kind: 'pretrained' }
  | { kind: 'saved'; id: string; name: string }
  | { kind: 'imported'; name: string };

/** Why the library could not store or read something (train.storage.<code>). */
export type StorageErrorCode = 'quota' | 'unavailable' | 'failed';

/** The experiment being run or last run (one at a time). */
export interface ExperimentState {
  id: ExperimentId;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** Live records of both runs (stable objects; subscribe for their charts). */
  baseline: TrainingLive;
  variant: TrainingLive;
  result: ExperimentResult | null;
  error: TrainerErrorInfo | null;
  startedAt: number;
}

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

/** Which engine trains and why: the user's choice for this adapter, measurements, the decision. */
export interface EngineChoiceState {
  /** The user's choice for this adapter ('auto': the engine measured faster here). */
  preference: EnginePreference;
  /** The WebGPU adapter the choice belongs to; null without WebGPU (or before the GPU answered). */
  adapter: { key: string; name: string; fallback: boolean } | null;
  /** The engine being measured now (a run is starting), else null. */
  calibrating: EngineName | null;
  /** Why the current (or last built) run uses its engine (src/train/enginePick.ts). */
  decision: EngineDecision | null;
  /** Where the decision's measurements came from: this start, or earlier on this adapter. */
  source: 'measured' | 'cached' | null;
}

export interface TrainingSlice {
  status: SessionStatus;
  engineKind: TrainerKind | null;
  /** Steps trained (throttled while running; `live.step` has every step). */
  steps: number;
  config: TrainingConfig;
  info: TrainerInfo | null;
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
  engine: EngineChoiceState;

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
  /** The current model as a checkpoint file (name and text); the view offers the download. */
  exportModel: (opts?: { name?: string }) => Promise<{ fileName: string; text: string } | null>;
  /**
   * Validate and load a checkpoint file; a refused file leaves everything as it was. A valid
   * file is loaded only if `confirmReplace` (when given) answers yes.
   */
  importModel: (file: Blob | string, name?: string, confirmReplace?: () => Promise<boolean>) => Promise<boolean>;
  /** Make the current model the walkthrough's (model slice's setActiveCheckpoint). */
  openInWalkthrough: () => Promise<boolean>;
  dismissNotice: () => void;
  /** Remember the engine choice for this adapter; a current model moves to that engine. */
  setEnginePreference: (pref: EnginePreference) => Promise<void>;
  /** Forget the measurements: the next run measures the engines again. */
  remeasureEngines: () => Promise<void>;
}

export interface TrainingSliceOptions {
  /**
   * Open the library and restore the last session when the store is created (default: no; the
   * Train view calls `init` when it opens, which keeps the walkthrough's first screen light).
   */
  autoInit?: boolean;
}

export function createTrainingSlice(options: TrainingSliceOptions = {}) {
  return defineSlice('training', ({ set, get, store, services }) => {
    const live = new TrainingLive();
    let actions: TrainingService | null = null;
    let loading: Promise<TrainingService> | null = null;

    const load = (): Promise<TrainingService> =>
      (loading ??= Promise.resolve()
        .then(() => {
          if (!services.training) throw missingService('training');
          return services.training({ set, get, store, live });
        })
        .then(
          (loaded) => (actions = loaded),
          (e: unknown) => {
            loading = null; // the next action tries again
            const message = `the training code could not be loaded (${e instanceof Error ? e.message : String(e)})`;
            set({ notice: { kind: 'error', error: { code: 'internal', message } } });
            throw e;
          },
        ));
    /** Runs at once when the actions are loaded (no extra tick), else after loading them. */
    const withActions = <T>(run: (a: TrainingService) => Promise<T>): Promise<T> => (actions ? run(actions) : load().then(run));

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
      engine: { preference: 'auto', adapter: null, calibrating: null, decision: null, source: null },

      init: () => withActions((a) => a.init()),
      start: () => withActions((a) => a.start()),
      pause: () => withActions((a) => a.pause()),
      step: (n = 1) => withActions((a) => a.step(n)),
      reset: () => withActions((a) => a.reset()),
      setConfig: (patch, opts) => withActions((a) => a.setConfig(patch, opts)),
      setProbe: (text) => {
        set({ probeText: text });
        return withActions((a) => a.setProbe(text));
      },
      runExperiment: (id, opts) => withActions((a) => a.runExperiment(id, opts)),
      cancelExperiment: () => actions?.cancelExperiment(),
      saveModel: (name) => withActions((a) => a.saveModel(name)),
      loadModel: (id) => withActions((a) => a.loadModel(id)),
      deleteModel: (id) => withActions((a) => a.deleteModel(id)),
      exportModel: (opts) => withActions((a) => a.exportModel(opts)),
      importModel: (file, name, confirmReplace) => withActions((a) => a.importModel(file, name, confirmReplace)),
      openInWalkthrough: () => withActions((a) => a.openInWalkthrough()),
      setEnginePreference: (pref) => withActions((a) => a.setEnginePreference(pref)),
      remeasureEngines: () => withActions((a) => a.remeasureEngines()),
      dismissNotice: () => {
        actions?.dismissNotice();
        set({ notice: null });
      },
    };

    if (options.autoInit) setTimeout(() => void slice.init(), 0); // after the store is assembled
    return slice;
  });
}

export default createTrainingSlice();
