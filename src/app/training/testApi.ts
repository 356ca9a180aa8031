// window.__attentionLab.training: the e2e tests' and benchmarks' handle on training, installed
// only with ?test=1 (the shell's test API; see src/ui/common/testApi.ts). Everything returns
// plain data so page.evaluate can carry it. src/app may not import ui, so this attaches
// itself to the shell's object once the shell has installed it.
import type { StoreApi } from 'zustand/vanilla';
import type { EngineDecision, EnginePreference } from '../../train/enginePick';
import type { TrainerKind } from '../../train/events';
import type { ExperimentId } from '../../train/experimentIds';
import type { ExperimentResult } from '../../train/experimentRun';
import { allFinite } from '../../train/guard';
import type { SessionStatus, TrainingSession } from '../../train/session';
import type { TrainBenchReport } from '../../train/bench';
import type { TrainingConfigPatch } from '../../train/trainingConfig';
import type { ModelOrigin, SavedModelSummary } from '../persistence/modelLibrary';
import type { AppState } from '../../store/slice';
import type { SetConfigResult, TrainingNotice } from '../../store/slices/training';

export interface TrainingSnapshot {
  status: SessionStatus;
  engine: TrainerKind | null;
  /** Steps trained, exactly (the slice's `steps` is throttled). */
  step: number;
  /** Recorded training-loss points. */
  losses: number;
  firstLoss: number | null;
  lastLoss: number | null;
  evals: number;
  lastExactMatch: number | null;
  attentionSnapshots: number;
  notice: TrainingNotice | null;
  origin: ModelOrigin;
  restored: boolean;
  library: { status: string; kind: string | null; count: number };
  experiment: { id: ExperimentId; status: string } | null;
  /** The engine choice: the user's preference, what was decided and why, measuring now. */
  choice: { preference: EnginePreference; decision: EngineDecision | null; source: 'measured' | 'cached' | null; calibrating: string | null; adapter: string | null };
}

export interface TrainingWaitCondition {
  /** live step ≥ this. */
  step?: number;
  status?: SessionStatus[];
  noticeKind?: TrainingNotice['kind'];
  engine?: TrainerKind;
}

export interface TrainingTestApi {
  state(): TrainingSnapshot;
  /** Training loss recorded for `step` (null when missing). */
  loss(step: number): number | null;
  configure(patch: TrainingConfigPatch, confirm?: boolean): Promise<SetConfigResult>;
  start(): Promise<void>;
  pause(): Promise<void>;
  step(n?: number): Promise<void>;
  reset(): Promise<void>;
  /** Resolves when every given condition holds (rejects after timeoutMs). */
  waitFor(cond: TrainingWaitCondition, timeoutMs?: number): Promise<TrainingSnapshot>;
  /** Current weights and Adam state: all finite? equal to the guard's last good copy? */
  inspectWeights(): Promise<{ step: number; finite: boolean; equalsLastGood: boolean; lastGoodStep: number; fingerprint: string }>;
  save(name: string): Promise<SavedModelSummary | null>;
  load(id: string): Promise<boolean>;
  list(): SavedModelSummary[];
  deleteModel(id: string): Promise<void>;
  importText(text: string, name?: string): Promise<boolean>;
  exportText(): Promise<string | null>;
  openInWalkthrough(): Promise<boolean>;
  runExperiment(id: ExperimentId, steps?: number): Promise<ExperimentResult | null>;
  /** The engine choice for this adapter (remembered), as the Train view's control sets it. */
  preferEngine(pref: EnginePreference): Promise<void>;
  /** Forget the engine measurements (the next run measures again). */
  remeasureEngines(): Promise<void>;
  /** Destroy the GPU device under the trainer (the shell's destroyDevice). */
  destroyDevice(): boolean;
  /** Train for `seconds` and report throughput and the longest main-thread task. */
  bench(seconds: number): Promise<TrainBenchReport>;
  /** Train until validation exact match ≥ target; the step it happened at. */
  benchToExactMatch(target: number, maxSeconds: number): Promise<{ step: number | null; seconds: number; best: number }>;
}

function isTestPage(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('test') === '1';
}

