// The exported progress file, `attention-lab/study-progress@1`:
//   { format, exportedAt, settings, cards: CardProgress[], reviews: ReviewRecord[] }
// Every date is epoch milliseconds. The zod schema checks types and ranges; importProgress.ts
// adds the checks a schema cannot express (plausible dates, known card ids, duplicates).
import * as z from 'zod/mini';
import { DAY_MS, type DayCalendar } from '../clock';
import { FSRS_STATE_NAMES, GRADE_NAMES, SETTINGS_LIMITS, type ProgressData } from '../records';

export const PROGRESS_FORMAT_PREFIX = 'attention-lab/study-progress@';
export const PROGRESS_FORMAT_VERSION = 1;
export const PROGRESS_FORMAT = `${PROGRESS_FORMAT_PREFIX}${PROGRESS_FORMAT_VERSION}`;

/** Files above this size are refused before parsing (the UI can check File.size first). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
export const MAX_IMPORT_CARDS = 10_000;
export const MAX_IMPORT_REVIEWS = 100_000;
/** No review can predate this (2020-01-01 UTC); earlier dates mean a broken clock or file. */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2020, 0, 1);
/** Moments may lie this far in the future (clock skew between devices). */
export const FUTURE_TOLERANCE_MS = DAY_MS;
/** Due dates may lie this far ahead (FSRS's longest interval is 36,500 days). */
export const MAX_DUE_AHEAD_MS = 36_600 * DAY_MS;

const count = z.int().check(z.gte(0), z.lte(1_000_000));
const days = z.number().check(z.gte(0), z.lte(36_600));
const moment = z.number();

const cardProgressSchema = z.object({
  cardId: z.string().check(z.minLength(1), z.maxLength(200)),
  state: z.enum(FSRS_STATE_NAMES),
  due: moment,
  stability: days,
  difficulty: z.number().check(z.gte(0), z.lte(10)),
  scheduledDays: z.int().check(z.gte(0), z.lte(36_600)),
  learningSteps: count,
  reps: count,
  lapses: count,
  lastReview: z.nullable(moment),
  updatedAt: moment,
});

const reviewSchema = z.object({
  cardId: z.string().check(z.minLength(1), z.maxLength(200)),
  reviewedAt: moment,
  grade: z.enum(GRADE_NAMES),
  stateBefore: z.enum(FSRS_STATE_NAMES),
  dueAfter: moment,
  stabilityAfter: days,
  difficultyAfter: z.number().check(z.gte(0), z.lte(10)),
  scheduledDays: z.int().check(z.gte(0), z.lte(36_600)),
  source: z.enum(['review', 'drill']),
  durationMs: z.nullable(z.number().check(z.gte(0), z.lte(DAY_MS))),
});

const settingsSchema = z.object({
  newPerDay: z.int().check(z.gte(SETTINGS_LIMITS.newPerDay.min), z.lte(SETTINGS_LIMITS.newPerDay.max)),
  drillSeconds: z.int().check(z.gte(SETTINGS_LIMITS.drillSeconds.min), z.lte(SETTINGS_LIMITS.drillSeconds.max)),
});

export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FORMAT),
  exportedAt: moment,
  settings: settingsSchema,
  cards: z.array(cardProgressSchema).check(z.maxLength(MAX_IMPORT_CARDS)),
  reviews: z.array(reviewSchema).check(z.maxLength(MAX_IMPORT_REVIEWS)),
});

export type ProgressFile = z.infer<typeof progressFileSchema>;

/** The file for `data`, with records in a stable order (cards by id, reviews by time). */
export function buildProgressFile(data: ProgressData, now: number): ProgressFile {
  return {
    format: PROGRESS_FORMAT,
    exportedAt: now,
    settings: { ...data.settings },
    cards: [...data.cards].sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)),
    reviews: [...data.reviews].sort((a, b) => a.reviewedAt - b.reviewedAt || (a.cardId < b.cardId ? -1 : 1)),
  };
}

export function serializeProgress(data: ProgressData, now: number): string {
  return JSON.stringify(buildProgressFile(data, now), null, 1);
}

/** `attention-lab-study-2025-03-14.json`, dated in the user's local day. */
export function exportFileName(now: number, calendar: DayCalendar): string {
  // A calendar's day number times DAY_MS is that local date's midnight in UTC.
  const day = new Date(calendar.dayOf(now) * DAY_MS).toISOString().slice(0, 10);
  return `attention-lab-study-${day}.json`;
}
