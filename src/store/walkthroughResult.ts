// What the walkthrough's compute service (src/app/walkthrough) produces for one sentence:
// everything the stage panels show, and the walkthrough slice's state type. Plain data (typed
// arrays inside the Trace) so it can sit in the store and be cached.
import type { BackendKind, DispatchRecord } from '../engine/backend';
import type { ModelConfig, ModelVariant } from '../model/config';
import type { Trace } from '../model/trace';
import type { ToyParseProblem } from '../data/toyTranslate';

/** The backend a result was computed on (a summary of the engine's BackendInfo). */
export interface BackendSummary {
  kind: BackendKind;
  /** Adapter description, or 'CPU'. */
  name: string;
  hasTimestamps: boolean;
}

/** Every parameter of one model, by checkpoint name ('enc.0.attn.wq.weight'). */
export interface ParameterSet {
  shapes: ReadonlyMap<string, readonly number[]>;
  values: ReadonlyMap<string, Float32Array>;
}

/** What a checkpoint says about its training; null where it does not say. */
export interface TrainingMeta {
  /** The checkpoint's `dataset` field ('en-zh-toy', …; '' when absent). */
  dataset: string;
  steps: number | null;
  /** ε of the label-smoothed cross-entropy the model was trained with. */
  labelSmoothing: number | null;
}

/** The source as the encoder reads it. */
export interface PreparedView {
  /** Source tokens as tokenized (lowercased), without <eos>; truncated when too long. */
  tokens: string[];
  /** (S) ids of the tokens followed by <eos>. */
  ids: number[];
  /** Positions in `tokens` the source vocabulary does not know (read as <unk>). */
  unknown: number[];
  /** Set when the typed sentence was longer than the model reads: it was cut to `kept` words. */
  truncated: { kept: number; length: number; max: number } | null;
}

export interface StepView {
  /** The chosen token (the greedy argmax) and its id. */
  token: string;
  id: number;
  prob: number;
  /** The most probable tokens at this step, best first. */
  top: Array<{ token: string; prob: number }>;
  /** (V) the logits the step chose from (the decoding stage's sampling view tempers these). */
  logits: Float32Array;
}

export interface TranslationView {
  /** Generated ids without <bos>, ending with <eos> when one was produced. */
  ids: number[];
  /** Target tokens without <eos>. */
  tokens: string[];
  text: string;
  steps: StepView[];
  /** False when decoding stopped at maxLen without producing <eos>. */
  finished: boolean;
}

/** A sampled translation the learner asked for (all of it lives in the URL: temp, topk, topp, seed). */
export interface SampleRequest {
  text: string;
  /** 0 ≤ T: 0 is greedy. */
  temperature: number;
  /** 0 = off. */
  topK: number;
  /** 1 = off. */
  topP: number;
  seed: number;
}

/** One step of a sampled decode: the token drawn and the logits it was drawn from. */
export interface SampledStepView {
  token: string;
  id: number;
  /** (V) the logits of this step (its prefix is the sampled tokens before it). */
  logits: Float32Array;
  /** The token's probability under the filtered distribution it was drawn from. */
  prob: number;
  /** Its probability under the model's own (untempered, uncut) distribution. */
  baseProb: number;
  /** How many tokens survived top-k and top-p at this step. */
  kept: number;
}

/** A seeded sampled decode (temperature → top-k → top-p → draw), with the KV cache. */
export interface SampledTranslationView {
  /** The translator and text it was computed for: `${translator key}|${text}`, like WalkthroughResult.key. */
  key: string;
  request: SampleRequest;
  /** Generated ids without <bos>, ending with <eos> when one was produced. */
  ids: number[];
  /** Target tokens without <eos>. */
  tokens: string[];
  text: string;
  steps: SampledStepView[];
  finished: boolean;
  backend: BackendSummary;
}

/** How the translation compares with the toy grammar's reference translator. */
export type ReferenceCheck =
  | { kind: 'match'; tokens: string[] }
  | { kind: 'differs'; tokens: string[] }
  | { kind: 'outside'; problem: ToyParseProblem };

/** Largest difference between the two backends' values of one trace entry. */
export interface BackendDiff {
  /** max |a − b| over the entry's elements. */
  maxAbs: number;
  /** maxAbs / max|b| (the CPU value's scale), the measure the kernel tests hold to 1e-4. */
  maxRel: number;
}

export interface BackendComparison {
  /** True when the page computes on the CPU, so both runs would be the same code. */
  sameBackend: boolean;
  /** Per trace name (e.g. 'enc.0.self.scaled'). Empty when sameBackend. */
  byName: Record<string, BackendDiff>;
}

/**
 * The dispatches of the plain (untraced) forward pass plus the softmax that turns its logits
 * into probabilities (the traced pass records those), with GPU times where measured.
 */
export interface DispatchLog {
  records: DispatchRecord[];
  /** True when gpuMs was measured (the adapter has timestamp queries). */
  timed: boolean;
}

export interface WalkthroughResult {
  /** Cache key: model id, backend (and device generation) and text. */
  key: string;
  /** The sentence as the user typed it. */
  text: string;
  modelId: string;
  config: ModelConfig;
  variant: ModelVariant;
  vocabSizes: { src: number; tgt: number };
  /** The vocabularies' tokens by id (axis labels for logits and probabilities). */
  vocabTokens: { src: readonly string[]; tgt: readonly string[] };
  backend: BackendSummary;
  prepared: PreparedView;
  translation: TranslationView;
  /** Teacher-forced pass over <bos> + the translation: every intermediate, by name. */
  trace: Trace;
  /** Target-side input tokens of that pass: '<bos>' followed by the translation's tokens. */
  targetInput: string[];
  /** The parameters of the model that computed this result (its checkpoint's host arrays). */
  parameters: ParameterSet;
  /** What that checkpoint records about its training. */
  training: TrainingMeta;
  comparison: BackendComparison;
  dispatches: DispatchLog;
  reference: ReferenceCheck;
  /** Wall-clock milliseconds per phase (for the benchmark and the curious). */
  timings: Record<string, number>;
}

/** Why there is no result for the current text. */
export type WalkthroughProblem =
  | { kind: 'empty' }
  | { kind: 'no-model' }
  | { kind: 'failed'; message: string };