function snapshot(store: StoreApi<AppState>, session: TrainingSession): TrainingSnapshot {
  const t = store.getState().training;
  const live = session.live;
  const last = live.lastEval();
  return {
    status: t.status,
    engine: t.engineKind,
    step: live.step,
    losses: live.loss.length,
    firstLoss: live.loss.length ? live.loss.values[0] : null,
    lastLoss: live.loss.last()?.value ?? null,
    evals: live.evals.length,
    lastExactMatch: last?.exactMatch ?? null,
    attentionSnapshots: live.attention.length,
    notice: t.notice,
    origin: t.origin,
    restored: t.restored,
    library: { status: t.library.status, kind: t.library.kind, count: t.library.models.length },
    experiment: t.experiment ? { id: t.experiment.id, status: t.experiment.status } : null,
    choice: { preference: t.engine.preference, decision: t.engine.decision, source: t.engine.source, calibrating: t.engine.calibrating, adapter: t.engine.adapter?.name ?? null },
  };
}

function holds(s: TrainingSnapshot, c: TrainingWaitCondition): boolean {
  return (
    (c.step === undefined || s.step >= c.step) &&
    (!c.status || c.status.includes(s.status)) &&
    (!c.noticeKind || s.notice?.kind === c.noticeKind) &&
    (!c.engine || s.engine === c.engine)
  );
}

function fingerprint(weights: Record<string, Float32Array>): string {
  let h = 0;
  for (const name of Object.keys(weights).sort()) {
    const w = weights[name];
    for (let i = 0; i < w.length; i++) h = (h * 31 + Math.round(w[i] * 1e6)) % 2147483647;
  }
  return String(h);
}

function build(store: StoreApi<AppState>, session: TrainingSession): TrainingTestApi {
  const t = () => store.getState().training;
  const snap = () => snapshot(store, session);
  return {
    state: snap,
    loss: (step) => {
      const s = session.live.loss;
      const i = Array.prototype.indexOf.call(s.steps, step);
      return i >= 0 ? s.values[i] : null;
    },
    configure: (patch, confirm) => t().setConfig(patch, { confirm }),
    start: () => t().start(),
    pause: () => t().pause(),
    step: (n) => t().step(n),
    reset: () => t().reset(),
    waitFor: (cond, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const s = snap();
          if (!holds(s, cond)) return false;
          cleanup();
          resolve(s);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`training.waitFor(${JSON.stringify(cond)}) timed out; state ${JSON.stringify(snap())}`));
        }, timeoutMs);
        const stops = [store.subscribe(() => void check()), session.live.subscribe(() => void check())];
        const cleanup = () => {
          clearTimeout(timer);
          stops.forEach((s) => s());
        };
        check();
      }),
    inspectWeights: async () => {
      const engine = await session.ensureTrainer();
      const [now, good, weights] = await Promise.all([engine.exportState(), engine.lastGoodState(), engine.weights()]);
      const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
      return {
        step: now.step,
        finite: allFinite(now.params) && allFinite(now.m) && allFinite(now.v),
        equalsLastGood: now.step === good.step && same(now.params, good.params) && same(now.m, good.m) && same(now.v, good.v),
        lastGoodStep: good.step,
        fingerprint: fingerprint(weights),
      };
    },
    save: (name) => t().saveModel(name),
    load: (id) => t().loadModel(id),
    list: () => t().library.models,
    deleteModel: (id) => t().deleteModel(id),
    importText: (text, name) => t().importModel(text, name),
    exportText: async () => (await t().exportModel())?.text ?? null,
    openInWalkthrough: () => t().openInWalkthrough(),
    runExperiment: (id, steps) => t().runExperiment(id, { steps }),
    preferEngine: (pref) => t().setEnginePreference(pref),
    remeasureEngines: () => t().remeasureEngines(),
    destroyDevice: () => {
      const state = store.getState().gpu.state;
      if (state.kind !== 'ready') return false;
      state.ctx.device.destroy();
      return true;
    },
    bench: async (seconds) => {
      await store.getState().model.loadShipped(); // its parse is not training's: keep it out of the window
      const [{ benchTraining }, engine] = await Promise.all([import('../../train/bench'), session.ensureTrainer()]);
      return benchTraining(engine, session.live, seconds);
    },
    benchToExactMatch: async (target, maxSeconds) => {
      const [{ benchStepsToExactMatch }, engine] = await Promise.all([import('../../train/bench'), session.ensureTrainer()]);
      return benchStepsToExactMatch(engine, session.live, target, maxSeconds);
    },
  };
}

/** In test mode, add `training` to window.__attentionLab once the shell has installed it. */
export function installTrainingTestApi(store: StoreApi<AppState>, session: TrainingSession): void {
  if (!isTestPage()) return;
  let tries = 0;
  const attach = () => {
    const host = (window as unknown as { __attentionLab?: { training?: TrainingTestApi } }).__attentionLab;
    if (host) host.training = build(store, session);
    else if (++tries < 200) setTimeout(attach, 10);
  };
  setTimeout(attach, 0);
}
