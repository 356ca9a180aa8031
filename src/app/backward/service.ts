// The training-step walkthrough's service: watches the requested sentence pair, the active model
// and the GPU, and keeps the backward slice's result up to date — like the forward walkthrough's
// service (../walkthrough/service.ts), whose rules it follows: recompute only when one of those
// changes (results cached by translator and request), drop runs a newer request replaced, show
// the CPU engine's step while the GPU question is open or a cold GPU compiles its kernels, and
// move to the CPU when the device is lost or a GPU run fails (until a new device generation).
//
// On request, for the shown result: the residual comparison (compareFlow on the CPU engine) and
// numeric checks (central differences on the CPU engine). And the working model: "apply this
// step" makes the shown update's weights the model the next step starts from, under a derived
// id (`<model id>+step<n>`); "reset" returns to the model as loaded. Neither the forward
// walkthrough nor the Train view sees the working model.
//
// Its own TranslatorPool: a pool keeps one CPU and one GPU translator for one model id, and the
// working model's ids change with every applied step; sharing the forward walkthrough's pool
// would throw its translators away (and recompile its GPU kernels) each time the two views
// disagree. A training step also writes its model's gradient buffers. The cost of a second pool
// is one more copy of a small model on each engine.
import type { StoreApi } from 'zustand/vanilla';
import { Rng } from '../../random';
import type { Checkpoint } from '../../model/checkpoint';
import type { AppState } from '../../store';
import type { BackwardRequest, BackwardResult, NumericCheckView } from '../../store/backwardResult';
import type { BackwardCompute, StartBackwardCompute } from '../../store/services';
import type { SlicePatch } from '../../store/slice';
import type { BackwardPatch, NumericCheckState } from '../../store/slices/backward';
import { IDLE_FLOW } from '../../store/slices/backward';
import { compareFlow } from '../../train/gradientFlow';
import { checkEntries, probeIndices, type ProbeTarget } from '../../train/finiteDifference';
import { LruCache } from '../walkthrough/cache';
import { TranslatorPool, type GpuHandle, type QueuedTranslator, type TranslatorChoice } from '../walkthrough/translators';
import { BackwardSuperseded, computeBackward, type BackwardOutcome } from './compute';
import { preparePair } from './prepare';

export interface BackwardComputeOptions {
  cacheSize?: number;
  yieldToUi?: () => Promise<void>;
  /** Step of the central differences (float32 forward passes: 1e-2). */
  h?: number;
}

/** Every comparison model starts from the same draw of weights. */
export const FLOW_SEED = 1;
/** Entries a numeric check probes: the largest few, then one drawn at random (seeded). */
export const CHECK_LARGEST = 3;
export const CHECK_RANDOM = 1;
export const CHECK_SEED = 1;
export const CHECK_H = 1e-2;

/** The service as the store's backward port wants it (src/app/services.ts installs it). */
export function backwardComputeService(opts: BackwardComputeOptions = {}): StartBackwardCompute {
  return (ctx) => createBackwardCompute(ctx, opts);
}

/** The model the next step starts from: the active one, or a copy the learner stepped. */
interface WorkingModel {
  baseId: string;
  steps: number;
  checkpoint: Checkpoint;
}

/** A shown gradient by name: 'grad:<point>' from the trace, 'param:<name>' from the parameter gradients. */
export function gradientOf(result: BackwardResult, name: string): { values: ArrayLike<number>; target: (index: number) => ProbeTarget } | null {
  if (name.startsWith('grad:')) {
    if (!result.trace.has(name)) return null;
    const point = name.slice('grad:'.length);
    return { values: result.trace.get(name).data, target: (index) => ({ kind: 'point', name: point, index }) };
  }
  if (name.startsWith('param:')) {
    const param = name.slice('param:'.length);
    const g = result.paramGrads.get(param);
    return g ? { values: g, target: (index) => ({ kind: 'param', name: param, index }) } : null;
  }
  return null;
}

