// Window test API helpers for the compare view (see src/ui/common/testApi.ts), registered when
// its module loads. e2e/fixtures/ComparePage.ts wraps them.
import { FAMILY_IDS, type FamilyId } from '../../model/stageIds';
import { appStore, type AppState } from '../../store';
import { registerTestHelpers } from '../common/testApi';

export interface CompareColumnSnapshot {
  status: string;
  /** The sentence the shown result was computed for (the encoder-only one with its <mask>). */
  resultText: string | null;
  output: string | null;
  /** Encoder-only: the best word at each <mask>. */
  fills: string[] | null;
  engine: 'webgpu' | 'cpu' | null;
  /** Largest GPU − CPU difference over the recorded tensors (0 on the CPU). */
  maxAbsDiff: number | null;
}

export type CompareSnapshot = Record<FamilyId, CompareColumnSnapshot>;

declare module '../common/testApi' {
  interface AttentionLabTestApi {
    compareState?(): CompareSnapshot;
    /** Resolves once all three families show a result for the current request. */
    waitForCompare?(): Promise<CompareSnapshot>;
  }
}

function snapshot(s: AppState): CompareSnapshot {
  const out = {} as CompareSnapshot;
  for (const f of FAMILY_IDS) {
    const c = s.compare.families[f];
    const r = c.result;
    out[f] = {
      status: c.status,
      resultText: r?.text ?? null,
      output: r?.translation.text ?? null,
      fills: r?.fill ? r.fill.masks.map((m) => m.top[0]?.token ?? '') : null,
      engine: r?.backend.kind ?? null,
      maxAbsDiff: r ? Object.values(r.comparison.byName).reduce((m, d) => Math.max(m, d.maxAbs), 0) : null,
    };
  }
  return out;
}

function done(s: AppState): boolean {
  const req = s.compare.request;
  return !!req && FAMILY_IDS.every((f) => s.compare.families[f].status === 'ready' && s.compare.families[f].result?.text === req[f]);
}

registerTestHelpers({
  compareState: () => snapshot(appStore.getState()),
  waitForCompare: () =>
    new Promise((resolve) => {
      if (done(appStore.getState())) return resolve(snapshot(appStore.getState()));
      const stop = appStore.subscribe((s) => {
        if (!done(s)) return;
        stop();
        resolve(snapshot(s));
      });
    }),
});
