// The training benchmark, one module for its three front ends (bench/train page, Node on Dawn,
// the app's #/bench): the model trained by our WebGPU engine (the step loop itself, with its
// dispatch, submit and readback counts), by the tab's CPU path (the CPU trainer as the Train view
// builds it: a Web Worker in browsers, in-thread in Node), and by the same model written in
// TensorFlow.js on each backend the environment offers (WebGPU, WebGL, WASM); then the steps to
// 95% validation exact match from scratch on the faster of our engines. The result is
// bench/results/train.json's format.
import type { Backend } from '../engine/backend';
import { createWebGPUBackend, tuneMatmulBlocksOnce, type MatmulBlocks } from '../engine/webgpu';
import { makeBatch, type Batch } from '../data/batch';
import { groupBatches } from '../data/bucket';
import { sentenceKey, toyTrainStream, toyValidationSet } from '../data/streams';
import { toyVocabs } from '../data/toyVocab';
import { PAD_ID } from '../data/vocab';
import { DEFAULT_CONFIG, type ModelConfig } from '../model/config';
import { Transformer } from '../model/transformer';
import { benchStepsToExactMatch } from '../train/bench';
import { calibrationSpec, measureTrainer } from '../train/calibrate';
import type { TrainerKind } from '../train/events';
import { TrainingLive } from '../train/live';
import { DEFAULT_OPTIMIZER, trainStep, type StepTickets } from '../train/step';
import { createTrainer } from '../train/trainerFactory';
import { tuneShapeOf } from '../train/tuneShape';
import { DEFAULT_TRAINING_CONFIG, withConfig, type TrainingConfig } from '../train/trainingConfig';
import { yieldNow, type BenchEnv } from './env';
import { TF_BACKENDS, type TfBackendName } from './tfjsPeer';
import { TfTransformer } from './tfjsTransformer';

export interface EngineThroughput {
  /** null: not measured here (see error). */
  stepsPerSec: number | null;
  tokensPerSec: number | null;
  /** Timed steps. */
  steps: number;
  error?: string;
  [k: string]: unknown;
}

export interface TrainBenchResult {
  runner: BenchEnv['runner'];
  adapter: string | null;
  config: ModelConfig & { batch: number };
  /** Our WebGPU engine: steps/s, tokens/s, dispatchesPerStep, submitsPerStep, awaitedReadbacksPerStep. */
  ours: EngineThroughput;
  /** The tab's CPU path (engine: 'cpu-worker' in a browser, 'cpu' in Node). */
  cpu: EngineThroughput & { engine: TrainerKind | null };
  /** The same model in TensorFlow.js, per backend (stepsPerSec null where it could not run). */
  tfjsBackends: Record<TfBackendName, EngineThroughput>;
  /** The fastest TensorFlow.js backend here. */
  fastestPeer: { backend: TfBackendName; stepsPerSec: number } | null;
  /** Our faster engine's steps/s over the fastest peer's. */
  oursOverFastestPeer: number | null;
  /** Steps (and seconds) from scratch to 95% validation exact match, and the engine that trained. */
  stepsTo95: { steps: number | null; seconds: number; engine: TrainerKind; best: number } | null;
}

export interface TrainBenchOptions {
  /** Timed steps of our WebGPU engine (default 20; tiny 2). */
  steps?: number;
  /** Timed steps of the CPU path (default 5; tiny 2). */
  cpuSteps?: number;
  /** At most this many timed steps per TensorFlow.js backend (default 20; tiny 1)… */
  tfSteps?: number;
  /** …and about this many seconds (default 60). */
  tfSeconds?: number;
  /** TensorFlow.js backends to compare with (default: all the environment offers). */
  peers?: readonly TfBackendName[];
  /** Which engine trains to 95% exact match: the faster one measured ('auto'), one by name, or 'off'. */
  toEM?: 'auto' | 'webgpu' | 'cpu' | 'off';
  /** Give up on 95% after this many seconds (default 900; tiny 4). */
  toEMSeconds?: number;
  /** Validation every this many steps while training to 95% (default 25). */
  evalEvery?: number;
  /** matmul_direct4's blocks per invocation for ours on WebGPU: measured as the Train view does (default), or forced. */
  blocks?: MatmulBlocks;
  /** 'tiny': a toy model and batch (tests, quick checks). */
  size?: 'full' | 'tiny';
  signal?: AbortSignal;
}

