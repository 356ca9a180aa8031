// What a trainer reports and how it is driven: the same interface for the in-page
// trainer (WebGPU, or the CPU in tests and benchmarks) and for the Web Worker client. Every
// type here is plain data, structured-clone safe, so events cross the worker boundary as is.
import type { AttentionSnapshot } from './attention';
import type { HostState } from './guard';
import type { QualityReport, TranslationSample } from './measure';
import type { MeasureRequest, MeasureResult } from './measureRequests';
import type { ScheduleSettings, TrainingCadence, TrainingConfig } from './trainingConfig';
import type { OptimizerSettings } from './step';

export type TrainerKind = 'webgpu' | 'cpu' | 'cpu-worker';

export type TrainerStatus = 'paused' | 'running' | 'diverged' | 'failed' | 'disposed';

/** One optimisation step's numbers, reported when its readback arrives. */
export interface StepPoint {
  step: number;
  /** Mean per-token training loss (label smoothing included). */
  loss: number;
  /** Global gradient L2 norm before clipping. */
  gradNorm: number;
  lr: number;
  /** Target tokens in the batch. */
  tokens: number;
  /** Running time (ms) when the result arrived: excludes time spent paused. */
  elapsedMs: number;
}

/** Why training stopped on its own after a non-finite (or exploded) loss or gradient. */
export interface DivergenceInfo {
  /** 'non-finite': NaN or ±Inf in the loss or gradient norm; 'exploded': a finite loss far above ln V. */
  reason: 'non-finite' | 'exploded';
  /** The step whose loss / gradient norm gave it away. */
  step: number;
  loss: number;
  gradNorm: number;
  lr: number;
  /** The step the weights and Adam state were rolled back to. */
  restoredStep: number;
  /** Every weight of the restored state is finite (always true unless the start was bad). */
  restoredFinite: boolean;
}

export type TrainerErrorCode = 'device' | 'data' | 'pretrained-mismatch' | 'config' | 'internal';

export interface TrainerErrorInfo {
  code: TrainerErrorCode;
  /** Plain English, with the op/shape detail; the UI translates by code. */
  message: string;
}

export type TrainerEvent =
  | { type: 'status'; status: TrainerStatus; step: number }
  /** Step results, in step order (a step whose readback was dropped is simply missing). */
  | { type: 'steps'; points: StepPoint[] }
  | { type: 'eval'; report: QualityReport; samples: TranslationSample[] }
  | { type: 'attention'; snapshot: AttentionSnapshot }
  /** The guard paused training and rolled back; metrics after restoredStep are void. */
  | { type: 'divergence'; info: DivergenceInfo }
  /** Weights were replaced by a state at `step` (rollback, restore): drop metrics after it. */
  | { type: 'rewind'; step: number }
  /** maxSteps reached: training paused by itself. */
  | { type: 'finished'; step: number }
  | { type: 'error'; error: TrainerErrorInfo };

export interface ProbeInfo {
  ok: boolean;
  /** Why the text cannot be a probe ('empty' | 'too-long'). */
  problem?: { code: 'empty' } | { code: 'too-long'; length: number; max: number };
  srcTokens: string[];
  /** Source words the vocabulary does not know (read as <unk>). */
  unknown: string[];
  target: 'reference' | 'model';
}

/** Changes that keep the trained model (optimizer, schedule, cadence, maxSteps). */
export interface RunSettingsPatch {
  optimizer?: Partial<OptimizerSettings>;
  schedule?: Partial<ScheduleSettings>;
  cadence?: Partial<TrainingCadence>;
  maxSteps?: number;
}

/** How a run starts: fresh weights, a checkpoint's weights, or a saved state with Adam moments. */
export type StartFrom =
  | { kind: 'scratch' }
  | { kind: 'weights'; weights: Record<string, Float32Array>; vocab: { src: string[]; tgt: string[] }; step: number }
  | { kind: 'state'; state: HostState };

export interface TrainerSpec {
  config: TrainingConfig;
  start: StartFrom;
  probe: string;
  /** Base URL for public files (the Tatoeba TSV) — a worker has no document. */
  baseUrl?: string;
}

export interface TrainerInfo {
  kind: TrainerKind;
  /** Adapter or 'CPU'. */
  device: string;
  step: number;
  vocab: { src: number; tgt: number };
  /** The vocabularies' token lists (for checkpoints). */
  vocabTokens: { src: string[]; tgt: string[] };
  trainSize: number;
  validationSize: number;
  parameters: number;
  probe: ProbeInfo;
  /** Threads computing each step (data parallel on the CPU worker); 1 elsewhere. */
  workers?: number;
}

/** A running model the UI drives. All methods are safe to call in any status. */
export interface TrainerHandle {
  readonly kind: TrainerKind;
  /** Build data and model; resolves once the first step can run. */
  init(spec: TrainerSpec): Promise<TrainerInfo>;
  start(): void;
  /** Stop encoding steps; resolves once every step in flight has reported. */
  pause(): Promise<void>;
  /** Run n steps (default 1) from paused, then pause again. */
  step(n?: number): Promise<void>;
  /** Compatible settings (the model is kept); applies from the next step. */
  update(patch: RunSettingsPatch): Promise<void>;
  setProbe(text: string): Promise<ProbeInfo>;
  /** Evaluate now (independent of the cadence); also reported as an 'eval' event. */
  evaluate(): Promise<QualityReport>;
  /** Experiment measurements on the current weights. */
  measure(req: MeasureRequest): Promise<MeasureResult>;
  /** Weights + Adam state now (waits for the steps in flight). */
  exportState(): Promise<HostState>;
  /** The newest state the divergence guard trusts (for device loss). */
  lastGoodState(): Promise<HostState>;
  /** Parameters by name (for checkpoints). */
  weights(): Promise<Record<string, Float32Array>>;
  subscribe(listener: (e: TrainerEvent) => void): () => void;
  dispose(): void;
}
