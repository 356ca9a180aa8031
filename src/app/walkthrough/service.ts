// The walkthrough's compute service: watches the requested sentence, the active model and the GPU, and
// keeps the walkthrough slice's result up to date. It recomputes only when one of those three
// changes (results are cached by translator and text), runs one computation per translator at a
// time,
// and drops runs that a newer request replaced.
//
// Something on screen at once: while the GPU question is still open, and while a GPU that has
// not run yet compiles its kernels (a second or more on a software adapter), the CPU translator's
// result for the same sentence is shown; the GPU result replaces it when it lands.
//
// GPU trouble: when the device is lost the gpu slice leaves 'ready', the translator key changes
// and the sentence is recomputed on the CPU at once (the stale GPU run is abandoned, even if
// its readback never settles). When a GPU run fails while the device still looks healthy, the
// GPU is set aside for that device generation and the CPU carries on; "Restart GPU" brings a
// new generation and the GPU back.
//
// Sampling (the decoding stage): a sampled translation is computed on request, on the engine
// the greedy result uses (the CPU while the GPU question is open), queued behind that
// translator's other work; only the newest request lands, and runs are cached like results.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../../store';
import type { StartWalkthroughCompute, WalkthroughCompute } from '../../store/services';
import { NO_SAMPLE, type WalkthroughPatch } from '../../store/slices/walkthrough';
import type { SampleRequest, SampledTranslationView, WalkthroughResult } from '../../store/walkthroughResult';
import { LruCache } from './cache';
import { computeWalkthrough, Superseded, type RunOutcome } from './compute';
import { computeSample } from './sample';
import { TranslatorPool, type QueuedTranslator, type TranslatorChoice, type GpuHandle } from './translators';

export interface WalkthroughComputeOptions {
  cacheSize?: number;
  yieldToUi?: () => Promise<void>;
}

/** The service as the store's walkthrough port wants it (src/app/services.ts installs it). */
export function walkthroughComputeService(opts: WalkthroughComputeOptions = {}): StartWalkthroughCompute {
  return (ctx) => createWalkthroughCompute(ctx, opts);
}