const FULL = { model: DEFAULT_CONFIG, batch: 64, steps: 20, cpuSteps: 5, tfSteps: 20, tfSeconds: 60, toEMSeconds: 900 };
const TINY = {
  model: { ...DEFAULT_CONFIG, dModel: 16, nHeads: 2, nEncoderLayers: 1, nDecoderLayers: 1, dFF: 32 },
  batch: 8,
  steps: 2,
  cpuSteps: 2,
  tfSteps: 1,
  tfSeconds: 10,
  toEMSeconds: 4,
};

/**
 * Every engine first runs WARM batches once (pipelines compiled, buffers allocated), then the
 * timed steps cycle over the same batches: TF.js compiles a shader per input shape, so fresh
 * shapes every step would time its compiler, not its training.
 */
function warmBatches(size: 'full' | 'tiny'): number {
  return size === 'tiny' ? 1 : 4;
}

const aborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new DOMException('the benchmark was cancelled', 'AbortError');
};
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function batchesFor(model: ModelConfig, batch: number, n: number, seed: number): Batch[] {
  const vocabs = toyVocabs();
  const exclude = new Set(toyValidationSet(1, 200).map(sentenceKey));
  const g = groupBatches(toyTrainStream(seed, { exclude }), { batchSize: batch, bucketPool: 8, seed });
  return Array.from({ length: n }, () => makeBatch(g.next().value!, vocabs, model.maxLen));
}

/** Our engine's step loop: `n` timed steps after warm-up; it never awaits the device. */
async function timeOurs(be: Backend, model: ModelConfig, n: number, data: Batch[]): Promise<EngineThroughput> {
  const vocabs = toyVocabs();
  const m = new Transformer(be, model, { src: vocabs.src.size, tgt: vocabs.tgt.size });
  m.initialize(1);
  const opt = { ...DEFAULT_OPTIMIZER };
  const warm = data.length;
  for (let i = 0; i < warm; i++) trainStep(m, data[i], opt, PAD_ID, i);
  await be.sync();
  const stats = (be as { stats?: () => Record<string, number> }).stats;
  const before = stats ? stats.call(be) : null;
  let last: StepTickets | null = null;
  let tokens = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const b = data[i % warm];
    last = trainStep(m, b, opt, PAD_ID, warm + 1 + i);
    tokens += b.nTokens;
    await yieldNow(); // the page stays responsive; the device works meanwhile
  }
  await be.sync();
  const sec = (performance.now() - t0) / 1000;
  const after = stats ? stats.call(be) : null;
  const out: EngineThroughput = { stepsPerSec: n / sec, tokensPerSec: tokens / sec, steps: n };
  if (before && after) {
    const per = (k: string) => (after[k] - before[k]) / n;
    out.dispatchesPerStep = per('dispatches');
    out.submitsPerStep = per('submits');
    out.awaitedReadbacksPerStep = per('awaitedReadbacks');
    out.droppedReadbacks = after.droppedReadbacks - before.droppedReadbacks;
  }
  const loss = last?.lossSum ? (await last.lossSum.data)[0] : NaN;
  // The ring drops readbacks when steps outpace it (by design); then the loss is unknown.
  out.lastLoss = Number.isFinite(loss) ? loss / data[(n - 1) % warm].nTokens : null;
  m.dispose();
  return out;
}

/** The tab's CPU path: the Train view's CPU trainer (a worker in a browser), warm-up excluded. */
async function timeCpuPath(config: TrainingConfig, n: number): Promise<EngineThroughput & { engine: TrainerKind | null }> {
  const trainer = createTrainer({ kind: 'cpu' });
  const engine = trainer.kind;
  const m = await measureTrainer(trainer, calibrationSpec(config), { budgetMs: Number.POSITIVE_INFINITY, maxSteps: n, timeoutMs: 30 * 60_000 });
  if (m.error) return { stepsPerSec: null, tokensPerSec: null, steps: 0, engine, error: m.error };
  return { stepsPerSec: m.stepsPerSec, tokensPerSec: m.tokens ? (m.tokens * 1000) / m.ms : null, steps: m.steps, engine, buildMs: m.initMs, warmStepMs: m.warmMs };
}

