import { describe, expect, it } from 'vitest';
import { DECK } from './cards';
import { currentQuestion, DRILL_KINDS, drillSummary, gradeAnswer, revealAnswer, skipQuestion, startDrill } from './drill';
import { sampleSeeded, seededRandom } from './random';
import { createStudyService } from './service';
import { createMemoryStore } from './storage/memoryStore';
import { T0 } from './testing';
import { createTimer, elapsedMs, formatClock, isOvertime, isRunning, pauseTimer, remainingMs, resetTimer, startTimer } from './timer';

const config = { count: 5, seed: 'interview-1', defaultSeconds: 60 };

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const c = seededRandom('y');
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('samples distinct items without touching the input, capped at its length', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const picked = sampleSeeded(items, 8, 7);
    expect(new Set(picked).size).toBe(8);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sampleSeeded(items, 50, 7).sort((x, y) => x - y)).toEqual(items);
    expect(sampleSeeded(items, 8, 7)).toEqual(picked);
  });
});

describe('drill', () => {
  it('picks the same questions for the same seed, only spoken kinds by default', () => {
    const s1 = startDrill(DECK, config, T0);
    const s2 = startDrill(DECK, config, T0 + 999);
    expect(s1.questions).toEqual(s2.questions);
    expect(s1.questions).toHaveLength(5);
    expect(startDrill(DECK, { ...config, seed: 'interview-2' }, T0).questions).not.toEqual(s1.questions);
    const kinds = new Set(s1.questions.map((q) => DECK.find((c) => c.id === q.cardId)!.kind));
    for (const k of kinds) expect(DRILL_KINDS).toContain(k);
  });

  it('honours a filter and a practice card’s own time', () => {
    const s = startDrill(DECK, { ...config, count: 10, filter: { topics: [48] } }, T0);
    expect(s.questions.length).toBe(DECK.filter((c) => c.topic === 48).length);
    for (const q of s.questions) expect(q.seconds).toBe(DECK.find((c) => c.id === q.cardId)!.practice!.seconds);
  });

  it('runs answer → reveal → grade for each question, timing the thinking', () => {
    let s = startDrill(DECK, { ...config, count: 2 }, T0);
    expect(s.phase).toBe('answering');
    const first = currentQuestion(s)!;
    expect(remainingMs(s.timer, T0 + 10_000)).toBe(50_000);

    s = revealAnswer(s, T0 + 42_000);
    expect(s.phase).toBe('revealed');
    expect(remainingMs(s.timer, T0 + 100_000)).toBe(18_000); // the clock stopped at reveal
    const graded = gradeAnswer(s, 'good', T0 + 50_000);
    expect(graded.result).toEqual({ cardId: first.cardId, grade: 'good', thinkingMs: 42_000, overtime: false });

    s = graded.session;
    expect(s.phase).toBe('answering');
    expect(elapsedMs(s.timer, T0 + 50_000)).toBe(0); // a fresh timer for the next question
    const second = gradeAnswer(s, 'hard', T0 + 50_000 + 75_000); // graded without revealing first
    expect(second.result).toMatchObject({ grade: 'hard', thinkingMs: 75_000, overtime: true });
    expect(second.session.phase).toBe('finished');
    expect(currentQuestion(second.session)).toBeNull();
    expect(() => gradeAnswer(second.session, 'good', T0)).toThrow(/after the last question/);
    expect(drillSummary(second.session)).toEqual({
      asked: 2,
      graded: 2,
      skipped: 0,
      byGrade: { again: 0, hard: 1, good: 1, easy: 0 },
      overtime: 1,
      meanThinkingMs: 58_500,
    });
  });

  it('skips without a result', () => {
    const s = skipQuestion(startDrill(DECK, { ...config, count: 1 }, T0), T0 + 1000);
    expect(s.phase).toBe('finished');
    expect(drillSummary(s)).toMatchObject({ asked: 1, graded: 0, skipped: 1, meanThinkingMs: null });
  });

  it('finishes at once when nothing matches', () => {
    const s = startDrill(DECK, { ...config, filter: { text: 'no card says this' } }, T0);
    expect(s.phase).toBe('finished');
    expect(currentQuestion(s)).toBeNull();
  });

  it('feeds self-grades to the scheduler as drill reviews', async () => {
    let now = T0;
    const service = createStudyService({ store: createMemoryStore(), clock: () => now });
    let s = startDrill(DECK, { ...config, count: 3 }, now);
    for (const grade of ['good', 'again', 'easy'] as const) {
      now += 30_000;
      const { session, result } = gradeAnswer(revealAnswer(s, now), grade, now);
      await service.grade(result.cardId, result.grade, { source: 'drill', durationMs: result.thinkingMs });
      s = session;
    }
    const snap = await service.load();
    expect(snap.reviews.map((r) => [r.cardId, r.grade, r.source, r.durationMs])).toEqual(
      s.results.map((r) => [r.cardId, r.grade, 'drill', 30_000]),
    );
    expect(snap.progress.size).toBe(3);
  });
});

describe('timer', () => {
  it('counts down, pauses, resumes and runs into overtime', () => {
    let t = createTimer(60_000);
    expect(isRunning(t)).toBe(false);
    expect(remainingMs(t, T0)).toBe(60_000);
    t = startTimer(t, T0);
    expect(startTimer(t, T0 + 5000)).toBe(t); // starting twice changes nothing
    t = pauseTimer(t, T0 + 20_000);
    expect(elapsedMs(t, T0 + 999_999)).toBe(20_000);
    t = startTimer(t, T0 + 30_000);
    expect(remainingMs(t, T0 + 50_000)).toBe(20_000);
    expect(isOvertime(t, T0 + 70_001)).toBe(true);
    expect(resetTimer(t)).toEqual(createTimer(60_000));
    expect(() => createTimer(0)).toThrow(/positive/);
  });

  it('formats the clock for display', () => {
    expect(formatClock(60_000)).toBe('1:00');
    expect(formatClock(5_200)).toBe('0:06');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-12_400)).toBe('+0:12');
    expect(formatClock(-75_000)).toBe('+1:15');
  });
});
