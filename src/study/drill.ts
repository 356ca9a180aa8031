// Interview drill: a seeded random run of questions, each answered aloud against a timer, then
// revealed and self-graded. The session is plain data; every step returns a new session. Each
// grade comes back as a DrillResult for the caller to pass to the scheduler (source 'drill').
import { filterCards, type CardFilter } from './browse';
import { GRADE_NAMES, type GradeName } from './records';
import { sampleSeeded } from './random';
import { createTimer, elapsedMs, pauseTimer, startTimer, type TimerState } from './timer';
import type { Card, CardKind } from './types';

/** Cloze cards are for typing, not speaking, so drills leave them out unless asked. */
export const DRILL_KINDS: readonly CardKind[] = ['qa', 'predict', 'practice'];

export interface DrillConfig {
  /** Number of questions (fewer if the filter leaves fewer cards). */
  count: number;
  /** Same seed and deck → same questions in the same order. */
  seed: string | number;
  /** Narrows the pool; `kinds` defaults to DRILL_KINDS. */
  filter?: CardFilter;
  /** Speaking time for cards without their own (practice cards set theirs). */
  defaultSeconds: number;
}

export interface DrillQuestion {
  cardId: string;
  seconds: number;
}

export interface DrillResult {
  cardId: string;
  grade: GradeName;
  /** Speaking time before the answer was revealed. */
  thinkingMs: number;
  overtime: boolean;
}

export type DrillPhase = 'answering' | 'revealed' | 'finished';

export interface DrillSession {
  seed: string | number;
  questions: DrillQuestion[];
  /** The current question; equals questions.length once finished. */
  index: number;
  phase: DrillPhase;
  timer: TimerState;
  /** Thinking time of the current question, fixed at reveal. */
  revealedAfterMs: number | null;
  results: DrillResult[];
  skipped: string[];
}

function timerFor(q: DrillQuestion | undefined, now: number): TimerState {
  return startTimer(createTimer((q?.seconds ?? 60) * 1000), now);
}

export function startDrill(deck: readonly Card[], config: DrillConfig, now: number): DrillSession {
  const filter: CardFilter = { kinds: DRILL_KINDS, ...config.filter };
  const pool = filterCards(deck, filter);
  const picked = sampleSeeded(pool, config.count, config.seed);
  const questions = picked.map((card) => ({ cardId: card.id, seconds: card.practice?.seconds ?? config.defaultSeconds }));
  return {
    seed: config.seed,
    questions,
    index: 0,
    phase: questions.length === 0 ? 'finished' : 'answering',
    timer: timerFor(questions[0], now),
    revealedAfterMs: null,
    results: [],
    skipped: [],
  };
}

export function currentQuestion(s: DrillSession): DrillQuestion | null {
  return s.phase === 'finished' ? null : s.questions[s.index];
}

/** Stops the clock and shows the answer. */
export function revealAnswer(s: DrillSession, now: number): DrillSession {
  if (s.phase !== 'answering') return s;
  return { ...s, phase: 'revealed', timer: pauseTimer(s.timer, now), revealedAfterMs: elapsedMs(s.timer, now) };
}

function advance(s: DrillSession, now: number, patch: Partial<DrillSession>): DrillSession {
  const index = s.index + 1;
  const finished = index >= s.questions.length;
  return {
    ...s,
    ...patch,
    index,
    phase: finished ? 'finished' : 'answering',
    timer: finished ? pauseTimer(s.timer, now) : timerFor(s.questions[index], now),
    revealedAfterMs: null,
  };
}

/** Self-grades the current question (revealing it first if needed) and moves to the next. */
export function gradeAnswer(s: DrillSession, grade: GradeName, now: number): { session: DrillSession; result: DrillResult } {
  if (s.phase === 'finished') throw new Error('drill: gradeAnswer called after the last question');
  const revealed = revealAnswer(s, now);
  const q = revealed.questions[revealed.index];
  const thinkingMs = revealed.revealedAfterMs ?? 0;
  const result: DrillResult = { cardId: q.cardId, grade, thinkingMs, overtime: thinkingMs > q.seconds * 1000 };
  return { session: advance(revealed, now, { results: [...s.results, result] }), result };
}

/** Moves on without grading (nothing reaches the scheduler). */
export function skipQuestion(s: DrillSession, now: number): DrillSession {
  if (s.phase === 'finished') return s;
  return advance(s, now, { skipped: [...s.skipped, s.questions[s.index].cardId] });
}

export interface DrillSummary {
  asked: number;
  graded: number;
  skipped: number;
  byGrade: Record<GradeName, number>;
  overtime: number;
  /** Mean thinking time of graded questions; null if none. */
  meanThinkingMs: number | null;
}

export function drillSummary(s: DrillSession): DrillSummary {
  const byGrade = Object.fromEntries(GRADE_NAMES.map((g) => [g, 0])) as Record<GradeName, number>;
  let total = 0;
  for (const r of s.results) {
    byGrade[r.grade]++;
    total += r.thinkingMs;
  }
  return {
    asked: s.questions.length,
    graded: s.results.length,
    skipped: s.skipped.length,
    byGrade,
    overtime: s.results.filter((r) => r.overtime).length,
    meanThinkingMs: s.results.length === 0 ? null : total / s.results.length,
  };
}