async function timeTfjs(env: BenchEnv, backend: TfBackendName, model: ModelConfig, data: Batch[], maxSteps: number, seconds: number): Promise<EngineThroughput> {
  const peer = env.tf!;
  const tf = peer.tf;
  await peer.start(backend);
  const vocabs = toyVocabs();
  const m = new TfTransformer(tf, model, vocabs.src.size, vocabs.tgt.size, DEFAULT_OPTIMIZER.lr);
  const asTf = (b: Batch) => ({ B: b.B, S: b.S, T: b.T, srcIds: b.srcIds, srcMask: b.srcMask, tgtIn: b.tgtIn, tgtOut: b.tgtOut, tgtMask: b.tgtMask, nTokens: b.nTokens });
  try {
    for (const b of data) {
      const warm = m.step(asTf(b));
      await warm.data();
      warm.dispose();
      await yieldNow();
    }
    let tokens = 0;
    let steps = 0;
    let lastLoss = NaN;
    const t0 = performance.now();
    // One timed step sizes the rest (a slow backend gets fewer steps, never past `seconds`).
    while (steps < maxSteps) {
      const b = data[steps % data.length];
      const loss = m.step(asTf(b));
      tokens += b.nTokens;
      steps++;
      if (steps === 1 || steps === maxSteps) {
        lastLoss = (await loss.data())[0];
        if (steps === 1) maxSteps = Math.min(maxSteps, Math.max(1, Math.floor((seconds * 1000) / Math.max(performance.now() - t0, 1e-3))));
      }
      loss.dispose();
      await yieldNow();
    }
    await peer.finish();
    const sec = (performance.now() - t0) / 1000;
    return { stepsPerSec: steps / sec, tokensPerSec: tokens / sec, steps, lastLoss, ...(await peer.describe()) };
  } finally {
    m.dispose();
  }
}

/** From scratch to `target` validation exact match on one of our engines, through its trainer. */
async function stepsToExactMatch(env: BenchEnv, engine: 'webgpu' | 'cpu', config: TrainingConfig, target: number, seconds: number) {
  const trainer = createTrainer(engine === 'webgpu' ? { kind: 'webgpu', ctx: env.gpu! } : { kind: 'cpu' });
  const live = new TrainingLive();
  const stop = trainer.subscribe((e) => live.apply(e));
  try {
    await trainer.init({ config, start: { kind: 'scratch' }, probe: '' });
    const r = await benchStepsToExactMatch(trainer, live, target, seconds);
    return { steps: r.step, seconds: r.seconds, engine: trainer.kind, best: r.best };
  } finally {
    stop();
    trainer.dispose();
  }
}

