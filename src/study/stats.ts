// Progress numbers for the Study view: due and reviewed today, 30-day retention, the daily
// streak, and mastery counts for the deck, each section and each topic.
import { dayBounds, type DayCalendar } from './clock';
import { SECTION_IDS, topicById, type SectionId } from './curriculum';
import { emptyMasteryCounts, masteryOf, type MasteryCounts } from './mastery';
import { buildQueue } from './queue';
import type { CardProgress, ReviewRecord, StudySettings } from './records';
import type { Card } from './types';

export const RETENTION_WINDOW_DAYS = 30;

export interface Retention {
  /** Share of reviews not graded Again; null when there were no reviews in the window. */
  rate: number | null;
  passed: number;
  total: number;
}

/**
 * Retention over the local day containing `now` and the `days − 1` days before it: the share
 * of all reviews in that window (any card state, queue or drill) that were not graded Again.
 */
export function retention(
  reviews: readonly ReviewRecord[],
  now: number,
  calendar: DayCalendar,
  days = RETENTION_WINDOW_DAYS,
): Retention {
  const from = calendar.startOf(calendar.dayOf(now) - (days - 1));
  let total = 0;
  let passed = 0;
  for (const r of reviews) {
    if (r.reviewedAt < from || r.reviewedAt > now) continue;
    total++;
    if (r.grade !== 'again') passed++;
  }
  return { rate: total === 0 ? null : passed / total, passed, total };
}

export interface Streak {
  /** Consecutive local days with at least one review, ending today — or yesterday while today has none yet. */
  current: number;
  longest: number;
  reviewedToday: boolean;
}

export function streak(reviews: readonly ReviewRecord[], now: number, calendar: DayCalendar): Streak {
  const today = calendar.dayOf(now);
  const days = new Set<number>();
  for (const r of reviews) if (r.reviewedAt <= now) days.add(calendar.dayOf(r.reviewedAt));

  const sorted = [...days].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const reviewedToday = days.has(today);
  let current = 0;
  for (let day = reviewedToday ? today : today - 1; days.has(day); day--) current++;
  return { current, longest, reviewedToday };
}

export interface StudyStats {
  /** Reviewed cards due by now. */
  dueNow: number;
  /** Reviewed cards due before the end of the local day. */
  dueToday: number;
  /** New cards the daily limit still lets in today. */
  newAvailableToday: number;
  /** Reviews done today (a card graded twice counts twice). */
  reviewedToday: number;
  /** Distinct cards reviewed today. */
  cardsReviewedToday: number;
  retention: Retention;
  streak: Streak;
  mastery: MasteryCounts;
  bySection: Record<SectionId, MasteryCounts>;
  /** Keyed by topic number. */
  byTopic: Record<number, MasteryCounts>;
}

export interface StatsInput {
  deck: readonly Card[];
  progress: ReadonlyMap<string, CardProgress>;
  reviews: readonly ReviewRecord[];
  settings: StudySettings;
  now: number;
  calendar: DayCalendar;
}

export function computeStats(input: StatsInput): StudyStats {
  const { deck, progress, reviews, now, calendar } = input;
  const { start, end } = dayBounds(now, calendar);

  const mastery = emptyMasteryCounts();
  const bySection = Object.fromEntries(SECTION_IDS.map((s) => [s, emptyMasteryCounts()])) as Record<SectionId, MasteryCounts>;
  const byTopic: Record<number, MasteryCounts> = {};
  let dueToday = 0;
  for (const card of deck) {
    const p = progress.get(card.id);
    const level = masteryOf(p);
    mastery[level]++;
    const section = topicById(card.topic)?.section;
    if (section) bySection[section][level]++;
    (byTopic[card.topic] ??= emptyMasteryCounts())[level]++;
    if (p && p.state !== 'new' && p.due < end) dueToday++;
  }

  const deckIds = new Set(deck.map((c) => c.id));
  const today = reviews.filter((r) => r.reviewedAt >= start && r.reviewedAt < end && deckIds.has(r.cardId));
  const queue = buildQueue(input);
  return {
    dueNow: queue.due.length,
    dueToday,
    newAvailableToday: queue.fresh.length,
    reviewedToday: today.length,
    cardsReviewedToday: new Set(today.map((r) => r.cardId)).size,
    retention: retention(reviews, now, calendar),
    streak: streak(reviews, now, calendar),
    mastery,
    bySection,
    byTopic,
  };
}
