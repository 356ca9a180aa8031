// The one door to persisted progress. The app uses the IndexedDB implementation (idbStore.ts);
// unit tests and browsers without IndexedDB use the in-memory one (memoryStore.ts). Both keep
// one record per card and one per review, so two tabs never overwrite each other's work.
import type { GradeOutcome } from '../scheduler';
import type { CardProgress, ProgressData, StudySettings } from '../records';

export interface ProgressStore {
  /** Everything stored; settings are sanitised defaults when none were saved. */
  readAll(): Promise<ProgressData>;
  /**
   * One review as a single atomic step: read the card's current record, let `apply` compute
   * the new record and the review from it (synchronously), write both. Grading from a fresh
   * read means a second tab never works from a stale record. The review is appended, never
   * overwritten: if its key [cardId, reviewedAt] is taken, it moves on by 1 ms.
   */
  recordReview(cardId: string, apply: (current: CardProgress | undefined) => GradeOutcome): Promise<GradeOutcome>;
  putSettings(settings: StudySettings): Promise<void>;
  /**
   * Adds `data` to what is stored, atomically: per card the record with the later `updatedAt`
   * wins (ties keep the stored one); reviews are added unless one with the same key exists;
   * settings are replaced.
   */
  merge(data: ProgressData): Promise<void>;
  /** Replaces everything with `data`, atomically. */
  replace(data: ProgressData): Promise<void>;
}

/** The merge rule shared by both stores: the later write of a card wins. */
export function newerRecord(stored: CardProgress | undefined, incoming: CardProgress): CardProgress {
  return stored && stored.updatedAt >= incoming.updatedAt ? stored : incoming;
}
