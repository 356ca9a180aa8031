// What the training-step walkthrough's compute service (src/app/backward) produces for one
// sentence pair: one real training step — forward, loss, the backward that training runs, the
// clip + Adam update on a copy of the model — and everything recorded along the way. Plain
// data, so it can sit in the store.
import type { ModelConfig, ModelVariant } from '../model/config';
import type { Trace } from '../model/trace';
import type { FlowPoint, FlowRun } from '../train/gradientFlow';
import type { ProbeResult } from '../train/finiteDifference';
import type { OptimizerSettings } from '../train/step';
import type { BackendComparison, BackendSummary, DispatchLog, ParameterSet } from './walkthroughResult';

/** What the learner asked for (all of it lives in the URL). */
export interface BackwardRequest {
  /** The English sentence as typed. */
  text: string;
  /** Its reference translation, whitespace-separated Chinese tokens as typed. */
  target: string;
  /** Label smoothing ε of the loss, 0 ≤ ε < 1. */
  smoothing: number;
  /** Adam's learning rate for the update stage. */
  lr: number;
}

/** Why a request has no result. Words are shown back to the learner as typed. */
export type BackwardProblem =
  | { kind: 'empty'; side: 'source' | 'target' }
  | { kind: 'unknown'; side: 'source' | 'target'; words: string[] }
  | { kind: 'too-long'; side: 'source' | 'target'; length: number; max: number }
  | { kind: 'no-model' }
  | { kind: 'failed'; message: string };

export interface BackwardLabels {
  /** Encoder input: the source tokens followed by <eos> (S). */
  source: string[];
  /** Decoder input: <bos> followed by the target tokens (T). */
  targetInput: string[];
  /** What each decoder position must predict: the target tokens followed by <eos> (T). */
  targetOutput: string[];
}

/** The optimiser's view of the step (computed on a copy; the shown model is untouched). */
export interface UpdateView {
  settings: OptimizerSettings;
  /** min(1, maxNorm / ‖g‖): the factor gradient clipping applied. */
  clipScale: number;
  /** Adam's update count t of this step (1: a fresh optimiser state). */
  adamStep: number;
  /** Every parameter after the update (checkpoint names). */
  after: ReadonlyMap<string, Float32Array>;
  /** ‖Δw‖ / ‖w‖ per parameter. */
  ratios: ReadonlyMap<string, number>;
}

/** The same sentence pair through the updated copy: loss and attention after the step. */
export interface AfterView {
  loss: number;
  /** (T) per-position loss. */
  lossRows: number[];
  /** Forward points (and gradients) of the updated copy. */
  trace: Trace;
}

export interface BackwardResult {
  /** Cache key: model id, backend, request. */
  key: string;
  request: BackwardRequest;
  modelId: string;
  config: ModelConfig;
  variant: ModelVariant;
  vocabSizes: { src: number; tgt: number };
  vocabTokens: { src: readonly string[]; tgt: readonly string[] };
  backend: BackendSummary;
  labels: BackwardLabels;
  /** (T) ids of labels.targetOutput. */
  targetIds: number[];
  /**
   * The step's trace: the forward points (as in the walkthrough: 'dec.0.self.weights', …),
   * 'loss.rows' (T) and 'grad:<point>' = ∂L/∂(that point) for every point the loss depends on.
   */
  trace: Trace;
  /** Mean loss over the T target positions (shared/docs/checkpoint.md, "Loss"). */
  loss: number;
  lossRows: number[];
  nTokens: number;
  /** ∂L/∂w of every parameter, checkpoint names and layout. */
  paramGrads: ReadonlyMap<string, Float32Array>;
  /** The parameters the step started from. */
  parameters: ParameterSet;
  /** ‖∂L/∂θ‖ over all parameters. */
  gradNorm: number;
  update: UpdateView;
  after: AfterView;
  /** Gradient norm at every block input, top to bottom, for the model as it is. */
  flow: { points: FlowPoint[]; norms: number[] };
  /**
   * GPU vs CPU per trace name (forward points and 'grad:*') and per parameter gradient
   * ('param:<name>'). Empty when the page computes on the CPU.
   */
  comparison: BackendComparison;
  /** The step's dispatches: forward, 'loss', and 'backward/<forward scope>' for the backward. */
  dispatches: DispatchLog;
  timings: Record<string, number>;
}

/** On request: post-norm vs pre-norm vs no residual, freshly initialised, same seed. */
export interface FlowComparisonView {
  layers: number;
  seed: number;
  runs: FlowRun[];
}

/** On request: a few entries of a shown gradient against central finite differences. */
export interface NumericCheckView {
  /** What was checked, e.g. 'grad:dec.1.self.q' or 'param:src_embed.weight'. */
  name: string;
  /** The engine that computed the differences (the CPU engine). */
  engine: 'cpu';
  h: number;
  probes: ProbeResult[];
}
