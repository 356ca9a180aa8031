// Window test API helpers for the training step (see src/ui/common/testApi.ts). Registered when
// the Training step view's module loads; e2e/fixtures/BackwardPage.ts wraps them.
import { appStore } from '../../store';
import type { AppState } from '../../store';
import type { BackwardRequest } from '../../store/backwardResult';
import { parseHash } from '../common/route';
import { registerTestHelpers } from '../common/testApi';
import { sameRequest } from './requests';

export interface BackwardSnapshot {
  /** The pair asked for (null before the view asked). */
  request: BackwardRequest | null;
  status: AppState['backward']['status'];
  /** The stage in the URL. */
  stage: string | null;
  /** The pair the shown step was computed for. */
  resultRequest: BackwardRequest | null;
  loss: number | null;
  /** The loss of the same pair after the shown update. */
  afterLoss: number | null;
  engine: 'webgpu' | 'cpu' | null;
  modelId: string | null;
  problem: string | null;
  appliedSteps: number;
  /** Largest |GPU − CPU| over every recorded tensor and gradient (0 when both are the CPU). */
  maxEngineDiff: number | null;
}

declare module '../common/testApi' {
  interface AttentionLabTestApi {
    backwardState?(): BackwardSnapshot;
    /** Resolves once the step for the pair asked for is shown (or refused with a problem). */
    waitForBackward?(): Promise<BackwardSnapshot>;
  }
}

function snapshot(s: AppState): BackwardSnapshot {
  const b = s.backward;
  const r = b.result;
  const parsed = parseHash(window.location.hash).route;
  return {
    request: b.request,
    status: b.status,
    stage: parsed.view === 'backward' ? parsed.stage : null,
    resultRequest: r?.request ?? null,
    loss: r?.loss ?? null,
    afterLoss: r?.after.loss ?? null,
    engine: r?.backend.kind ?? null,
    modelId: r?.modelId ?? null,
    problem: b.problem?.kind ?? null,
    appliedSteps: b.appliedSteps,
    maxEngineDiff: r ? Object.values(r.comparison.byName).reduce((m, d) => Math.max(m, d.maxAbs), 0) : null,
  };
}

/** The asked-for pair is settled: its step shown, or a problem reported. */
function settled(s: AppState): boolean {
  const b = s.backward;
  if (!b.request) return false;
  if (b.problem && (b.status === 'idle' || b.status === 'error')) return true;
  return b.status === 'ready' && !!b.result && sameRequest(b.result.request, b.request);
}

registerTestHelpers({
  backwardState: () => snapshot(appStore.getState()),
  waitForBackward: () =>
    new Promise((resolve) => {
      if (settled(appStore.getState())) return resolve(snapshot(appStore.getState()));
      const stop = appStore.subscribe((s) => {
        if (!settled(s)) return;
        stop();
        resolve(snapshot(s));
      });
    }),
});
