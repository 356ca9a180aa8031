// ProgressStore in memory: for unit tests, and a fallback when IndexedDB is unavailable (some
// private-browsing modes), where progress then lasts only as long as the tab. Values are
// copied in and out with structuredClone, as IndexedDB would.
import { DEFAULT_SETTINGS, reviewKey, sanitizeSettings, type CardProgress, type ProgressData, type ReviewRecord, type StudySettings } from '../records';
import { newerRecord, type ProgressStore } from './progressStore';

export function createMemoryStore(initial?: Partial<ProgressData>): ProgressStore {
  const cards = new Map<string, CardProgress>();
  const reviews = new Map<string, ReviewRecord>();
  let settings: StudySettings = { ...DEFAULT_SETTINGS };

  const load = (data: Partial<ProgressData>) => {
    for (const c of data.cards ?? []) cards.set(c.cardId, structuredClone(c));
    for (const r of data.reviews ?? []) if (!reviews.has(reviewKey(r))) reviews.set(reviewKey(r), structuredClone(r));
    if (data.settings) settings = sanitizeSettings(data.settings);
  };
  if (initial) load(initial);

  return {
    async readAll() {
      return structuredClone({
        cards: [...cards.values()],
        reviews: [...reviews.values()].sort((a, b) => a.reviewedAt - b.reviewedAt),
        settings,
      });
    },
    async recordReview(cardId, apply) {
      const outcome = structuredClone(apply(structuredClone(cards.get(cardId))));
      while (reviews.has(reviewKey(outcome.review))) outcome.review.reviewedAt++;
      cards.set(cardId, outcome.progress);
      reviews.set(reviewKey(outcome.review), outcome.review);
      return structuredClone(outcome);
    },
    async putSettings(next) {
      settings = sanitizeSettings(next);
    },
    async merge(data) {
      for (const c of data.cards) cards.set(c.cardId, structuredClone(newerRecord(cards.get(c.cardId), c)));
      load({ reviews: data.reviews, settings: data.settings });
    },
    async replace(data) {
      cards.clear();
      reviews.clear();
      settings = { ...DEFAULT_SETTINGS };
      load(data);
    },
  };
}
