// Saved models and the current training session, as an interface with two implementations:
// IndexedDB (idbLibrary.ts, the browser) and memory (memoryLibrary.ts, tests and browsers that
// block storage). A saved model is its checkpoint text (docs/checkpoint.md) plus the facts the
// list shows; the session is what a reload needs to carry on (config, weights with Adam state,
// the metric history).
import type { StartFrom } from '../../train/events';
import type { LiveHistory } from '../../train/live';
import type { TrainingConfig } from '../../train/trainingConfig';
import type { ModelOrigin, SavedModelSummary, StorageErrorCode } from '../../store/slices/training';

// The record types the training slice shows (defined with its state).
export type { ModelOrigin, SavedModelSummary, StorageErrorCode };

export interface SavedModel extends SavedModelSummary {
  /** The checkpoint file's text. */
  checkpoint: string;
}

export interface SessionRecord {
  config: TrainingConfig;
  /** The weights to continue from (a state keeps Adam's moments). */
  start: StartFrom;
  history: LiveHistory | null;
  probe: string;
  origin: ModelOrigin;
  savedAt: number;
}

/** A storage failure the UI can explain (train.storage.<code>). */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Any storage exception as a StorageError (QuotaExceededError → 'quota'). */
export function toStorageError(e: unknown, what: string): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = `${what}: ${(e as Error)?.message ?? String(e)}`;
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new StorageError('quota', message);
  if (name === 'SecurityError' || name === 'InvalidStateError') return new StorageError('unavailable', message);
  return new StorageError('failed', message);
}

export interface ModelLibrary {
  readonly kind: 'indexeddb' | 'memory';
  /** Summaries, newest first. */
  list(): Promise<SavedModelSummary[]>;
  get(id: string): Promise<SavedModel | null>;
  /** Add or replace one model (one transaction: a second tab never sees half a record). */
  put(model: SavedModel): Promise<void>;
  delete(id: string): Promise<void>;
  readSession(): Promise<SessionRecord | null>;
  writeSession(record: SessionRecord): Promise<void>;
  clearSession(): Promise<void>;
  close(): void;
}

export function summaryOf(m: SavedModel): SavedModelSummary {
  return { id: m.id, name: m.name, savedAt: m.savedAt, dataset: m.dataset, config: m.config, steps: m.steps, validExactMatch: m.validExactMatch, chars: m.chars };
}

/** A new id for a saved model (time + random: unique across tabs). */
export function newModelId(now = Date.now()): string {
  return `m-${now.toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
