// The whole deck, in curriculum order (section A to H, topic by topic). New cards are shown in
// this order, so a learner meets the basics first.
import type { Card } from '../types';
import { SECTION_A } from './a-big-picture';
import { SECTION_B } from './b-inputs';
import { SECTION_C } from './c-attention';
import { SECTION_D } from './d-masks-decoder';
import { SECTION_E } from './e-blocks';
import { SECTION_F } from './f-training-inference';
import { SECTION_G } from './g-beyond';
import { SECTION_H } from './h-how-to-answer';

export const DECK: readonly Card[] = [
  ...SECTION_A,
  ...SECTION_B,
  ...SECTION_C,
  ...SECTION_D,
  ...SECTION_E,
  ...SECTION_F,
  ...SECTION_G,
  ...SECTION_H,
];

const byId = new Map(DECK.map((card) => [card.id, card]));

export function cardById(id: string): Card | undefined {
  return byId.get(id);
}

/** Position of each card in DECK: the tie-breaker that keeps every ordering deterministic. */
export const DECK_ORDER: ReadonlyMap<string, number> = new Map(DECK.map((card, i) => [card.id, i]));
