// Window test API helpers for the walkthrough (see src/ui/common/testApi.ts). Registered when
// the walkthrough view's module loads.
import { appStore } from '../../store';
import type { AppState } from '../../store';
import { parseHash } from '../common/route';
import { registerTestHelpers } from '../common/testApi';

export interface WalkthroughSnapshot {
  /** The sentence asked for (null before the view asked). */
  text: string | null;
  status: AppState['walkthrough']['status'];
  /** The stage in the URL. */
  stage: string | null;
  /** The text the shown result was computed for. */
  resultText: string | null;
  /** Source tokens + <eos> as the encoder reads them (unknown words as <unk>). */
  sourceTokens: string[] | null;
  translation: string | null;
  engine: 'webgpu' | 'cpu' | null;
  modelId: string | null;
  problem: string | null;
  /** The decoding stage's sampled translation: its state, text and engine (null: none shown). */
  sampled: { status: AppState['walkthrough']['sampled']['status']; text: string | null; engine: 'webgpu' | 'cpu' | null; seed: number | null };
}

export interface EngineDiffSnapshot {
  sameEngine: boolean;
  /** Largest |GPU − CPU| over every recorded tensor (0 when both are the CPU). */
  maxAbs: number;
  maxRel: number;
  names: number;
}

// Optional: they exist only once the walkthrough view's code has loaded.
declare module '../common/testApi' {
  interface AttentionLabTestApi {
    walkthroughState?(): WalkthroughSnapshot;
    /** Resolves once a result for `text` (default: the current text) is shown. */
    waitForWalkthrough?(text?: string): Promise<WalkthroughSnapshot>;
    maxEngineDiff?(): EngineDiffSnapshot | null;
    /** Milliseconds per runtime phase of the shown result. */
    walkthroughTimings?(): Record<string, number> | null;
  }
}

function snapshot(s: AppState): WalkthroughSnapshot {
  const w = s.walkthrough;
  const r = w.result;
  const parsed = parseHash(window.location.hash).route;
  const unknown = new Set(r?.prepared.unknown ?? []);
  return {
    text: w.text,
    status: w.status,
    stage: parsed.view === 'walkthrough' ? parsed.stage : null,
    resultText: r?.text ?? null,
    sourceTokens: r ? [...r.prepared.tokens.map((t, i) => (unknown.has(i) ? '<unk>' : t)), '<eos>'] : null,
    translation: r?.translation.text ?? null,
    engine: r?.backend.kind ?? null,
    modelId: r?.modelId ?? null,
    problem: w.problem?.kind ?? null,
    sampled: {
      status: w.sampled.status,
      text: w.sampled.view?.text ?? null,
      engine: w.sampled.view?.backend.kind ?? null,
      seed: w.sampled.view?.request.seed ?? null,
    },
  };
}

registerTestHelpers({
  walkthroughState: () => snapshot(appStore.getState()),
  waitForWalkthrough: (text) =>
    new Promise((resolve) => {
      const done = (s: AppState) => {
        const want = text ?? s.walkthrough.text;
        return s.walkthrough.status === 'ready' && s.walkthrough.result?.text === want;
      };
      if (done(appStore.getState())) return resolve(snapshot(appStore.getState()));
      const stop = appStore.subscribe((s) => {
        if (!done(s)) return;
        stop();
        resolve(snapshot(s));
      });
    }),
  maxEngineDiff: () => {
    const r = appStore.getState().walkthrough.result;
    if (!r) return null;
    const all = Object.values(r.comparison.byName);
    return {
      sameEngine: r.comparison.sameBackend,
      maxAbs: all.reduce((m, d) => Math.max(m, d.maxAbs), 0),
      maxRel: all.reduce((m, d) => Math.max(m, d.maxRel), 0),
      names: all.length,
    };
  },
  walkthroughTimings: () => appStore.getState().walkthrough.result?.timings ?? null,
});
