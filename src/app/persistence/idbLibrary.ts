// The model library on IndexedDB (via idb). Stores: `models` (summaries, by id), `checkpoints`
// (id → checkpoint text, written in the same transaction as its summary) and `session` (one
// record under 'current': config, weights + Adam state as typed arrays, metric history).
// Every write is one transaction on whole records, so two tabs never leave a half-written
// model; the last writer of the session wins, and other tabs hear (BroadcastChannel) that the
// list changed. Quota failures surface as StorageError 'quota'.
import type { DBSchema } from 'idb';
import { openSharedDb, type Migration, type SharedDb } from '../../storage/sharedDb';
import { summaryOf, toStorageError, type ModelLibrary, type SavedModelSummary, type SessionRecord } from './modelLibrary';

export const MODELS_DB_NAME = 'attention-lab-models';
const SESSION_KEY = 'current';

interface ModelsDB extends DBSchema {
  models: { key: string; value: SavedModelSummary; indexes: { 'by-saved': number } };
  checkpoints: { key: string; value: string };
  session: { key: string; value: SessionRecord };
}

/** Upgrade steps: MIGRATIONS[v] takes version v to v + 1. Append, never edit a shipped step. */
const MIGRATIONS: readonly Migration<ModelsDB>[] = [
  (db) => {
    db.createObjectStore('models', { keyPath: 'id' }).createIndex('by-saved', 'savedAt');
    db.createObjectStore('checkpoints');
    db.createObjectStore('session');
  },
];

export interface IdbLibraryOptions {
  /** Database name (tests use their own). */
  name?: string;
  /** Another tab saved or deleted a model: reload the list. */
  onExternalChange?: () => void;
}

export async function openIdbLibrary(options: IdbLibraryOptions = {}): Promise<ModelLibrary> {
  const name = options.name ?? MODELS_DB_NAME;
  let shared: SharedDb<ModelsDB>;
  try {
    // Tabs tell each other when the list of models changed (the session record is per-writer).
    shared = await openSharedDb<ModelsDB>({ name, migrations: MIGRATIONS, topic: 'models', onExternalChange: options.onExternalChange });
  } catch (e) {
    throw toStorageError(e, `open ${name}`);
  }
  const { db, announce } = shared;

  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw toStorageError(e, what);
    }
  };

  return {
    kind: 'indexeddb',
    list: () => guard('list models', async () => (await db.getAllFromIndex('models', 'by-saved')).reverse()),
    get: (id) =>
      guard(`read model ${id}`, async () => {
        const tx = db.transaction(['models', 'checkpoints'], 'readonly');
        const [summary, checkpoint] = await Promise.all([tx.objectStore('models').get(id), tx.objectStore('checkpoints').get(id), tx.done]);
        return summary && checkpoint !== undefined ? { ...summary, checkpoint } : null;
      }),
    put: (model) =>
      guard(`save model ${model.name}`, async () => {
        const tx = db.transaction(['models', 'checkpoints'], 'readwrite');
        await Promise.all([tx.objectStore('models').put(summaryOf(model)), tx.objectStore('checkpoints').put(model.checkpoint, model.id), tx.done]);
        announce();
      }),
    delete: (id) =>
      guard(`delete model ${id}`, async () => {
        const tx = db.transaction(['models', 'checkpoints'], 'readwrite');
        await Promise.all([tx.objectStore('models').delete(id), tx.objectStore('checkpoints').delete(id), tx.done]);
        announce();
      }),
    readSession: () => guard('read session', async () => (await db.get('session', SESSION_KEY)) ?? null),
    writeSession: (record) => guard('save session', async () => void (await db.put('session', record, SESSION_KEY))),
    clearSession: () => guard('clear session', () => db.delete('session', SESSION_KEY)),
    close: shared.close,
  };
}
