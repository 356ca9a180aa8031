import { describe, expect, it } from 'vitest';
import { DAY_MS, dayBounds, HOUR_MS, localCalendar, MINUTE_MS } from './clock';
import { masteryOf } from './mastery';
import { DEFAULT_SETTINGS, type GradeName, type ReviewRecord } from './records';
import { computeStats, retention, streak } from './stats';
import { applyReviews, CST, makeCard, makeDeck, T0 } from './testing';

/** A bare review at `at` (only time and grade matter to streak and retention). */
const review = (at: number, grade: GradeName = 'good', cardId = 't0'): ReviewRecord => ({
  cardId,
  reviewedAt: at,
  grade,
  stateBefore: 'review',
  dueAfter: at + DAY_MS,
  stabilityAfter: 3,
  difficultyAfter: 5,
  scheduledDays: 1,
  source: 'review',
  durationMs: null,
});

const midnight = (day: number) => CST.startOf(day);
const today = CST.dayOf(T0);

describe('calendars', () => {
  it('numbers fixed-offset days by local midnight', () => {
    expect(CST.dayOf(midnight(today) - 1)).toBe(today - 1);
    expect(CST.dayOf(midnight(today))).toBe(today);
    expect(dayBounds(T0, CST)).toEqual({ start: midnight(today), end: midnight(today + 1) });
    // 09:00 CST is 01:00 UTC on the same date.
    expect(new Date(midnight(today)).toISOString()).toBe('2025-03-02T16:00:00.000Z');
  });

  it('gives the local calendar consistent, consecutive days in any time zone', () => {
    for (let t = T0; t < T0 + 400 * DAY_MS; t += 7 * HOUR_MS) {
      const day = localCalendar.dayOf(t);
      const start = localCalendar.startOf(day);
      expect(start).toBeLessThanOrEqual(t);
      expect(localCalendar.startOf(day + 1)).toBeGreaterThan(t);
      expect(localCalendar.dayOf(start)).toBe(day);
    }
  });
});

describe('streak', () => {
  it('counts consecutive local days, split at local midnight rather than UTC', () => {
    // 23:50 and 00:10 CST are two local days (but the same UTC day).
    const reviews = [review(midnight(today) - 10 * MINUTE_MS), review(midnight(today) + 10 * MINUTE_MS)];
    expect(streak(reviews, T0, CST)).toEqual({ current: 2, longest: 2, reviewedToday: true });
  });

  it('stays alive through today until a review is done, and breaks after a missed day', () => {
    const reviews = [review(midnight(today - 2) + HOUR_MS), review(midnight(today - 1) + HOUR_MS)];
    expect(streak(reviews, T0, CST)).toEqual({ current: 2, longest: 2, reviewedToday: false });
    expect(streak(reviews, midnight(today + 1) + HOUR_MS, CST).current).toBe(0);
  });

  it('counts a day once however many reviews it has, and remembers the longest run', () => {
    const reviews = [
      ...[10, 9, 8, 7].map((d) => review(midnight(today - d) + HOUR_MS)), // a 4-day run
      review(midnight(today - 1) + HOUR_MS),
      review(midnight(today) + HOUR_MS),
      review(midnight(today) + 2 * HOUR_MS),
    ];
    expect(streak(reviews, T0, CST)).toEqual({ current: 2, longest: 4, reviewedToday: true });
    expect(streak([], T0, CST)).toEqual({ current: 0, longest: 0, reviewedToday: false });
  });
});

describe('retention', () => {
  it('is the share of reviews not graded Again in the last 30 local days', () => {
    const reviews = [
      review(midnight(today - 29) + HOUR_MS, 'again'), // first day of the window
      review(midnight(today - 10), 'good'),
      review(midnight(today - 5), 'hard'),
      review(T0 - HOUR_MS, 'easy'),
      review(midnight(today - 30) + HOUR_MS, 'again'), // one day too old
    ];
    expect(retention(reviews, T0, CST)).toEqual({ rate: 0.75, passed: 3, total: 4 });
  });

  it('is null without reviews', () => {
    expect(retention([], T0, CST)).toEqual({ rate: null, passed: 0, total: 0 });
  });
});

describe('computeStats', () => {
  it('counts due, reviewed today, mastery per deck, section and topic', () => {
    const deck = [makeCard('a', 1), makeCard('b', 1), makeCard('c', 12), makeCard('d', 12), makeCard('e', 48)];
    let h = applyReviews([
      { cardId: 'a', grade: 'good', at: T0 - 40 * DAY_MS },
      { cardId: 'b', grade: 'good', at: T0 - 30 * DAY_MS },
    ]);
    // Card a is graded on time for a while, so it becomes mature; b stays in learning.
    for (let i = 0; i < 6; i++) {
      const due = h.progress.get('a')!.due;
      if (due > T0) break;
      h = applyReviews([{ cardId: 'a', grade: 'good', at: due }], h);
    }
    h = applyReviews(
      [
        { cardId: 'c', grade: 'good', at: T0 - 3 * HOUR_MS },
        { cardId: 'c', grade: 'good', at: T0 - 2 * HOUR_MS }, // now in review, due in days
      ],
      h,
    );
    const stats = computeStats({ deck, ...h, settings: { ...DEFAULT_SETTINGS, newPerDay: 10 }, now: T0, calendar: CST });

    expect(masteryOf(h.progress.get('a'))).toBe('mature');
    expect(masteryOf(h.progress.get('b'))).toBe('learning');
    expect(masteryOf(h.progress.get('c'))).toBe('young');
    expect(stats.mastery).toEqual({ new: 2, learning: 1, young: 1, mature: 1 });
    expect(stats.bySection.A).toEqual({ new: 0, learning: 1, young: 0, mature: 1 });
    expect(stats.bySection.C).toEqual({ new: 1, learning: 0, young: 1, mature: 0 });
    expect(stats.bySection.H).toEqual({ new: 1, learning: 0, young: 0, mature: 0 });
    expect(stats.byTopic[12]).toEqual({ new: 1, learning: 0, young: 1, mature: 0 });
    expect(stats.dueNow).toBe(1); // b, whose learning step passed a month ago
    expect(stats.reviewedToday).toBe(2);
    expect(stats.cardsReviewedToday).toBe(1);
    expect(stats.newAvailableToday).toBe(2); // d and e; c was introduced today (1 of 10 used)
    expect(stats.streak.reviewedToday).toBe(true);
    const windowStart = midnight(today - 29);
    expect(stats.retention.total).toBe(h.reviews.filter((r) => r.reviewedAt >= windowStart).length);
    expect(stats.retention.total).toBeLessThan(h.reviews.length); // the first reviews are 30–40 days old
  });

  it('counts cards due later today in dueToday but not in dueNow', () => {
    const deck = makeDeck(3);
    const h = applyReviews([{ cardId: 't0', grade: 'good', at: T0 }]); // due in 10 minutes
    const stats = computeStats({ deck, ...h, settings: DEFAULT_SETTINGS, now: T0 + MINUTE_MS, calendar: CST });
    expect(stats.dueNow).toBe(0);
    expect(stats.dueToday).toBe(1);
  });
});
