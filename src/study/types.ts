// The study deck's core types. Cards are data (see cards/), written once in English and
// Simplified Chinese; everything else in src/study works on these shapes.
import type { Bilingual } from '../i18n/text';
import { isBackwardStageId, type BackwardStageId, type StageId } from '../model/stageIds';
import type { ExperimentId } from '../train/experimentIds';
import type { HighlightId } from './highlights';

/** A stage of the training-step walkthrough (#/backward/<id>) as a card's "show me": 'backward/loss'. */
export type BackwardCardStage = `backward/${BackwardStageId}`;

/**
 * Where a card's "show me" goes: a walkthrough stage, a training-step stage
 * ('backward/<id>'), or 'train' for the Train view.
 */
export type CardStage = StageId | 'train' | BackwardCardStage;
export const TRAIN_VIEW = 'train' as const;

export function backwardCardStage(id: BackwardStageId): BackwardCardStage {
  return `backward/${id}`;
}

/** The training-step stage a card stage names, or null for a forward stage or the Train view. */
export function backwardStageOf(stage: string): BackwardStageId | null {
  if (!stage.startsWith('backward/')) return null;
  const id = stage.slice('backward/'.length);
  return isBackwardStageId(id) ? id : null;
}

/**
 * qa: question, then the answer. cloze: fill the gap in a statement or formula.
 * predict: say what an experiment will do, then run it. practice: answer aloud against a
 * timer, then compare with a model answer and a checklist of points.
 */
export type CardKind = 'qa' | 'cloze' | 'predict' | 'practice';
export const CARD_KINDS: readonly CardKind[] = ['qa', 'cloze', 'predict', 'practice'];

export type Difficulty = 1 | 2 | 3;

/** The gap marker inside a cloze text; exactly one per text (see cloze.ts). */
export const CLOZE_GAP = '{{gap}}';

export interface Cloze {
  /** The statement with one CLOZE_GAP marker in each language. */
  text: Bilingual;
  /** Accepted answers, compared after normalization (cloze.ts). The first is the canonical one. */
  answers: string[];
}

export interface Practice {
  /** Time to speak the answer, in seconds. */
  seconds: number;
  /** Points a good answer touches; the user ticks them off after revealing the model answer. */
  checklist: Bilingual[];
}

export interface Card {
  /** Stable forever: progress is stored under it. Form: `<section><topic>-<slug>`, e.g. `c15-scale-why`. */
  id: string;
  /** The curriculum topic number, 1–48 (curriculum.ts). */
  topic: number;
  tags: string[];
  difficulty: Difficulty;
  kind: CardKind;
  question: Bilingual;
  /** Short enough to say aloud: about 2–5 sentences. */
  answer: Bilingual;
  /** KaTeX source of the formula the answer is about, when there is one. */
  formula?: string;
  cloze?: Cloze;
  practice?: Practice;
  /** The panel "show me" opens. */
  stage: CardStage;
  /** When the topic has no panel of its own: why this one is the closest. */
  stageNote?: Bilingual;
  /** A named element on that stage to emphasise (highlights.ts). */
  highlight?: HighlightId;
  /** The what-if experiment that shows the claim on the live model (predict cards). */
  experiment?: ExperimentId;
  /** The lab's own code the answer points to: a file and identifiers in it (a test keeps them there). */
  labCode?: LabCode;
}

export interface LabCode {
  /** Repository path, e.g. 'src/model/attention.ts'. */
  path: string;
  /** Identifiers or snippets that occur in that file, e.g. 'op.splitHeads'. */
  symbols: string[];
}
