// Today's study queue: cards that are due (oldest due first), then new cards in deck order up
// to what is left of the daily new-card limit.
import { dayBounds, type DayCalendar } from './clock';
import type { CardProgress, ReviewRecord, StudySettings } from './records';
import type { Card } from './types';

export interface QueueInput {
  deck: readonly Card[];
  progress: ReadonlyMap<string, CardProgress>;
  reviews: readonly ReviewRecord[];
  settings: StudySettings;
  now: number;
  calendar: DayCalendar;
  /** Restricts the queue (e.g. to one section); the daily new limit still counts every card. */
  include?: (card: Card) => boolean;
}

export interface StudyQueue {
  /** Cards due now, earliest due first. */
  due: Card[];
  /** New cards to introduce now, in deck order. */
  fresh: Card[];
  /** `due` then `fresh`: the order to show them in. */
  cards: Card[];
  /** New cards already introduced today (first reviews today, any source). */
  newIntroducedToday: number;
  /** How many more new cards today's limit allows. */
  newLeftToday: number;
  /** The earliest due time after `now` among the included cards (e.g. a learning step in 10 min). */
  nextDueAt: number | null;
}

/** Distinct cards whose first-ever review happened in the local day containing `now`. */
export function newIntroducedOn(reviews: readonly ReviewRecord[], now: number, calendar: DayCalendar): number {
  const { start, end } = dayBounds(now, calendar);
  const ids = new Set<string>();
  for (const r of reviews) {
    if (r.stateBefore === 'new' && r.reviewedAt >= start && r.reviewedAt < end) ids.add(r.cardId);
  }
  return ids.size;
}

export function isNewCard(progress: CardProgress | undefined): boolean {
  return !progress || progress.state === 'new';
}

export function buildQueue(input: QueueInput): StudyQueue {
  const { deck, progress, reviews, settings, now, calendar, include = () => true } = input;
  const order = new Map(deck.map((card, i) => [card.id, i]));
  const due: Card[] = [];
  const unseen: Card[] = [];
  let nextDueAt: number | null = null;

  for (const card of deck) {
    if (!include(card)) continue;
    const p = progress.get(card.id);
    if (isNewCard(p)) unseen.push(card);
    else if (p!.due <= now) due.push(card);
    else if (nextDueAt === null || p!.due < nextDueAt) nextDueAt = p!.due;
  }
  due.sort((a, b) => progress.get(a.id)!.due - progress.get(b.id)!.due || order.get(a.id)! - order.get(b.id)!);

  const newIntroducedToday = newIntroducedOn(reviews, now, calendar);
  const newLeftToday = Math.max(0, settings.newPerDay - newIntroducedToday);
  const fresh = unseen.slice(0, newLeftToday);
  return { due, fresh, cards: [...due, ...fresh], newIntroducedToday, newLeftToday, nextDueAt };
}
