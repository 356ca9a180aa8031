// What the slices ask of the app layer. The store declares these ports; src/app implements
// them (src/app/services.ts) and the app entry installs them on appStore
// (installAppServices → installServices). Tests pass their own with
// createAppStore(slices, { services }). The store never imports src/app.
import type { StoreApi } from 'zustand/vanilla';
import type { TrainingLive } from '../train/live';
import type { BackwardRequest } from './backwardResult';
import type { AppState } from './index';
import type { SlicePatch, SliceTools } from './slice';
import type { BackwardPatch } from './slices/backward';
import type { TrainingSlice } from './slices/training';
import type { WalkthroughPatch } from './slices/walkthrough';
import type { SampleRequest } from './walkthroughResult';

/** The walkthrough's compute service: turns the requested sentence into the slice's result. */
export interface WalkthroughCompute {
  /** Ask for a sentence (the view calls this as the user types, debounced). */
  request(text: string): void;
  /** Ask for a sampled translation (the decoding stage's); null: none. It writes `sampled`. */
  sample(request: SampleRequest | null): void;
  dispose(): void;
}

/** Starts the compute service for a store; it writes into the walkthrough slice with `write`. */
export type StartWalkthroughCompute = (ctx: {
  store: StoreApi<AppState>;
  write: (patch: WalkthroughPatch) => void;
}) => WalkthroughCompute;

/** The training-step walkthrough's service: one recorded training step per sentence pair. */
export interface BackwardCompute {
  /** Ask for a pair (the view calls this when the URL's pair, ε or lr changes). */
  request(req: BackwardRequest): void;
  /** Post-norm vs pre-norm vs no residual on the shown pair, `layers` per side. */
  flowComparison(layers: number): void;
  /** Central differences for a few entries of 'grad:<point>' or 'param:<name>' of the shown result. */
  check(name: string): void;
  /** Make the shown update the working model (the next result starts from it). */
  applyStep(): void;
  /** Back to the active model as loaded. */
  resetSteps(): void;
  dispose(): void;
}

/** Starts the backward service for a store; it writes into the backward slice with `write`. */
export type StartBackwardCompute = (ctx: {
  store: StoreApi<AppState>;
  /** A patch, or a function of the slice's current value (for per-name updates). */
  write: (patch: SlicePatch<BackwardPatch>) => void;
}) => BackwardCompute;

/** The training slice's actions, done by the app layer (session, library, experiments). */
export type TrainingService = Pick<
  TrainingSlice,
  | 'init'
  | 'start'
  | 'pause'
  | 'step'
  | 'reset'
  | 'setConfig'
  | 'setProbe'
  | 'runExperiment'
  | 'cancelExperiment'
  | 'saveModel'
  | 'loadModel'
  | 'deleteModel'
  | 'exportModel'
  | 'importModel'
  | 'openInWalkthrough'
  | 'dismissNotice'
  | 'setEnginePreference'
  | 'remeasureEngines'
>;

/** What the training service acts on: the slice's own set/get, the store, the slice's `live`. */
export interface TrainingServiceContext {
  set: SliceTools<'training'>['set'];
  get: SliceTools<'training'>['get'];
  store: StoreApi<AppState>;
  /** The run's live record; it exists before the service loads, and the service records into it. */
  live: TrainingLive;
}

/** Loads the training service (on the training slice's first action, so the first screen never fetches it). */
export type LoadTrainingService = (ctx: TrainingServiceContext) => Promise<TrainingService>;

export interface StoreServices {
  walkthrough?: StartWalkthroughCompute;
  backward?: StartBackwardCompute;
  training?: LoadTrainingService;
}

/** The error a slice raises when the app did not install the service it needs. */
export function missingService(name: keyof StoreServices): Error {
  return new Error(`store: no ${name} service installed (the app entry calls installAppServices from src/app)`);
}
