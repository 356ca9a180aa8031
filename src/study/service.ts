// The Study view's entry point: progress in a ProgressStore, grading through the scheduler,
// settings, export and import. Everything that only reads (queue, stats, browse, drill) is a
// pure function of the snapshot that `load` returns.
import { localCalendar, type Clock, type DayCalendar } from './clock';
import { DECK } from './cards';
import {
  sanitizeSettings,
  type CardProgress,
  type GradeName,
  type ProgressData,
  type ReviewRecord,
  type StudySettings,
} from './records';
import { createScheduler, type GradeOptions, type GradeOutcome, type IntervalPreview, type Scheduler } from './scheduler';
import type { ProgressStore } from './storage/progressStore';
import { parseProgressFile, type ImportResult } from './transfer/importProgress';
import { exportFileName, serializeProgress } from './transfer/progressFile';
import type { Card } from './types';

export interface ProgressSnapshot {
  /** Progress of reviewed cards, by card id (a card without an entry is new). */
  progress: Map<string, CardProgress>;
  /** All reviews, oldest first. */
  reviews: ReviewRecord[];
  settings: StudySettings;
}

export interface StudyServiceOptions {
  store: ProgressStore;
  clock: Clock;
  calendar?: DayCalendar;
  deck?: readonly Card[];
  scheduler?: Scheduler;
}

/** merge: per card the later write wins and reviews are added; replace: the file becomes the progress. */
export type ImportMode = 'merge' | 'replace';

export interface StudyService {
  readonly deck: readonly Card[];
  readonly calendar: DayCalendar;
  readonly scheduler: Scheduler;
  load(): Promise<ProgressSnapshot>;
  /** Grades a card now and stores the result; the card's record is re-read inside the write. */
  grade(cardId: string, grade: GradeName, options?: GradeOptions): Promise<GradeOutcome>;
  /** What each grade would schedule for this card now. */
  preview(cardId: string, snapshot: ProgressSnapshot): Record<GradeName, IntervalPreview>;
  saveSettings(patch: Partial<StudySettings>): Promise<StudySettings>;
  exportProgress(): Promise<{ fileName: string; text: string }>;
  /** Validates the whole file first; a refused file changes nothing. */
  importProgress(text: string, mode?: ImportMode): Promise<ImportResult>;
  /** Forgets all progress (settings too). */
  resetProgress(): Promise<void>;
}

export function toSnapshot(data: ProgressData): ProgressSnapshot {
  return {
    progress: new Map(data.cards.map((c) => [c.cardId, c])),
    reviews: [...data.reviews].sort((a, b) => a.reviewedAt - b.reviewedAt),
    settings: data.settings,
  };
}

export function createStudyService(options: StudyServiceOptions): StudyService {
  const { store, clock } = options;
  const deck = options.deck ?? DECK;
  const calendar = options.calendar ?? localCalendar;
  const scheduler = options.scheduler ?? createScheduler();
  const knownCardIds = new Set(deck.map((c) => c.id));
  const requireCard = (cardId: string) => {
    if (!knownCardIds.has(cardId)) throw new Error(`study: no card with id "${cardId}" in the deck`);
  };

  return {
    deck,
    calendar,
    scheduler,
    async load() {
      return toSnapshot(await store.readAll());
    },
    async grade(cardId, grade, gradeOptions) {
      requireCard(cardId);
      const now = clock();
      return store.recordReview(cardId, (current) => scheduler.grade(cardId, current, grade, now, gradeOptions));
    },
    preview(cardId, snapshot) {
      requireCard(cardId);
      return scheduler.preview(cardId, snapshot.progress.get(cardId), clock());
    },
    async saveSettings(patch) {
      const { settings } = await store.readAll();
      const next = sanitizeSettings(patch, settings);
      await store.putSettings(next);
      return next;
    },
    async exportProgress() {
      const now = clock();
      return { fileName: exportFileName(now, calendar), text: serializeProgress(await store.readAll(), now) };
    },
    async importProgress(text, mode = 'merge') {
      const result = parseProgressFile(text, { now: clock(), knownCardIds });
      if (result.ok) await (mode === 'replace' ? store.replace(result.data) : store.merge(result.data));
      return result;
    },
    async resetProgress() {
      await store.replace({ cards: [], reviews: [], settings: sanitizeSettings({}) });
    },
  };
}
