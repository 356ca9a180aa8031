// window.__attentionLab helpers for the Study e2e specs (installed only with ?test=1): the
// persisted progress as plain JSON, and a way to wait until it has loaded.
import type { CardProgress, ReviewRecord, StudySettings } from '../../study';
import { appStore } from '../../store';
import type { StudyStatus } from '../../store/slices/study';
import { registerTestHelpers } from '../common/testApi';

export interface StudyProgressSnapshot {
  status: StudyStatus;
  storage: 'indexeddb' | 'memory' | null;
  /** Bumps with every snapshot the view received (own writes, other tabs, imports). */
  revision: number;
  cards: CardProgress[];
  reviews: ReviewRecord[];
  settings: StudySettings | null;
}

declare module '../common/testApi' {
  interface AttentionLabTestApi {
    /** What the Study view holds now (the last snapshot read from the store). */
    studyProgress(): StudyProgressSnapshot;
    /** Resolves once the Study view's progress has loaded (or failed to). */
    waitForStudy(): Promise<StudyProgressSnapshot>;
  }
}

function snapshot(): StudyProgressSnapshot {
  const { status, storage, revision, snapshot: snap } = appStore.getState().study;
  return {
    status,
    storage,
    revision,
    cards: snap ? [...snap.progress.values()].sort((a, b) => a.cardId.localeCompare(b.cardId)) : [],
    reviews: snap ? snap.reviews : [],
    settings: snap ? snap.settings : null,
  };
}

const settled = () => {
  const { status } = appStore.getState().study;
  return status === 'ready' || status === 'error';
};

registerTestHelpers({
  studyProgress: snapshot,
  waitForStudy: () =>
    new Promise((resolve) => {
      if (settled()) return resolve(snapshot());
      const stop = appStore.subscribe(() => {
        if (!settled()) return;
        stop();
        resolve(snapshot());
      });
    }),
});