export function createWalkthroughCompute(
  { store, write }: { store: StoreApi<AppState>; write: (patch: WalkthroughPatch) => void },
  opts: WalkthroughComputeOptions = {},
): WalkthroughCompute {
  const cache = new LruCache<WalkthroughResult>(opts.cacheSize ?? 12);
  const pool = new TranslatorPool();
  let text: string | null = null;
  let runId = 0;
  /** Device generation whose GPU translator failed; skipped until a new device arrives. */
  let brokenGeneration = -1;
  let gpuFailure: string | null = null;
  /** GPU translators that have finished a run (their kernels are compiled). */
  const warm = new Set<string>();
  const cpuInFlight = new Map<string, Promise<RunOutcome>>();
  const samples = new LruCache<SampledTranslationView>(opts.cacheSize ?? 12);
  let sampleWanted: SampleRequest | null = null;
  let sampleRunId = 0;
  let sampleShown: SampledTranslationView | null = null;

  function gpuHandle(s: AppState): GpuHandle | null | 'pending' {
    const g = s.gpu.state;
    if (g.kind === 'pending' || s.gpu.restarting) return 'pending';
    if (g.kind !== 'ready' || s.gpu.generation === brokenGeneration) return null;
    return { ctx: g.ctx, generation: s.gpu.generation };
  }

  /** The GPU's failure, when a device is there but this result had to come from the CPU. */
  function failureNote(result: WalkthroughResult): string | null {
    const onCpuDespiteGpu = result.backend.kind === 'cpu' && store.getState().gpu.state.kind === 'ready';
    return onCpuDespiteGpu ? gpuFailure : null;
  }

  function update(): void {
    const id = ++runId; // anything still running is now stale
    if (text === null) return;
    if (text.trim() === '') {
      write({ status: 'idle', problem: { kind: 'empty' } });
      return;
    }
    const s = store.getState();
    const model = s.model.active;
    if (!model) {
      const failed = s.model.status === 'error';
      write({ status: failed ? 'error' : 'waiting', problem: failed ? { kind: 'no-model' } : null });
      return;
    }
    const gpu = gpuHandle(s);
    if (gpu === 'pending') {
      // While the GPU question is open, show the CPU translator's result: it is the final one if
      // no GPU comes, and the preview while a cold GPU compiles if one does.
      write({ status: 'waiting', problem: null });
      const cpu = pool.cpuTranslator(model.id, model.checkpoint);
      cpuResult(text, cpu, model.id).then(
        (outcome) => {
          if (id !== runId) return;
          if (!outcome.ok) return finish(id, outcome);
          write({ status: 'waiting', result: outcome.result, problem: null, gpuFailure: null });
        },
        (e: unknown) => fail(id, e, null),
      );
      return;
    }
    const translators = pool.choose(model.id, model.checkpoint, gpu);
    if (translators.gpuError) gpuFailure = translators.gpuError;
    const key = `${translators.main.key}|${text}`;
    const hit = cache.get(key);
    if (hit) {
      write({ status: 'ready', result: hit, problem: null, gpuFailure: failureNote(hit) });
      return;
    }
    write({ status: 'running', problem: null });
    void run(id, text, translators, model.id, gpu, key);
  }

  async function run(id: number, wanted: string, translators: TranslatorChoice, modelId: string, gpu: GpuHandle | null, key: string): Promise<void> {
    const isCurrent = () => id === runId;
    const compute = (choice: TranslatorChoice) => computeWalkthrough(wanted, choice, modelId, { isCurrent, yieldToUi: opts.yieldToUi });
    const onGpu = translators.main !== translators.cpu;
    try {
      if (onGpu && !warm.has(translators.main.key)) {
        // The first GPU run on a device compiles every kernel, which takes a second or more
        // on a software adapter. Show the CPU translator's result for the same sentence meanwhile.
        const preview = await cpuResult(wanted, translators.cpu, modelId);
        if (!isCurrent()) return;
        if (!preview.ok) return finish(id, preview);
        write({ status: 'running', result: preview.result, problem: null, gpuFailure: null });
      }
    } catch (e) {
      return fail(id, e, null);
    }
    try {
      const outcome = await compute(translators);
      if (onGpu && outcome.ok) warm.add(translators.main.key);
      finish(id, outcome, key);
    } catch (e) {
      fail(id, e, onGpu ? gpu : null);
    }
  }

  /**
   * The CPU translator's result for a sentence, from the cache or computed once (concurrent asks
   * share the computation, which always runs to the end: it is cheap and lands in the cache).
   */
  function cpuResult(wanted: string, cpu: QueuedTranslator, modelId: string): Promise<RunOutcome> {
    const key = `${cpu.key}|${wanted}`;
    const hit = cache.get(key);
    if (hit) return Promise.resolve({ ok: true, result: hit });
    let pending = cpuInFlight.get(key);
    if (!pending) {
      pending = computeWalkthrough(wanted, { main: cpu, cpu }, modelId, { yieldToUi: opts.yieldToUi })
        .then((outcome) => {
          if (outcome.ok) cache.set(key, outcome.result);
          return outcome;
        })
        .finally(() => cpuInFlight.delete(key));
      cpuInFlight.set(key, pending);
    }
    return pending;
  }

  function finish(id: number, outcome: RunOutcome, key?: string): void {
    if (id !== runId) return;
    if (!outcome.ok) return write({ status: 'idle', problem: { kind: outcome.problem } });
    if (key) cache.set(key, outcome.result);
    write({ status: 'ready', result: outcome.result, problem: null, gpuFailure: failureNote(outcome.result) });
  }

  /** A run threw: on the GPU, set the GPU aside for this device and redo on the CPU. */
  function fail(id: number, e: unknown, gpu: GpuHandle | null): void {
    if (e instanceof Superseded || id !== runId) return;
    const message = e instanceof Error ? e.message : String(e);
    if (gpu) {
      brokenGeneration = gpu.generation;
      gpuFailure = message;
      pool.dropGpu();
      update();
      return;
    }
    write({ status: 'error', problem: { kind: 'failed', message } });
  }

  /** Compute (or take from the cache) the wanted sampled translation on the current engine. */
  function updateSample(): void {
    const id = ++sampleRunId;
    const request = sampleWanted;
    if (!request) {
      sampleShown = null;
      write({ sampled: NO_SAMPLE });
      return;
    }
    const s = store.getState();
    const model = s.model.active;
    if (!model) return; // the model's arrival calls this again
    const gpu = gpuHandle(s);
    const on = gpu === 'pending' ? pool.cpuTranslator(model.id, model.checkpoint) : pool.choose(model.id, model.checkpoint, gpu).main;
    const key = `${on.key}|${JSON.stringify(request)}`;
    const land = (view: SampledTranslationView | null) => {
      if (id !== sampleRunId) return;
      sampleShown = view;
      write({ sampled: { status: view ? 'ready' : 'idle', request, view, error: null } });
    };
    const hit = samples.get(key);
    if (hit) return land(hit);
    write({ sampled: { status: 'running', request, view: sampleShown, error: null } });
    computeSample(request, on).then(
      (view) => {
        if (view) samples.set(key, view);
        land(view);
      },
      (e: unknown) => {
        if (id !== sampleRunId) return;
        write({ sampled: { status: 'error', request, view: sampleShown, error: e instanceof Error ? e.message : String(e) } });
      },
    );
  }

  // Recompute when the model or the device changes (the text arrives through request()).
  const unsubscribe = store.subscribe((s, prev) => {
    const modelChanged = s.model.active?.id !== prev.model.active?.id || s.model.status !== prev.model.status;
    const gpuChanged = s.gpu.state !== prev.gpu.state || s.gpu.generation !== prev.gpu.generation || s.gpu.restarting !== prev.gpu.restarting;
    if (modelChanged || gpuChanged) {
      update();
      if (sampleWanted) updateSample();
    }
  });

  return {
    request(next) {
      if (next === text) return;
      text = next;
      update();
    },
    sample(next) {
      sampleWanted = next;
      updateSample();
    },
    dispose() {
      unsubscribe();
      runId++;
      sampleRunId++;
      pool.destroy();
      cache.clear();
      samples.clear();
    },
  };
}
