// What a walkthrough stage is: data (titles, explanations, formula, kernels, trace names,
// pickers) plus one Panel component. The registry (index.ts) lists one per stage id, in order.
import type { ComponentType } from 'react';
import type { ShaderFamily } from '../../engine/webgpu/shaderSources';
import type { Language } from '../../i18n/language';
import type { Bilingual } from '../../i18n/text';
import type { ModelConfig } from '../../model/config';
import type { StageId } from '../../model/stageIds';
import type { Trace } from '../../model/trace';
import type { ParameterView } from '../../app/walkthrough/parameters';
import type { SamplingOptions } from '../../model/sampling';
import type { SampledState } from '../../store/slices/walkthrough';
import type { TrainingMeta, WalkthroughResult } from '../../store/walkthroughResult';
import type { HighlightId } from '../../study/highlights';

/** Encoder or decoder side of the model. */
export type Side = 'enc' | 'dec';

/** The kernel families a stage can name (one .wgsl file each). */
export type KernelFamily = ShaderFamily;

/** Everything a stage needs to draw the current sentence. */
export interface StageContext {
  result: WalkthroughResult;
  trace: Trace;
  config: ModelConfig;
  lang: Language;
  /** Chosen side (stages without a side picker get their fixed side, see pickers.layer). */
  side: Side;
  /** Layer index on the layer picker's side, counted from 0, within range. */
  layer: number;
  /** Head index, counted from 0, within range. */
  head: number;
  /** A study card asked for this element to be emphasised (only ids of this stage arrive). */
  highlight: HighlightId | null;
  /** Token labels: source + <eos> (unknown words as <unk>), and <bos> + the output. */
  labels: { source: string[]; target: string[]; predicted: string[] };
  /**
   * A parameter of the model that computed `result` (checkpoint names, e.g.
   * 'enc.0.attn.wq.weight', 'dec.1.ln2.gamma'): its shape and row-major values, or null when
   * the model has none by that name. The arrays are the checkpoint's own: never write to them.
   */
  param: (name: string) => ParameterView | null;
  /** What that model's checkpoint records about its training (label smoothing, steps). */
  trainingMeta: TrainingMeta;
  /** Open another stage (a new history entry), keeping the sentence; optionally pick side/layer/head. */
  goToStage: (id: StageId, picks?: Partial<{ side: Side; layer: number; head: number }>) => void;
  sampling: StageSampling;
}

/** The decoding stage's sampling: settings from the URL and the sampled run the store holds. */
export interface StageSampling {
  /** temp, topk (clamped to the target vocabulary), topp from the URL. */
  options: SamplingOptions;
  /** seed= in the URL: a sampled translation is wanted; null: the greedy one only. */
  seed: number | null;
  /** The sampled translation (computed by src/app/walkthrough); its request may lag the URL's. */
  state: SampledState;
  /** Change settings in the URL (the entry is replaced); seed null drops the sampled run. */
  set: (patch: Partial<SamplingOptions & { seed: number | null }>) => void;
}

export interface StagePanelProps {
  ctx: StageContext;
}

export interface StagePickers {
  /** Show the encoder/decoder switch. */
  side?: boolean;
  /**
   * Show the layer picker, over the encoder's layers, the decoder's, or those of the side
   * the switch selects.
   */
  layer?: Side | 'side';
  /** Show the head picker. */
  head?: boolean;
}

export interface StageExplanation {
  /** What happens in this step. */
  what: Bilingual;
  /** Why the step exists. */
  why: Bilingual;
  /** What problem it solves (or what would go wrong without it). */
  problem: Bilingual;
}

export interface StageDefinition {
  id: StageId;
  title: Bilingual;
  explain: StageExplanation;
  /** KaTeX source with the live shapes of this sentence (compute them from ctx, never type them). */
  formula: (ctx: StageContext) => string;
  /** The kernel families whose dispatches computed what this stage shows. */
  kernels: readonly KernelFamily[];
  /** Where the numbers come from when that is not (only) a kernel, e.g. the tokenizer. */
  computedBy?: Bilingual;
  /** The trace entries this stage displays (compared between the GPU and the CPU engine). */
  traceNames: (ctx: StageContext) => string[];
  pickers: StagePickers;
  Panel: ComponentType<StagePanelProps>;
}
