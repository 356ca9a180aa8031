// What the study deck persists: one progress record per card, one record per review, and the
// settings. Every date is epoch milliseconds, so records survive IndexedDB, JSON export and
// structured cloning unchanged.

export type FsrsStateName = 'new' | 'learning' | 'review' | 'relearning';
export const FSRS_STATE_NAMES: readonly FsrsStateName[] = ['new', 'learning', 'review', 'relearning'];

/** The four self-grades, weakest first. */
export type GradeName = 'again' | 'hard' | 'good' | 'easy';
export const GRADE_NAMES: readonly GradeName[] = ['again', 'hard', 'good', 'easy'];

/** Where a review came from: the spaced-repetition queue or the interview drill. */
export type ReviewSource = 'review' | 'drill';

/** A card's scheduling state (the FSRS memory model), keyed by card id. */
export interface CardProgress {
  cardId: string;
  state: FsrsStateName;
  /** When the card is next due. */
  due: number;
  /** FSRS stability in days: the interval at which recall probability falls to 90%. */
  stability: number;
  /** FSRS difficulty, 1–10 once reviewed (0 while new). */
  difficulty: number;
  /** The interval the last review scheduled, in whole days (0 during learning steps). */
  scheduledDays: number;
  /** Position in the (re)learning steps. */
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  /** When this record was written; the newer record wins when two copies meet (tabs, imports). */
  updatedAt: number;
}

/** One self-grade. Stored under the key [cardId, reviewedAt] and never overwritten. */
export interface ReviewRecord {
  cardId: string;
  reviewedAt: number;
  grade: GradeName;
  /** The card's state just before this review ('new' = first time the card was seen). */
  stateBefore: FsrsStateName;
  /** The schedule the review produced. */
  dueAfter: number;
  stabilityAfter: number;
  difficultyAfter: number;
  scheduledDays: number;
  source: ReviewSource;
  /** Time from showing the question to grading it, when the UI measured it. */
  durationMs: number | null;
}

export interface StudySettings {
  /** New cards introduced per local day. */
  newPerDay: number;
  /** Default speaking time of a drill question without its own (practice cards bring theirs). */
  drillSeconds: number;
}

export const DEFAULT_SETTINGS: Readonly<StudySettings> = { newPerDay: 20, drillSeconds: 60 };

/** Bounds the settings are clamped to (and that an import must respect). */
export const SETTINGS_LIMITS = {
  newPerDay: { min: 0, max: 500 },
  drillSeconds: { min: 10, max: 600 },
} as const;

/** Settings with each field clamped to its limits and rounded to a whole number. */
export function sanitizeSettings(patch: Partial<StudySettings>, base: StudySettings = DEFAULT_SETTINGS): StudySettings {
  const pick = (key: keyof StudySettings): number => {
    const value = patch[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return base[key];
    const { min, max } = SETTINGS_LIMITS[key];
    return Math.min(max, Math.max(min, Math.round(value)));
  };
  return { newPerDay: pick('newPerDay'), drillSeconds: pick('drillSeconds') };
}

/** Everything the deck keeps for one browser profile. */
export interface ProgressData {
  cards: CardProgress[];
  reviews: ReviewRecord[];
  settings: StudySettings;
}

/** The key of a review record: a card is never graded twice in the same millisecond. */
export function reviewKey(r: Pick<ReviewRecord, 'cardId' | 'reviewedAt'>): string {
  return `${r.cardId}\u0000${r.reviewedAt}`;
}
