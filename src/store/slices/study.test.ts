// The study slice over an in-memory store: loads once, every write shows up in the snapshot,
// a refused import changes nothing, another tab's notice reloads, and a store that cannot be
// opened is reported instead of thrown.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '..';
import { DECK, createMemoryStore, serializeProgress, type ProgressStore } from '../../study';
import { createStudySlice, type OpenedStore } from './study';

const T0 = Date.UTC(2025, 2, 3, 1);
const [A, B] = DECK.map((c) => c.id);

function setup(options: { fail?: boolean } = {}) {
  const memory = createMemoryStore();
  let opens = 0;
  let notify = () => {};
  const openStore = async (events: { onExternalChange: () => void }): Promise<OpenedStore> => {
    opens++;
    if (options.fail) throw new Error('open failed: quota');
    notify = events.onExternalChange;
    return { store: memory, storage: 'memory', problem: null };
  };
  const store = createAppStore([createStudySlice({ openStore, clock: () => T0 })]);
  return { store, memory: memory as ProgressStore, opens: () => opens, notify: () => notify() };
}

describe('study slice', () => {
  it('opens the store once and loads an empty snapshot', async () => {
    const { store, opens } = setup();
    expect(store.getState().study.status).toBe('idle');
    await Promise.all([store.getState().study.init(), store.getState().study.init()]);
    const s = store.getState().study;
    expect(opens()).toBe(1);
    expect(s.status).toBe('ready');
    expect(s.snapshot?.progress.size).toBe(0);
    expect(s.service()?.deck.length).toBe(DECK.length);
  });

  it('shows a grade in the snapshot as soon as it is stored', async () => {
    const { store } = setup();
    await store.getState().study.init();
    const before = store.getState().study.revision;
    const { progress } = await store.getState().study.grade(A, 'good', { durationMs: 1200 });
    const s = store.getState().study;
    expect(s.revision).toBeGreaterThan(before);
    expect(s.snapshot?.progress.get(A)).toEqual(progress);
    expect(s.snapshot?.reviews.map((r) => [r.cardId, r.grade, r.durationMs])).toEqual([[A, 'good', 1200]]);
  });

  it('reloads when another tab announces a change', async () => {
    const { store, memory, notify } = setup();
    await store.getState().study.init();
    await memory.recordReview(B, () => {
      const svc = store.getState().study.service()!;
      return svc.scheduler.grade(B, undefined, 'easy', T0);
    });
    expect(store.getState().study.snapshot?.progress.has(B)).toBe(false);
    notify();
    await expect.poll(() => store.getState().study.snapshot?.progress.has(B)).toBe(true);
  });

  it('refuses a broken file without touching progress, and imports a good one', async () => {
    const { store } = setup();
    await store.getState().study.init();
    await store.getState().study.grade(A, 'hard');
    const kept = store.getState().study.snapshot;

    const refused = await store.getState().study.importProgress('{"format": "attention-lab/study-progress@1", "cards": 3');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('not-json');
    expect(store.getState().study.snapshot).toBe(kept);

    const other = setup();
    await other.store.getState().study.init();
    await other.store.getState().study.grade(B, 'easy');
    const text = serializeProgress(await other.memory.readAll(), T0);
    const accepted = await store.getState().study.importProgress(text, 'merge');
    expect(accepted.ok).toBe(true);
    expect([...store.getState().study.snapshot!.progress.keys()].sort()).toEqual([A, B].sort());
  });

  it('saves settings clamped and resets everything', async () => {
    const { store } = setup();
    await store.getState().study.init();
    await store.getState().study.grade(A, 'good');
    expect(await store.getState().study.saveSettings({ newPerDay: 9999 })).toMatchObject({ newPerDay: 500 });
    expect(store.getState().study.snapshot?.settings.newPerDay).toBe(500);
    await store.getState().study.resetProgress();
    const snap = store.getState().study.snapshot!;
    expect(snap.progress.size).toBe(0);
    expect(snap.reviews).toEqual([]);
    expect(snap.settings.newPerDay).toBe(20);
  });

  it('reports a store that cannot be opened', async () => {
    const { store } = setup({ fail: true });
    await store.getState().study.init();
    const s = store.getState().study;
    expect(s.status).toBe('error');
    expect(s.problem).toEqual({ kind: 'load-failed', detail: 'open failed: quota' });
    await expect(s.grade(A, 'good')).rejects.toThrow(/not open yet/);
  });

  it('keeps predictions per card', () => {
    const { store } = setup();
    store.getState().study.setPrediction(A, 'rows get sharper');
    store.getState().study.setPrediction(B, 'nothing changes');
    expect(store.getState().study.predictions).toEqual({ [A]: 'rows get sharper', [B]: 'nothing changes' });
  });
});
