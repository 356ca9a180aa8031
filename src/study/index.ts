// The study deck's public API, for the store and the Study view.
export * from './types';
export { HIGHLIGHTS, HIGHLIGHT_IDS, isHighlightId, type HighlightId } from './highlights';
export { TOPICS, SECTIONS, SECTION_IDS, topicById, type Topic, type SectionId } from './curriculum';
export { DECK, cardById } from './cards';
export * from './records';
export * from './clock';
export { normalizeAnswer, checkCloze, splitCloze, type ClozeCheck } from './cloze';
export { createScheduler, newProgress, type Scheduler, type SchedulerOptions, type GradeOutcome, type GradeOptions, type IntervalPreview } from './scheduler';
export { formatInterval, gradeButtons, type GradeButton } from './intervals';
export { buildQueue, isNewCard, newIntroducedOn, type QueueInput, type StudyQueue } from './queue';
export { masteryOf, MASTERY_LEVELS, MATURE_STABILITY_DAYS, type MasteryLevel, type MasteryCounts } from './mastery';
export { computeStats, retention, streak, RETENTION_WINDOW_DAYS, type StudyStats, type StatsInput, type Retention, type Streak } from './stats';
export { filterCards, matchesFilter, tagCounts, type CardFilter, type SearchLanguage } from './browse';
export * from './timer';
export * from './drill';
export { hashSeed, seededRandom, sampleSeeded } from './random';
export type { ProgressStore } from './storage/progressStore';
export { createMemoryStore } from './storage/memoryStore';
export { openIdbStore, STUDY_DB_NAME, STUDY_DB_VERSION, type IdbProgressStore, type IdbStoreOptions } from './storage/idbStore';
export {
  PROGRESS_FORMAT,
  MAX_IMPORT_BYTES,
  buildProgressFile,
  serializeProgress,
  exportFileName,
  type ProgressFile,
} from './transfer/progressFile';
export { parseProgressFile, type ImportError, type ImportErrorCode, type ImportReport, type ImportResult } from './transfer/importProgress';
export * from './messages';
export { createStudyService, toSnapshot, type StudyService, type StudyServiceOptions, type ProgressSnapshot, type ImportMode } from './service';
