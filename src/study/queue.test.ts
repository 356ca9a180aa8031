import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './clock';
import { buildQueue, newIntroducedOn } from './queue';
import { DEFAULT_SETTINGS } from './records';
import { applyReviews, CST, makeDeck, T0 } from './testing';

const deck = makeDeck(30);
const base = { deck, calendar: CST, settings: DEFAULT_SETTINGS };

describe('buildQueue', () => {
  it('offers new cards in deck order, up to the daily limit (default 20)', () => {
    const q = buildQueue({ ...base, progress: new Map(), reviews: [], now: T0 });
    expect(q.due).toEqual([]);
    expect(q.fresh.map((c) => c.id)).toEqual(deck.slice(0, 20).map((c) => c.id));
    expect(q.newLeftToday).toBe(20);
    expect(q.nextDueAt).toBeNull();
  });

  it('counts new cards introduced today against the limit, and resets at local midnight', () => {
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
    const h = applyReviews(deck.slice(0, 3).map((c, i) => ({ cardId: c.id, grade: 'good' as const, at: T0 + i * MINUTE_MS })));
    const now = T0 + HOUR_MS;
    const q = buildQueue({ ...base, settings, ...h, now });
    expect(q.newIntroducedToday).toBe(3);
    expect(q.fresh.map((c) => c.id)).toEqual(['t3', 't4']);

    // 23:59 CST is still the same day; 00:01 the next day starts a fresh allowance.
    const lateToday = CST.startOf(CST.dayOf(T0) + 1) - MINUTE_MS;
    expect(buildQueue({ ...base, settings, ...h, now: lateToday }).newLeftToday).toBe(2);
    const tomorrow = CST.startOf(CST.dayOf(T0) + 1) + MINUTE_MS;
    expect(buildQueue({ ...base, settings, ...h, now: tomorrow }).newLeftToday).toBe(5);
  });

  it('counts a new card once however often it is graded on its first day, and drill reviews too', () => {
    const h = applyReviews([
      { cardId: 't0', grade: 'again', at: T0 },
      { cardId: 't0', grade: 'good', at: T0 + 2 * MINUTE_MS },
      { cardId: 't1', grade: 'good', at: T0 + 3 * MINUTE_MS },
    ]);
    h.reviews[2].source = 'drill';
    expect(newIntroducedOn(h.reviews, T0 + HOUR_MS, CST)).toBe(2);
  });

  it('puts due cards first, earliest due first, and leaves not-yet-due cards out', () => {
    const h = applyReviews([
      { cardId: 't5', grade: 'good', at: T0 }, // learning: due in 10 min
      { cardId: 't2', grade: 'again', at: T0 + MINUTE_MS }, // due in 1 min → T0 + 2 min
      { cardId: 't9', grade: 'easy', at: T0 + 2 * MINUTE_MS }, // review: due in days
    ]);
    const now = T0 + 20 * MINUTE_MS;
    const q = buildQueue({ ...base, settings: { ...DEFAULT_SETTINGS, newPerDay: 4 }, ...h, now });
    expect(q.due.map((c) => c.id)).toEqual(['t2', 't5']);
    expect(q.fresh.map((c) => c.id)).toEqual(['t0']); // 3 of 4 new slots used today
    expect(q.cards.map((c) => c.id)).toEqual(['t2', 't5', 't0']);
    expect(q.nextDueAt).toBe(h.progress.get('t9')!.due);
    expect(q.nextDueAt! - now).toBeGreaterThan(DAY_MS);
  });

  it('shows due reviews even when the new-card limit is used up', () => {
    const h = applyReviews([{ cardId: 't0', grade: 'good', at: T0 }]);
    const q = buildQueue({ ...base, settings: { ...DEFAULT_SETTINGS, newPerDay: 0 }, ...h, now: T0 + HOUR_MS });
    expect(q.due.map((c) => c.id)).toEqual(['t0']);
    expect(q.fresh).toEqual([]);
  });

  it('restricts to included cards without changing the daily allowance', () => {
    const q = buildQueue({ ...base, progress: new Map(), reviews: [], now: T0, include: (c) => c.topic <= 3 });
    expect(q.fresh.map((c) => c.topic)).toEqual([1, 2, 3]);
    expect(q.newLeftToday).toBe(20);
  });
});
