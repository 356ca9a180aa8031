// Helpers for this folder's unit tests: a tiny synthetic deck and a review history built
// through the real scheduler. Not part of the public API.
import { fixedOffsetCalendar, HOUR_MS } from './clock';
import type { CardProgress, GradeName, ReviewRecord } from './records';
import { createScheduler } from './scheduler';
import type { Card } from './types';

/** China Standard Time: a calendar whose local midnight is 16:00 UTC. */
export const CST = fixedOffsetCalendar(8 * 60);

/** 2025-03-03 09:00 in CST. */
export const T0 = Date.UTC(2025, 2, 3, 9) - 8 * HOUR_MS;

export function makeCard(id: string, topic: number, overrides: Partial<Card> = {}): Card {
  return {
    id,
    topic,
    tags: ['test'],
    difficulty: 1,
    kind: 'qa',
    question: { en: `Question ${id}?`, zh: `问题 ${id}？` },
    answer: { en: `Answer ${id}.`, zh: `答案 ${id}。` },
    stage: 'overview',
    ...overrides,
  };
}

/** n cards spread over topics 1, 2, … (wrapping at 48). */
export function makeDeck(n: number): Card[] {
  return Array.from({ length: n }, (_, i) => makeCard(`t${i}`, (i % 48) + 1));
}

export interface History {
  progress: Map<string, CardProgress>;
  reviews: ReviewRecord[];
}

/** Applies grades in order through the real scheduler, accumulating state and the log. */
export function applyReviews(events: { cardId: string; grade: GradeName; at: number }[], start: History = { progress: new Map(), reviews: [] }): History {
  const scheduler = createScheduler();
  const progress = new Map(start.progress);
  const reviews = [...start.reviews];
  for (const e of events) {
    const outcome = scheduler.grade(e.cardId, progress.get(e.cardId), e.grade, e.at);
    progress.set(e.cardId, outcome.progress);
    reviews.push(outcome.review);
  }
  return { progress, reviews };
}
