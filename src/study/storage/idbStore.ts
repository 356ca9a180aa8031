// ProgressStore on IndexedDB (via idb). Stores: `cards` (one CardProgress per card id),
// `reviews` (one ReviewRecord per [cardId, reviewedAt], indexed by time) and `meta` (settings).
// Each write is one transaction, and writes from another tab are announced on a
// BroadcastChannel so an open Study view can reload (both through src/storage).
import type { DBSchema } from 'idb';
import { openSharedDb, type Migration } from '../../storage/sharedDb';
import { DEFAULT_SETTINGS, reviewKey, sanitizeSettings, type CardProgress, type ProgressData, type ReviewRecord, type StudySettings } from '../records';
import { newerRecord, type ProgressStore } from './progressStore';

export const STUDY_DB_NAME = 'attention-lab-study';
export const STUDY_DB_VERSION = 1;
const SETTINGS_KEY = 'settings';

export interface StudyDBSchema extends DBSchema {
  cards: { key: string; value: CardProgress };
  reviews: { key: [string, number]; value: ReviewRecord; indexes: { 'by-time': number } };
  meta: { key: string; value: StudySettings };
}

/**
 * MIGRATIONS[v] upgrades a database from version v to v + 1 and runs inside the upgrade
 * transaction. To change the schema: append a step and bump STUDY_DB_VERSION; never edit a
 * shipped step.
 */
export const MIGRATIONS: readonly Migration<StudyDBSchema>[] = [
  (db) => {
    db.createObjectStore('cards', { keyPath: 'cardId' });
    const reviews = db.createObjectStore('reviews', { keyPath: ['cardId', 'reviewedAt'] });
    reviews.createIndex('by-time', 'reviewedAt');
    db.createObjectStore('meta');
  },
];

export interface IdbStoreOptions {
  /** Database name (tests use their own). */
  name?: string;
  /** Another tab wrote progress: reload what is shown. */
  onExternalChange?: () => void;
  /** A newer version of the app opened the database: this connection closes itself first. */
  onVersionChange?: () => void;
}

export interface IdbProgressStore extends ProgressStore {
  close(): void;
}

export async function openIdbStore(options: IdbStoreOptions = {}): Promise<IdbProgressStore> {
  const name = options.name ?? STUDY_DB_NAME;
  if (STUDY_DB_VERSION !== MIGRATIONS.length) {
    throw new Error(`study db: version ${STUDY_DB_VERSION} but ${MIGRATIONS.length} migrations`);
  }
  const { db, announce, close } = await openSharedDb<StudyDBSchema>({
    name,
    migrations: MIGRATIONS,
    topic: 'changes',
    onExternalChange: options.onExternalChange,
    onVersionChange: options.onVersionChange,
  });

  const readSettings = (stored: StudySettings | undefined) => sanitizeSettings(stored ?? DEFAULT_SETTINGS);

  return {
    async readAll() {
      const tx = db.transaction(['cards', 'reviews', 'meta'], 'readonly');
      const [cards, reviews, settings] = await Promise.all([
        tx.objectStore('cards').getAll(),
        tx.objectStore('reviews').index('by-time').getAll(),
        tx.objectStore('meta').get(SETTINGS_KEY),
        tx.done,
      ]);
      return { cards, reviews, settings: readSettings(settings) };
    },

    async recordReview(cardId, apply) {
      const tx = db.transaction(['cards', 'reviews'], 'readwrite');
      const cards = tx.objectStore('cards');
      const reviews = tx.objectStore('reviews');
      const outcome = apply(await cards.get(cardId));
      while ((await reviews.getKey([cardId, outcome.review.reviewedAt])) !== undefined) outcome.review.reviewedAt++;
      await Promise.all([cards.put(outcome.progress), reviews.add(outcome.review), tx.done]);
      announce();
      return outcome;
    },

    async putSettings(settings) {
      await db.put('meta', sanitizeSettings(settings), SETTINGS_KEY);
      announce();
    },

    async merge(data) {
      const tx = db.transaction(['cards', 'reviews', 'meta'], 'readwrite');
      const cards = tx.objectStore('cards');
      const reviews = tx.objectStore('reviews');
      const [storedCards, storedKeys] = await Promise.all([cards.getAll(), reviews.getAllKeys()]);
      const byId = new Map(storedCards.map((c) => [c.cardId, c]));
      const taken = new Set(storedKeys.map(([cardId, reviewedAt]) => reviewKey({ cardId, reviewedAt })));
      const writes: Promise<unknown>[] = [];
      for (const c of data.cards) {
        const winner = newerRecord(byId.get(c.cardId), c);
        if (winner === c) writes.push(cards.put(c));
      }
      for (const r of data.reviews) {
        if (!taken.has(reviewKey(r))) writes.push(reviews.add(r));
      }
      writes.push(tx.objectStore('meta').put(sanitizeSettings(data.settings), SETTINGS_KEY));
      await Promise.all([...writes, tx.done]);
      announce();
    },

    async replace(data: ProgressData) {
      const tx = db.transaction(['cards', 'reviews', 'meta'], 'readwrite');
      const cards = tx.objectStore('cards');
      const reviews = tx.objectStore('reviews');
      const meta = tx.objectStore('meta');
      await Promise.all([cards.clear(), reviews.clear(), meta.clear()]);
      await Promise.all([
        ...data.cards.map((c) => cards.put(c)),
        ...data.reviews.map((r) => reviews.put(r)),
        meta.put(sanitizeSettings(data.settings), SETTINGS_KEY),
        tx.done,
      ]);
      announce();
    },

    close,
  };
}
