// The training-step walkthrough's URL parameters, read and written as data:
//   #/backward/<stage>?text=…&target=…&eps=…&lr=…&layer=…&head=…&side=enc|dec&lang=…
//   (+ from=study&card=<id> when a study card opened it)
// A missing `text` is the default sentence, a missing `target` the toy grammar's translation of
// it (so the reference follows the sentence until the learner types their own); `target=` is an
// empty box. Malformed numbers read as their defaults; the form says why it refuses them.
import { tokenizeEnglish } from '../../data/tokenize';
import { translateToy } from '../../data/toyTranslate';
import type { BackwardRequest } from '../../store/backwardResult';
import { queryGet, walkthroughParams, type BackwardRoute } from '../common/route';
import { DEFAULT_SENTENCE } from '../walkthrough/params';
import type { Side } from '../stages/types';

/** The paper's label smoothing, and the trainer's. */
export const DEFAULT_SMOOTHING = 0.1;
export const DEFAULT_LR = 1e-3;
/** Largest learning rate the form accepts: beyond it one Adam step wrecks the model. */
export const MAX_LR = 1;

export interface BackwardParams {
  text: string;
  /** The reference translation as typed, or null: use the toy grammar's. */
  target: string | null;
  smoothing: number;
  lr: number;
  layer?: number;
  head?: number;
  side?: Side;
  /** The study card that sent the learner here (from=study&card=<id>). */
  fromCard: string | null;
}

export type NumberProblem = 'not-a-number' | 'out-of-range';

/** ε for the loss: a number with 0 ≤ ε < 1, or why not. */
export function checkSmoothing(raw: string): { ok: true; value: number } | { ok: false; problem: NumberProblem } {
  const s = raw.trim();
  const v = Number(s);
  if (s === '' || !Number.isFinite(v)) return { ok: false, problem: 'not-a-number' };
  if (v < 0 || v >= 1) return { ok: false, problem: 'out-of-range' };
  return { ok: true, value: v };
}

/** Adam's learning rate: a number with 0 < lr ≤ MAX_LR, or why not. */
export function checkLr(raw: string): { ok: true; value: number } | { ok: false; problem: NumberProblem } {
  const s = raw.trim();
  const v = Number(s);
  if (s === '' || !Number.isFinite(v)) return { ok: false, problem: 'not-a-number' };
  if (v <= 0 || v > MAX_LR) return { ok: false, problem: 'out-of-range' };
  return { ok: true, value: v };
}

export function readBackwardParams(route: BackwardRoute): BackwardParams {
  const { query } = route;
  const base = walkthroughParams(query);
  const side = queryGet(query, 'side');
  const card = queryGet(query, 'card');
  const eps = checkSmoothing(queryGet(query, 'eps') ?? '');
  const lr = checkLr(queryGet(query, 'lr') ?? '');
  return {
    text: queryGet(query, 'text') ?? DEFAULT_SENTENCE,
    target: queryGet(query, 'target') ?? null,
    smoothing: eps.ok ? eps.value : DEFAULT_SMOOTHING,
    lr: lr.ok ? lr.value : DEFAULT_LR,
    layer: base.layer,
    head: base.head,
    side: side === 'enc' || side === 'dec' ? side : undefined,
    fromCard: queryGet(query, 'from') === 'study' && card ? card : null,
  };
}

/** The toy grammar's translation of an English sentence, space-separated, or null when it does not parse. */
export function toyReference(text: string): string | null {
  const tokens = translateToy(tokenizeEnglish(text));
  return tokens ? tokens.join(' ') : null;
}

/** What the service computes: the reference as typed, else the toy grammar's (else nothing). */
export function backwardRequest(params: BackwardParams, reference: string | null): BackwardRequest {
  return { text: params.text, target: params.target ?? reference ?? '', smoothing: params.smoothing, lr: params.lr };
}
