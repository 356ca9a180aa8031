// The service over the in-memory store: grading persists, two tabs sharing one store lose no
// review, per-card merges keep the later write, settings are clamped. (The IndexedDB store is
// exercised in the browser by the e2e suite.)
import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from './clock';
import { DECK } from './cards';
import { createStudyService } from './service';
import { DEFAULT_SETTINGS, type CardProgress } from './records';
import { createMemoryStore } from './storage/memoryStore';
import { CST, T0 } from './testing';

/** A clock the test moves by hand. */
function manualClock(start: number) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, { advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) });
}

const [A, B, C] = DECK.map((c) => c.id);

describe('study service', () => {
  it('stores a grade and reloads it', async () => {
    const clock = manualClock(T0);
    const service = createStudyService({ store: createMemoryStore(), clock, calendar: CST });
    const { progress, review } = await service.grade(A, 'good', { durationMs: 5000 });
    const snap = await service.load();
    expect(snap.progress.get(A)).toEqual(progress);
    expect(snap.reviews).toEqual([review]);
    expect(review).toMatchObject({ cardId: A, reviewedAt: T0, grade: 'good', durationMs: 5000, source: 'review' });
    expect(snap.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('previews from the snapshot with the injected clock', async () => {
    const clock = manualClock(T0);
    const service = createStudyService({ store: createMemoryStore(), clock });
    const preview = service.preview(A, await service.load());
    expect(preview.good.due).toBe(T0 + 10 * MINUTE_MS);
  });

  it('refuses card ids the deck does not have', async () => {
    const service = createStudyService({ store: createMemoryStore(), clock: () => T0 });
    await expect(service.grade('no-such-card', 'good')).rejects.toThrow(/no card with id "no-such-card"/);
  });

  it('loses no review when two tabs grade from stale snapshots', async () => {
    const store = createMemoryStore();
    const clock = manualClock(T0);
    const tab1 = createStudyService({ store, clock });
    const tab2 = createStudyService({ store, clock });
    await tab1.load();
    await tab2.load(); // both tabs now hold an empty, soon stale, snapshot

    await tab1.grade(A, 'good');
    clock.advance(MINUTE_MS);
    await tab2.grade(B, 'easy');
    clock.advance(15 * MINUTE_MS);
    await tab2.grade(A, 'good'); // tab 2 never saw tab 1's review of A
    clock.advance(MINUTE_MS);
    await tab1.grade(C, 'again');

    const snap = await tab1.load();
    expect(snap.reviews.map((r) => [r.cardId, r.grade])).toEqual([
      [A, 'good'],
      [B, 'easy'],
      [A, 'good'],
      [C, 'again'],
    ]);
    // A's second grade was computed from the first (read inside the write), not from scratch.
    expect(snap.progress.get(A)).toMatchObject({ reps: 2, state: 'review' });
    expect(snap.reviews[2].stateBefore).toBe('learning');
    expect(snap.progress.get(B)!.reps).toBe(1);
    expect(snap.progress.get(C)!.reps).toBe(1);
  });

  it('appends a review whose key is taken instead of overwriting it', async () => {
    const store = createMemoryStore();
    const clock = manualClock(T0);
    const tab1 = createStudyService({ store, clock });
    const tab2 = createStudyService({ store, clock });
    await Promise.all([tab1.grade(A, 'good'), tab2.grade(A, 'hard')]); // same card, same millisecond
    const { reviews } = await tab1.load();
    expect(reviews.map((r) => [r.grade, r.reviewedAt])).toEqual([
      ['good', T0],
      ['hard', T0 + 1],
    ]);
  });

  it('keeps the later write per card when merging, and adds only new reviews', async () => {
    const clock = manualClock(T0);
    const store = createMemoryStore();
    const service = createStudyService({ store, clock });
    await service.grade(A, 'good');
    clock.advance(DAY_MS);
    await service.grade(B, 'good');
    const local = await store.readAll();
    const b = local.cards.find((c) => c.cardId === B)!;
    const a = local.cards.find((c) => c.cardId === A)!;

    const olderB: CardProgress = { ...b, reps: 99, updatedAt: b.updatedAt - 1 };
    const newerA: CardProgress = { ...a, reps: 42, updatedAt: a.updatedAt + 1 };
    await store.merge({ cards: [olderB, newerA], reviews: [...local.reviews, { ...local.reviews[0], reviewedAt: T0 - DAY_MS }], settings: { newPerDay: 7, drillSeconds: 90 } });

    const merged = await store.readAll();
    expect(merged.cards.find((c) => c.cardId === B)!.reps).toBe(1);
    expect(merged.cards.find((c) => c.cardId === A)!.reps).toBe(42);
    expect(merged.reviews).toHaveLength(3);
    expect(merged.settings).toEqual({ newPerDay: 7, drillSeconds: 90 });
  });

  it('clamps settings and keeps fields that were not changed', async () => {
    const service = createStudyService({ store: createMemoryStore(), clock: () => T0 });
    expect(await service.saveSettings({ newPerDay: 12.6 })).toEqual({ newPerDay: 13, drillSeconds: 60 });
    expect(await service.saveSettings({ drillSeconds: 5, newPerDay: Number.NaN })).toEqual({ newPerDay: 13, drillSeconds: 10 });
    expect(await service.saveSettings({ newPerDay: 1e6 })).toMatchObject({ newPerDay: 500 });
    expect((await service.load()).settings).toEqual({ newPerDay: 500, drillSeconds: 10 });
  });

  it('does not share objects with callers (values are copied like IndexedDB does)', async () => {
    const store = createMemoryStore();
    const service = createStudyService({ store, clock: () => T0 });
    const { progress } = await service.grade(A, 'good');
    progress.reps = 1000;
    const snap = await service.load();
    snap.progress.get(A)!.reps = 2000;
    expect((await service.load()).progress.get(A)!.reps).toBe(1);
  });

  it('resets everything', async () => {
    const service = createStudyService({ store: createMemoryStore(), clock: () => T0 });
    await service.grade(A, 'good');
    await service.saveSettings({ newPerDay: 3 });
    await service.resetProgress();
    const snap = await service.load();
    expect(snap.progress.size).toBe(0);
    expect(snap.reviews).toEqual([]);
    expect(snap.settings).toEqual(DEFAULT_SETTINGS);
  });
});