export async function runTrainBench(env: BenchEnv, options: TrainBenchOptions = {}): Promise<TrainBenchResult> {
  const size = options.size ?? 'full';
  const d = size === 'tiny' ? TINY : FULL;
  const model = d.model;
  const batch = d.batch;
  const wanted = options.peers ?? TF_BACKENDS;
  const peers = env.tf ? wanted.filter((b) => env.tf!.available.includes(b)) : [];
  const toEM = options.toEM ?? 'auto';
  const total = 2 + wanted.length + (toEM === 'off' ? 0 : 1);
  let done = 0;
  const tick = (label: string) => env.progress?.({ done: done++, total, label });
  const data = batchesFor(model, batch, warmBatches(size), 7);
  const trainingConfig = withConfig(DEFAULT_TRAINING_CONFIG, { model, batchSize: batch });
  env.log(`adapter ${env.gpu?.info.name ?? 'none'}; D=${model.dModel} H=${model.nHeads} F=${model.dFF} ${model.nEncoderLayers}+${model.nDecoderLayers} layers, batch ${batch}`);

  tick('ours (WebGPU)');
  let ours: EngineThroughput = { stepsPerSec: null, tokensPerSec: null, steps: 0, error: 'no WebGPU adapter' };
  if (env.gpu) {
    const be = createWebGPUBackend(env.gpu);
    try {
      // the matmul form the Train view's trainer picks here (its measurement, shared per device
      // and shape), or the forced one
      const tuning = options.blocks ? null : await tuneMatmulBlocksOnce(env.gpu, be, tuneShapeOf(trainingConfig));
      if (options.blocks) be.setMatmulBlocks(options.blocks);
      ours = await timeOurs(be, model, options.steps ?? d.steps, data);
      ours.matmulBlocks = be.matmulBlocks();
      if (tuning) ours.matmulTuning = tuning;
    } catch (e) {
      ours = { stepsPerSec: null, tokensPerSec: null, steps: 0, error: message(e) };
    } finally {
      be.destroy();
    }
  }
  env.log(`ours (WebGPU): ${JSON.stringify(ours)}`);
  aborted(options.signal);

  tick('ours (CPU)');
  const cpu = await timeCpuPath(trainingConfig, options.cpuSteps ?? d.cpuSteps);
  env.log(`ours (CPU, ${cpu.engine}): ${JSON.stringify(cpu)}`);

  const tfjsBackends = {} as Record<TfBackendName, EngineThroughput>;
  for (const backend of TF_BACKENDS) {
    if (!wanted.includes(backend)) continue;
    aborted(options.signal);
    tick(`TF.js ${backend}`);
    if (!peers.includes(backend)) {
      tfjsBackends[backend] = { stepsPerSec: null, tokensPerSec: null, steps: 0, error: env.tf ? `not available in this environment (${env.runner})` : 'TensorFlow.js not loaded' };
      continue;
    }
    try {
      tfjsBackends[backend] = await timeTfjs(env, backend, model, data, options.tfSteps ?? d.tfSteps, options.tfSeconds ?? d.tfSeconds);
    } catch (e) {
      tfjsBackends[backend] = { stepsPerSec: null, tokensPerSec: null, steps: 0, error: message(e) };
    }
    env.log(`TF.js ${backend}: ${JSON.stringify(tfjsBackends[backend])}`);
  }

  let fastestPeer: TrainBenchResult['fastestPeer'] = null;
  for (const backend of TF_BACKENDS) {
    const r = tfjsBackends[backend]?.stepsPerSec;
    if (typeof r === 'number' && (!fastestPeer || r > fastestPeer.stepsPerSec)) fastestPeer = { backend, stepsPerSec: r };
  }
  const oursBest = Math.max(ours.stepsPerSec ?? 0, cpu.stepsPerSec ?? 0);

  let stepsTo95: TrainBenchResult['stepsTo95'] = null;
  if (toEM !== 'off') {
    aborted(options.signal);
    const engine = toEM === 'auto' ? (env.gpu && (ours.stepsPerSec ?? 0) > (cpu.stepsPerSec ?? 0) ? 'webgpu' : 'cpu') : toEM === 'webgpu' && env.gpu ? 'webgpu' : 'cpu';
    tick(`steps to 95% exact match (${engine})`);
    // The Train view's defaults as a new user starts them (recipe, batch, validation set); only
    // the evaluation comes more often, and the charts' extras are off. A tiny run keeps its model.
    const base = size === 'tiny' ? withConfig(DEFAULT_TRAINING_CONFIG, { model, batchSize: batch }) : DEFAULT_TRAINING_CONFIG;
    const config = withConfig(base, {
      cadence: { evalEvery: options.evalEvery ?? 25, samples: 1, attentionEvery: 1_000_000, snapshotEvery: 100 },
    });
    stepsTo95 = await stepsToExactMatch(env, engine, config, 0.95, options.toEMSeconds ?? d.toEMSeconds);
    env.log(`steps to 95%: ${JSON.stringify(stepsTo95)}`);
  }
  env.progress?.({ done: total, total, label: 'done' });

  return {
    runner: env.runner,
    adapter: env.gpu?.info.name ?? null,
    config: { ...model, batch },
    ours,
    cpu,
    tfjsBackends,
    fastestPeer,
    oursOverFastestPeer: fastestPeer && oursBest > 0 ? oursBest / fastestPeer.stepsPerSec : null,
    stepsTo95,
  };
}