function sameRequest(a: BackwardRequest, b: BackwardRequest): boolean {
  return a.text === b.text && a.target === b.target && a.smoothing === b.smoothing && a.lr === b.lr;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createBackwardCompute(
  { store, write }: { store: StoreApi<AppState>; write: (patch: SlicePatch<BackwardPatch>) => void },
  opts: BackwardComputeOptions = {},
): BackwardCompute {
  const cache = new LruCache<BackwardResult>(opts.cacheSize ?? 8);
  const pool = new TranslatorPool();
  let request: BackwardRequest | null = null;
  let runId = 0;
  let flowRun = 0;
  let brokenGeneration = -1;
  let gpuFailure: string | null = null;
  let working: WorkingModel | null = null;
  const warm = new Set<string>();
  const cpuInFlight = new Map<string, Promise<BackwardOutcome>>();

  function gpuHandle(s: AppState): GpuHandle | null | 'pending' {
    const g = s.gpu.state;
    if (g.kind === 'pending' || s.gpu.restarting) return 'pending';
    if (g.kind !== 'ready' || s.gpu.generation === brokenGeneration) return null;
    return { ctx: g.ctx, generation: s.gpu.generation };
  }

  /** The model a step starts from now: its id (for the pool and the cache) and checkpoint. */
  function currentModel(s: AppState): { id: string; checkpoint: Checkpoint } | null {
    const active = s.model.active;
    if (!active) return null;
    if (working && working.baseId === active.id) return { id: `${active.id}+step${working.steps}`, checkpoint: working.checkpoint };
    return { id: active.id, checkpoint: active.checkpoint };
  }

  function failureNote(result: BackwardResult): string | null {
    const onCpuDespiteGpu = result.backend.kind === 'cpu' && store.getState().gpu.state.kind === 'ready';
    return onCpuDespiteGpu ? gpuFailure : null;
  }

  /** Show a result; what was asked of the previous one (comparison, checks) does not carry over. */
  function show(status: 'waiting' | 'running' | 'ready', result: BackwardResult): void {
    const same = store.getState().backward.result === result;
    write(same ? { status, problem: null } : { status, result, problem: null, gpuFailure: failureNote(result), flow: IDLE_FLOW, checks: {} });
  }

  function update(): void {
    const id = ++runId; // anything still running is now stale
    if (request === null) return;
    const req = request;
    const s = store.getState();
    const model = currentModel(s);
    if (!model) {
      const failed = s.model.status === 'error';
      write({ status: failed ? 'error' : 'waiting', problem: failed ? { kind: 'no-model' } : null });
      return;
    }
    const gpu = gpuHandle(s);
    if (gpu === 'pending') {
      // While the GPU question is open, the CPU engine's step: the final one if no GPU comes.
      write({ status: 'waiting', problem: null });
      const cpu = pool.cpuTranslator(model.id, model.checkpoint);
      cpuResult(req, cpu, model.id).then(
        (outcome) => {
          if (id !== runId) return;
          if (!outcome.ok) return finish(id, outcome);
          show('waiting', outcome.result);
        },
        (e: unknown) => fail(id, e, null),
      );
      return;
    }
    const translators = pool.choose(model.id, model.checkpoint, gpu);
    if (translators.gpuError) gpuFailure = translators.gpuError;
    const key = `${translators.main.key}|${JSON.stringify(req)}`;
    const hit = cache.get(key);
    if (hit) return show('ready', hit);
    write({ status: 'running', problem: null });
    void run(id, req, translators, model.id, gpu, key);
  }

  async function run(id: number, req: BackwardRequest, translators: TranslatorChoice, modelId: string, gpu: GpuHandle | null, key: string): Promise<void> {
    const isCurrent = () => id === runId;
    const onGpu = translators.main !== translators.cpu;
    try {
      if (onGpu && !warm.has(translators.main.key)) {
        // A GPU's first step compiles every forward and backward kernel: show the CPU's meanwhile.
        const preview = await cpuResult(req, translators.cpu, modelId);
        if (!isCurrent()) return;
        if (!preview.ok) return finish(id, preview);
        show('running', preview.result);
      }
    } catch (e) {
      return fail(id, e, null);
    }
    try {
      const outcome = await computeBackward(req, translators, modelId, { isCurrent, yieldToUi: opts.yieldToUi });
      if (onGpu && outcome.ok) warm.add(translators.main.key);
      finish(id, outcome, key);
    } catch (e) {
      fail(id, e, onGpu ? gpu : null);
    }
  }

  /** The CPU engine's step for a request, cached; concurrent asks share one computation. */
  function cpuResult(req: BackwardRequest, cpu: QueuedTranslator, modelId: string): Promise<BackwardOutcome> {
    const key = `${cpu.key}|${JSON.stringify(req)}`;
    const hit = cache.get(key);
    if (hit) return Promise.resolve({ ok: true, result: hit });
    let pending = cpuInFlight.get(key);
    if (!pending) {
      pending = computeBackward(req, { main: cpu, cpu }, modelId, { yieldToUi: opts.yieldToUi })
        .then((outcome) => {
          if (outcome.ok) cache.set(key, outcome.result);
          return outcome;
        })
        .finally(() => cpuInFlight.delete(key));
      cpuInFlight.set(key, pending);
    }
    return pending;
  }

  function finish(id: number, outcome: BackwardOutcome, key?: string): void {
    if (id !== runId) return;
    // A refused pair leaves the previous result in place: the learner's last step stays visible.
    if (!outcome.ok) return write({ status: 'idle', problem: outcome.problem });
    if (key) cache.set(key, outcome.result);
    show('ready', outcome.result);
  }

  function fail(id: number, e: unknown, gpu: GpuHandle | null): void {
    if (e instanceof BackwardSuperseded || id !== runId) return;
    if (gpu) {
      brokenGeneration = gpu.generation;
      gpuFailure = messageOf(e);
      pool.dropGpu();
      update();
      return;
    }
    write({ status: 'error', problem: { kind: 'failed', message: messageOf(e) } });
  }

  /** The shown result and the CPU translator of the model it came from, or why there is none. */
  function shownOnCpu(): { result: BackwardResult; cpu: QueuedTranslator } | string {
    const s = store.getState();
    const result = s.backward.result;
    if (!result) return 'no result is shown';
    const model = currentModel(s);
    if (!model || model.id !== result.modelId) return 'the model changed since this step was computed';
    return { result, cpu: pool.cpuTranslator(model.id, model.checkpoint) };
  }

  function setCheck(name: string, state: NumericCheckState): void {
    write((prev) => ({ checks: { ...prev.checks, [name]: state } }));
  }

  async function check(name: string): Promise<void> {
    const shown = shownOnCpu();
    if (typeof shown === 'string') return setCheck(name, { status: 'failed', view: null, error: shown });
    const { result, cpu } = shown;
    const grad = gradientOf(result, name);
    if (!grad) return setCheck(name, { status: 'failed', view: null, error: `no gradient named '${name}' in this step` });
    const tr = cpu.translator;
    const pair = preparePair(result.request.text, result.request.target, tr);
    if (!pair.ok) return setCheck(name, { status: 'failed', view: null, error: `the pair was refused: ${pair.problem.kind}` });
    const rng = new Rng(CHECK_SEED);
    const indices = probeIndices(grad.values, CHECK_LARGEST, CHECK_RANDOM, () => rng.next());
    const entries = indices.map((i) => ({ target: grad.target(i), analytic: grad.values[i] }));
    const h = opts.h ?? CHECK_H;
    setCheck(name, { status: 'running', view: null, error: null });
    try {
      const spec = { labelSmoothing: result.request.smoothing, padId: tr.special.pad };
      const probes = await cpu.exclusive(() => checkEntries(tr.model, pair.batch, spec, entries, h));
      if (store.getState().backward.result !== result) return; // another result is shown now
      const view: NumericCheckView = { name, engine: 'cpu', h, probes };
      setCheck(name, { status: 'done', view, error: null });
    } catch (e) {
      if (store.getState().backward.result !== result) return;
      setCheck(name, { status: 'failed', view: null, error: messageOf(e) });
    }
  }

  async function flowComparison(layers: number): Promise<void> {
    const id = ++flowRun;
    const shown = shownOnCpu();
    if (typeof shown === 'string') return write({ flow: { status: 'failed', view: null, error: shown } });
    const { result, cpu } = shown;
    const tr = cpu.translator;
    const pair = preparePair(result.request.text, result.request.target, tr);
    if (!pair.ok) return write({ flow: { status: 'failed', view: null, error: `the pair was refused: ${pair.problem.kind}` } });
    write((prev) => ({ flow: { status: 'running', view: prev.flow?.view ?? null, error: null } }));
    const spec = {
      config: result.config,
      vocab: result.vocabSizes,
      variant: result.variant,
      layers,
      seed: FLOW_SEED,
      labelSmoothing: result.request.smoothing,
      padId: tr.special.pad,
    };
    try {
      const runs = await cpu.exclusive(() => compareFlow(tr.model.be, pair.batch, spec));
      if (id !== flowRun || store.getState().backward.result !== result) return;
      write({ flow: { status: 'done', view: { layers, seed: FLOW_SEED, runs }, error: null } });
    } catch (e) {
      if (id !== flowRun || store.getState().backward.result !== result) return;
      write({ flow: { status: 'failed', view: null, error: messageOf(e) } });
    }
  }

  // Recompute when the model or the device changes (the pair arrives through request()). Another
  // active model starts from its own weights: the steps applied to the previous one are dropped.
  const unsubscribe = store.subscribe((s, prev) => {
    const modelChanged = s.model.active?.id !== prev.model.active?.id || s.model.status !== prev.model.status;
    const gpuChanged = s.gpu.state !== prev.gpu.state || s.gpu.generation !== prev.gpu.generation || s.gpu.restarting !== prev.gpu.restarting;
    if (s.model.active?.id !== prev.model.active?.id && working) {
      working = null;
      write({ appliedSteps: 0 });
    }
    if (modelChanged || gpuChanged) update();
  });

  return {
    request(next) {
      if (request && sameRequest(request, next)) return;
      request = { ...next };
      update();
    },
    flowComparison: (layers) => void flowComparison(layers),
    check: (name) => void check(name),
    applyStep() {
      const s = store.getState();
      const result = s.backward.result;
      const model = currentModel(s);
      const active = s.model.active;
      if (!result || !model || !active || model.id !== result.modelId) return;
      const steps = (working?.steps ?? 0) + 1;
      const checkpoint: Checkpoint = { ...model.checkpoint, weights: new Map(result.update.after), meta: { ...model.checkpoint.meta, appliedSteps: steps } };
      working = { baseId: active.id, steps, checkpoint };
      write({ appliedSteps: steps });
      update();
    },
    resetSteps() {
      if (!working) return;
      working = null;
      write({ appliedSteps: 0 });
      update();
    },
    dispose() {
      unsubscribe();
      runId++;
      flowRun++;
      pool.destroy();
      cache.clear();
    },
  };
}
