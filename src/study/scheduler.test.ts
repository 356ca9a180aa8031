import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './clock';
import { formatInterval, gradeButtons } from './intervals';
import { GRADE_NAMES, type CardProgress, type GradeName } from './records';
import { createScheduler, newProgress } from './scheduler';

const T0 = Date.UTC(2025, 2, 3, 9, 0); // a Monday morning
const scheduler = createScheduler();

/** Grades one card through a sequence of grades, each when it comes due. */
function history(grades: GradeName[], start = T0): { progress: CardProgress; now: number } {
  let progress: CardProgress | undefined;
  let now = start;
  for (const g of grades) {
    progress = scheduler.grade('c', progress, g, now).progress;
    now = progress.due;
  }
  return { progress: progress!, now };
}

function expectStrictlyIncreasing(p: CardProgress | undefined, now: number) {
  const preview = scheduler.preview('c', p, now);
  const intervals = GRADE_NAMES.map((g) => preview[g].intervalMs);
  for (let i = 1; i < intervals.length; i++) expect(intervals[i], `${GRADE_NAMES[i]} > ${GRADE_NAMES[i - 1]}`).toBeGreaterThan(intervals[i - 1]);
  return intervals;
}

describe('scheduler', () => {
  it('starts a card as new, due at once', () => {
    const p = newProgress('c', T0);
    expect(p).toMatchObject({ cardId: 'c', state: 'new', due: T0, reps: 0, lapses: 0, lastReview: null, updatedAt: T0 });
  });

  it('orders intervals Again < Hard < Good < Easy for new, learning, review and relearning cards', () => {
    const fresh = expectStrictlyIncreasing(undefined, T0);
    expect(fresh[0]).toBe(1 * MINUTE_MS); // the first learning step
    const learning = history(['good']);
    expect(learning.progress.state).toBe('learning');
    expectStrictlyIncreasing(learning.progress, learning.now);
    const review = history(['good', 'good', 'good']);
    expect(review.progress.state).toBe('review');
    expectStrictlyIncreasing(review.progress, review.now);
    const relearning = history(['good', 'good', 'good', 'again']);
    expect(relearning.progress.state).toBe('relearning');
    expectStrictlyIncreasing(relearning.progress, relearning.now);
  });

  it('moves the due date forward and grows the interval with each successful review', () => {
    let progress: CardProgress | undefined;
    let now = T0;
    let lastInterval = 0;
    for (let i = 0; i < 6; i++) {
      const { progress: next, review } = scheduler.grade('c', progress, 'good', now);
      expect(next.due).toBeGreaterThan(now);
      expect(next.lastReview).toBe(now);
      expect(next.reps).toBe(i + 1);
      expect(review).toMatchObject({ cardId: 'c', reviewedAt: now, grade: 'good', dueAfter: next.due, source: 'review' });
      const interval = next.due - now;
      expect(interval).toBeGreaterThanOrEqual(lastInterval);
      lastInterval = interval;
      progress = next;
      now = next.due;
    }
    expect(lastInterval).toBeGreaterThan(30 * DAY_MS);
    expect(progress!.stability).toBeGreaterThan(21);
  });

  it('records a lapse and brings a forgotten review card back within the day', () => {
    const { progress, now } = history(['good', 'good', 'good']);
    const { progress: lapsed, review } = scheduler.grade('c', progress, 'again', now);
    expect(review.stateBefore).toBe('review');
    expect(lapsed.lapses).toBe(progress.lapses + 1);
    expect(lapsed.state).toBe('relearning');
    expect(lapsed.due - now).toBeLessThan(DAY_MS);
  });

  it('previews exactly what grading will do', () => {
    const { progress, now } = history(['good', 'hard']);
    const preview = scheduler.preview('c', progress, now);
    for (const g of GRADE_NAMES) expect(scheduler.grade('c', progress, g, now).progress.due).toBe(preview[g].due);
  });

  it('is deterministic and does not read the system clock', () => {
    const a = history(['good', 'good', 'easy', 'hard']);
    const b = history(['good', 'good', 'easy', 'hard']);
    expect(a).toEqual(b);
    // Far in the past: a hidden Date.now() would make intervals absurd.
    const past = history(['good', 'good'], Date.UTC(2021, 0, 1));
    expect(past.now - Date.UTC(2021, 0, 1)).toBeLessThan(10 * DAY_MS);
  });

  it('keeps source and duration on the review record', () => {
    const { review } = scheduler.grade('c', undefined, 'easy', T0, { source: 'drill', durationMs: 42_000 });
    expect(review).toMatchObject({ source: 'drill', durationMs: 42_000, stateBefore: 'new' });
  });

  it('reports retrievability falling with time', () => {
    const { progress, now } = history(['good', 'good', 'good']);
    expect(scheduler.retrievability(undefined, now)).toBe(0);
    const soon = scheduler.retrievability(progress, now + DAY_MS);
    const later = scheduler.retrievability(progress, now + 60 * DAY_MS);
    expect(soon).toBeGreaterThan(later);
    expect(soon).toBeLessThanOrEqual(1);
  });
});

describe('interval labels', () => {
  it('formats waits in English and Chinese', () => {
    const cases: [number, string, string][] = [
      [20_000, '< 1 min', '不到 1 分钟'],
      [MINUTE_MS, '1 min', '1 分钟'],
      [10 * MINUTE_MS, '10 min', '10 分钟'],
      [59.7 * MINUTE_MS, '1 h', '1 小时'],
      [1.5 * HOUR_MS, '1.5 h', '1.5 小时'],
      [23.8 * HOUR_MS, '1 d', '1 天'],
      [2 * DAY_MS, '2 d', '2 天'],
      [45 * DAY_MS, '1.5 mo', '1.5 个月'],
      [400 * DAY_MS, '1.1 y', '1.1 年'],
    ];
    for (const [ms, en, zh] of cases) {
      expect(formatInterval(ms, 'en'), `${ms} ms`).toBe(en);
      expect(formatInterval(ms, 'zh'), `${ms} ms`).toBe(zh);
    }
  });

  it('labels the four grade buttons with their intervals', () => {
    const buttons = gradeButtons(scheduler.preview('c', undefined, T0), 'zh');
    expect(buttons.map((b) => b.label)).toEqual(['重来', '困难', '良好', '简单']);
    expect(buttons[0].interval).toBe('1 分钟');
    expect(buttons[2].interval).toBe('10 分钟');
    expect(gradeButtons(scheduler.preview('c', undefined, T0), 'en')[2]).toMatchObject({ grade: 'good', label: 'Good', interval: '10 min' });
  });
});
