// Spaced repetition with FSRS (the ts-fsrs package): converts between our persisted records
// (epoch ms, named states and grades) and ts-fsrs's Card, grades a card, and previews what
// each grade would schedule, for the buttons' labels.
import {
  fsrs,
  createEmptyCard,
  Rating,
  State,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
} from 'ts-fsrs';
import {
  type CardProgress,
  type FsrsStateName,
  type GradeName,
  type ReviewRecord,
  type ReviewSource,
} from './records';

const STATE_TO_NAME: Record<State, FsrsStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const NAME_TO_STATE: Record<FsrsStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const GRADE_TO_RATING: Record<GradeName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export interface SchedulerOptions {
  /** Target probability of recall when a card comes due (FSRS default 0.9). */
  requestRetention?: number;
  /** Longest interval ever scheduled, in days. */
  maximumIntervalDays?: number;
}

export interface GradeOptions {
  source?: ReviewSource;
  durationMs?: number | null;
}

export interface GradeOutcome {
  progress: CardProgress;
  review: ReviewRecord;
}

/** What one grade would do: the new due date and the wait until it. */
export interface IntervalPreview {
  due: number;
  intervalMs: number;
}

export interface Scheduler {
  /** Applies a grade at time `now`. `current` undefined = the card has never been reviewed. */
  grade(cardId: string, current: CardProgress | undefined, grade: GradeName, now: number, options?: GradeOptions): GradeOutcome;
  /** The outcome of each grade, without applying any. */
  preview(cardId: string, current: CardProgress | undefined, now: number): Record<GradeName, IntervalPreview>;
  /** Probability of recall now, 0–1 (0 for a card never reviewed). */
  retrievability(current: CardProgress | undefined, now: number): number;
}

/** The record of a card that has never been reviewed, due at `now`. */
export function newProgress(cardId: string, now: number): CardProgress {
  return fromFsrsCard(cardId, createEmptyCard(new Date(now)), now);
}

function toFsrsCard(p: CardProgress): FsrsCard {
  return {
    due: new Date(p.due),
    stability: p.stability,
    difficulty: p.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5; it recomputes elapsed time from last_review
    scheduled_days: p.scheduledDays,
    learning_steps: p.learningSteps,
    reps: p.reps,
    lapses: p.lapses,
    state: NAME_TO_STATE[p.state],
    ...(p.lastReview === null ? {} : { last_review: new Date(p.lastReview) }),
  };
}

function fromFsrsCard(cardId: string, c: FsrsCard, updatedAt: number): CardProgress {
  return {
    cardId,
    state: STATE_TO_NAME[c.state],
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ? c.last_review.getTime() : null,
    updatedAt,
  };
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  // Fuzz off: the same history always gives the same schedule (tests, two tabs, re-imports).
  const engine: FSRS = fsrs({
    enable_fuzz: false,
    ...(options.requestRetention !== undefined ? { request_retention: options.requestRetention } : {}),
    ...(options.maximumIntervalDays !== undefined ? { maximum_interval: options.maximumIntervalDays } : {}),
  });
  const cardOf = (cardId: string, current: CardProgress | undefined, now: number): FsrsCard =>
    toFsrsCard(current ?? newProgress(cardId, now));

  return {
    grade(cardId, current, grade, now, opts = {}) {
      const before = current ?? newProgress(cardId, now);
      const { card } = engine.next(toFsrsCard(before), new Date(now), GRADE_TO_RATING[grade]);
      const progress = fromFsrsCard(cardId, card, now);
      const review: ReviewRecord = {
        cardId,
        reviewedAt: now,
        grade,
        stateBefore: before.state,
        dueAfter: progress.due,
        stabilityAfter: progress.stability,
        difficultyAfter: progress.difficulty,
        scheduledDays: progress.scheduledDays,
        source: opts.source ?? 'review',
        durationMs: opts.durationMs ?? null,
      };
      return { progress, review };
    },
    preview(cardId, current, now) {
      const options = engine.repeat(cardOf(cardId, current, now), new Date(now));
      const at = (g: GradeName): IntervalPreview => {
        const due = options[GRADE_TO_RATING[g]].card.due.getTime();
        return { due, intervalMs: due - now };
      };
      return { again: at('again'), hard: at('hard'), good: at('good'), easy: at('easy') };
    },
    retrievability(current, now) {
      if (!current || current.state === 'new') return 0;
      return engine.get_retrievability(toFsrsCard(current), new Date(now), false);
    },
  };
}
