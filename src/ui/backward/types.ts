// What a stage of the training-step walkthrough (#/backward/<id>) is: data (title, explanations,
// formula, kernels, the gradients it shows and which of them can be checked numerically,
// pickers) plus one Panel. Like the forward stages (../stages/types.ts), a panel reads only its
// context and never recomputes what the step recorded.
import type { ComponentType } from 'react';
import type { Language } from '../../i18n/language';
import type { Bilingual } from '../../i18n/text';
import type { ModelConfig } from '../../model/config';
import type { BackwardStageId, StageId } from '../../model/stageIds';
import type { Trace } from '../../model/trace';
import type { ParameterView } from '../../app/walkthrough/parameters';
import type { BackwardLabels, BackwardResult, FlowComparisonView } from '../../store/backwardResult';
import type { KernelFamily, Side, StageExplanation, StagePickers } from '../stages/types';

/** Progress of an on-request computation (the flow comparison, a numeric check). */
export type RequestStatus = 'idle' | 'running' | 'done' | 'failed';

export interface BackwardStageContext {
  result: BackwardResult;
  /** result.trace: forward points, 'loss.rows' and 'grad:<point>'. */
  trace: Trace;
  config: ModelConfig;
  lang: Language;
  side: Side;
  layer: number;
  head: number;
  labels: BackwardLabels;
  /** A parameter as the step started from it (checkpoint names), or null. Read only. */
  param: (name: string) => ParameterView | null;
  /** ∂L/∂(that parameter), same shape, or null. Read only. */
  grad: (name: string) => ParameterView | null;
  /** Open another stage of this walkthrough, keeping the pair. */
  goToStage: (id: BackwardStageId, picks?: Partial<{ side: Side; layer: number; head: number }>) => void;
  /** The forward walkthrough's href for a stage, with the same sentence. */
  forwardHref: (id: StageId, picks?: Partial<{ side: Side; layer: number; head: number }>) => string;
  /** Post-norm vs pre-norm vs no residual (computed on request, by running those models). */
  flowComparison: { status: RequestStatus; view: FlowComparisonView | null; error: string | null };
  requestFlowComparison: (layers: number) => void;
  /** How many shown steps the learner applied to the working copy of the model (0: untouched). */
  appliedSteps: number;
  /** Apply this step to the working copy (the next result starts from the updated weights). */
  applyStep: () => void;
  /** Back to the model as loaded. */
  resetSteps: () => void;
}

export interface BackwardPanelProps {
  ctx: BackwardStageContext;
}

/** A gradient the "check numerically" button can probe: 'grad:<point>' or 'param:<name>'. */
export interface NumericCheckTarget {
  name: string;
  /** What the learner sees on the button's list, e.g. "∂L/∂Q, decoder layer 1, head 2". */
  label: Bilingual;
}

export interface BackwardStageDefinition {
  id: BackwardStageId;
  title: Bilingual;
  explain: StageExplanation;
  /** KaTeX with this pair's live shapes (from ctx; never type a number the model determines). */
  formula: (ctx: BackwardStageContext) => string;
  /** The kernel families whose dispatches computed what this stage shows. */
  kernels: readonly KernelFamily[];
  /** labelScope paths of those dispatches ('loss', 'backward/dec.1.self', …); null: the whole step. */
  scopes: (ctx: BackwardStageContext) => string[] | null;
  /** Trace names ('grad:…') and 'param:<name>' shown: the frame reports the worst GPU − CPU difference. */
  traceNames: (ctx: BackwardStageContext) => string[];
  /** Gradients shown here that can be checked against central finite differences. */
  checks: (ctx: BackwardStageContext) => NumericCheckTarget[];
  pickers: StagePickers;
  /** The forward stage whose computation this one runs backwards (linked from the frame). */
  forwardStage: StageId;
  Panel: ComponentType<BackwardPanelProps>;
}


