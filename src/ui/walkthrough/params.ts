// The walkthrough's URL parameters, read and written as data:
//   #/walkthrough/<stage>?text=…&family=…&layer=…&head=…&side=enc|dec&lang=…
//   (family=decoder|encoder picks another family's model and stage list; absent = the translator)
//   (+ highlight=<id>&from=study&card=<id> when a study card opened it)
// A missing `text` means the default sentence; an empty `text=` is the user's empty box.
import { DEFAULT_FAMILY, isFamilyId, type FamilyId } from '../../model/stageIds';
import { isHighlightId, type HighlightId } from '../../study/highlights';
import { queryGet, querySet, walkthroughParams, type StageRoute, type WalkthroughRoute } from '../common/route';
import type { Side } from '../stages/types';

export const DEFAULT_SENTENCE = 'the cat sat .';
/** The encoder-only model fills masked words: its default sentence has one. */
export const DEFAULT_MASKED_SENTENCE = 'the <mask> sat .';

/** The sentence a family starts with when the URL names none. */
export function defaultSentence(family: FamilyId): string {
  return family === 'encoder' ? DEFAULT_MASKED_SENTENCE : DEFAULT_SENTENCE;
}

export interface ViewParams {
  text: string;
  /** Which family's model and stage list (family=…; absent or unknown = encoder-decoder). */
  family: FamilyId;
  layer?: number;
  head?: number;
  side?: Side;
  highlight: HighlightId | null;
  /** The study card that sent the user here (from=study&card=<id>). */
  fromCard: string | null;
}

export function readParams(route: WalkthroughRoute): ViewParams {
  const { query } = route;
  const base = walkthroughParams(query);
  const rawText = queryGet(query, 'text');
  const side = queryGet(query, 'side');
  const highlight = queryGet(query, 'highlight');
  const card = queryGet(query, 'card');
  const familyParam = queryGet(query, 'family');
  const family = isFamilyId(familyParam) ? familyParam : DEFAULT_FAMILY;
  return {
    text: rawText ?? defaultSentence(family),
    family,
    layer: base.layer,
    head: base.head,
    side: side === 'enc' || side === 'dec' ? side : undefined,
    highlight: highlight && isHighlightId(highlight) ? highlight : null,
    fromCard: queryGet(query, 'from') === 'study' && card ? card : null,
  };
}

/** The same route with some parameters set (undefined removes one). Forward or training step alike. */
export function withParams<R extends StageRoute>(route: R, changes: Record<string, string | number | undefined>): R {
  let query = route.query;
  for (const [name, value] of Object.entries(changes)) query = querySet(query, name, value === undefined ? undefined : String(value));
  return { ...route, query };
}

/**
 * The route of another stage of the same view. A highlight belongs to the stage it was meant
 * for, so it is dropped.
 */
export function stageRoute<R extends StageRoute>(
  route: R,
  stage: R['stage'],
  picks: Partial<{ side: Side; layer: number; head: number }> = {},
): R {
  return { ...withParams(route, { highlight: undefined, ...picks }), stage };
}

/** Clamp a picker value into [0, count). */
export function clampIndex(value: number | undefined, count: number): number {
  if (value === undefined || count <= 0) return 0;
  return Math.min(Math.max(0, value), count - 1);
}
