// The training benchmark page: the default model and batch size trained by our WebGPU
// engine, our CPU engine and the same model in TensorFlow.js (WebGPU backend by default: same
// adapter, same run). Reports steps/s and tokens/s for each, and for ours the dispatches,
// submits and awaited readbacks per step, plus the steps to 90% validation exact match from
// scratch.
// Query: ?steps=20 (timed steps per engine), ?cpuSteps=5, ?toEM=webgpu|cpu|0, ?evalEvery=25,
// ?tf=webgpu|webgl (the TensorFlow.js backend; its wasm backend cannot train this model: it
// has no UnsortedSegmentSum kernel, which the embedding gather's gradient needs).
import type { Backend } from '../../src/engine/backend';
import { createCpuBackend } from '../../src/engine/cpu';
import { createWebGPUBackend, requestGpu } from '../../src/engine/webgpu';
import { makeBatch, type Batch } from '../../src/data/batch';
import { groupBatches } from '../../src/data/bucket';
import { sentenceKey, toyTrainStream, toyValidationSet } from '../../src/data/streams';
import { toyVocabs } from '../../src/data/toyVocab';
import { PAD_ID } from '../../src/data/vocab';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { Transformer } from '../../src/model/transformer';
import { evaluate } from '../../src/train/evaluate';
import { learningRate } from '../../src/train/schedule';
import { DEFAULT_OPTIMIZER, trainStep, type StepTickets } from '../../src/train/step';
import { startTf, tf, tfBackendFromQuery, type TfBackendName } from '../tfjs';
import { TfTransformer } from './tfjsTransformer';

const q = new URLSearchParams(location.search);
const STEPS = Number(q.get('steps') ?? 20);
const CPU_STEPS = Number(q.get('cpuSteps') ?? 5);
// Steps to 90% are the same numbers on either engine (they agree to 1e-4); the CPU one is faster
// on SwiftShader machines, so it is the default here. ?toEM=webgpu measures it on ours.
const TO_EM = q.get('toEM') ?? 'cpu';
const EVAL_EVERY = Number(q.get('evalEvery') ?? 25);
const ONLY = q.get('only'); // 'ours' | 'cpu' | 'tfjs' to run one engine (debugging)
const BATCH = 64;
/**
 * Every engine first runs these WARM batches once (pipelines compiled, buffers allocated),
 * then the timed steps cycle over the same batches: TF.js compiles a shader per input shape,
 * so fresh shapes every step would time its compiler, not its training.
 */
const WARM = 4;

type BenchState = { status: 'running' | 'done' | 'error'; result?: unknown; error?: string };
const publish = (state: BenchState) => ((window as unknown as { __bench: BenchState }).__bench = state);

function log(line: string): void {
  console.log(line);
  document.getElementById('log')!.textContent += `${line}\n`;
}

const vocabs = toyVocabs();
const vocab = { src: vocabs.src.size, tgt: vocabs.tgt.size };
const valid = toyValidationSet(1, 200);
const exclude = new Set(valid.map(sentenceKey));

function batches(n: number, seed: number): Batch[] {
  const g = groupBatches(toyTrainStream(seed, { exclude }), { batchSize: BATCH, bucketPool: 8, seed });
  return Array.from({ length: n }, () => makeBatch(g.next().value!, vocabs, DEFAULT_CONFIG.maxLen));
}

interface EngineResult {
  stepsPerSec: number;
  tokensPerSec: number;
  [k: string]: unknown;
}

/** Time `n` steps of our engine after warm-up; the loop never awaits the device. */
async function timeOurs(be: Backend, n: number, data: Batch[]): Promise<EngineResult> {
  const model = new Transformer(be, DEFAULT_CONFIG, vocab);
  model.initialize(1);
  const opt = { ...DEFAULT_OPTIMIZER };
  for (let i = 0; i < WARM; i++) trainStep(model, data[i], opt, PAD_ID, i);
  await be.sync();
  const stats = (be as { stats?: () => Record<string, number> }).stats;
  const before = stats ? stats.call(be) : null;
  let last: StepTickets | null = null;
  let tokens = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const b = data[i % WARM];
    last = trainStep(model, b, opt, PAD_ID, WARM + 1 + i);
    tokens += b.nTokens;
  }
  await be.sync();
  const sec = (performance.now() - t0) / 1000;
  const after = stats ? stats.call(be) : null;
  const out: EngineResult = { stepsPerSec: n / sec, tokensPerSec: tokens / sec, steps: n };
  if (before && after) {
    const per = (k: string) => (after[k] - before[k]) / n;
    out.dispatchesPerStep = per('dispatches');
    out.submitsPerStep = per('submits');
    out.awaitedReadbacksPerStep = per('awaitedReadbacks');
    out.droppedReadbacks = after.droppedReadbacks - before.droppedReadbacks;
  }
  const loss = last?.lossSum ? (await last.lossSum.data)[0] : NaN;
  // The ring drops readbacks when steps outpace it (by design); then the loss is unknown.
  out.lastLoss = Number.isFinite(loss) ? loss / data[(n - 1) % WARM].nTokens : null;
  model.dispose();
  return out;
}

async function timeTfjs(n: number, data: Batch[], backend: TfBackendName): Promise<EngineResult> {
  await startTf(backend);
  const m = new TfTransformer(DEFAULT_CONFIG, vocab.src, vocab.tgt, DEFAULT_OPTIMIZER.lr);
  const asTf = (b: Batch) => ({ B: b.B, S: b.S, T: b.T, srcIds: b.srcIds, srcMask: b.srcMask, tgtIn: b.tgtIn, tgtOut: b.tgtOut, tgtMask: b.tgtMask, nTokens: b.nTokens });
  for (let i = 0; i < WARM; i++) {
    const warm = m.step(asTf(data[i]));
    await warm.data();
    warm.dispose();
  }
  let tokens = 0;
  let last: tf.Scalar | null = null;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const b = data[i % WARM];
    last?.dispose();
    last = m.step(asTf(b));
    tokens += b.nTokens;
  }
  const loss = (await last!.data())[0];
  const sec = (performance.now() - t0) / 1000;
  last!.dispose();
  return { stepsPerSec: n / sec, tokensPerSec: tokens / sec, steps: n, lastLoss: loss, backend: tf.getBackend() };
}

/** Train from scratch until validation exact match ≥ 90%; returns the step count. */
async function stepsTo90(be: Backend): Promise<{ steps: number | null; seconds: number; engine: string }> {
  const model = new Transformer(be, DEFAULT_CONFIG, vocab);
  model.initialize(1);
  const g = groupBatches(toyTrainStream(1, { exclude }), { batchSize: BATCH, bucketPool: 8, seed: 1 });
  const t0 = performance.now();
  for (let step = 1; step <= 1500; step++) {
    const lr = learningRate({ kind: 'cosine', peak: DEFAULT_OPTIMIZER.lr, warmup: 100, total: 2000 }, step);
    trainStep(model, makeBatch(g.next().value!, vocabs, DEFAULT_CONFIG.maxLen), { ...DEFAULT_OPTIMIZER, lr }, PAD_ID, step);
    if (step % EVAL_EVERY === 0) {
      const r = await evaluate(model, valid, vocabs, 100);
      log(`  step ${step}: valid exact match ${(r.exactMatch * 100).toFixed(1)}%`);
      if (r.exactMatch >= 0.9) return { steps: step, seconds: (performance.now() - t0) / 1000, engine: be.info.kind };
    }
  }
  return { steps: null, seconds: (performance.now() - t0) / 1000, engine: be.info.kind };
}

async function main(): Promise<void> {
  publish({ status: 'running' });
  const gpu = await requestGpu();
  if (!gpu.ok) throw new Error(`no WebGPU: ${gpu.reason} (${gpu.detail})`);
  const data = batches(WARM, 7);
  const config = { ...DEFAULT_CONFIG, batch: BATCH };
  log(`adapter ${gpu.ctx.info.name}; D=${config.dModel} H=${config.nHeads} F=${config.dFF} ${config.nEncoderLayers}+${config.nDecoderLayers} layers, batch ${BATCH}`);
  const tfBackend = tfBackendFromQuery(q, ['webgpu', 'webgl']);
  const want = (k: string) => !ONLY || ONLY === k;
  const skipped: EngineResult = { stepsPerSec: NaN, tokensPerSec: NaN, skipped: true };
  log('ours (WebGPU)…');
  const ours = want('ours') ? await timeOurs(createWebGPUBackend(gpu.ctx), STEPS, data) : skipped;
  log(JSON.stringify(ours));
  log('cpu…');
  const cpu = want('cpu') ? await timeOurs(createCpuBackend(), CPU_STEPS, data) : skipped;
  log(JSON.stringify(cpu));
  log(`tfjs (${tfBackend})…`);
  const tfjs = want('tfjs') ? await timeTfjs(STEPS, data, tfBackend) : skipped;
  log(JSON.stringify(tfjs));
  let toEM = null;
  if (TO_EM !== '0') {
    log(`steps to 90% validation exact match (${TO_EM})…`);
    toEM = await stepsTo90(TO_EM === 'cpu' ? createCpuBackend() : createWebGPUBackend(gpu.ctx));
    log(JSON.stringify(toEM));
  }
  publish({
    status: 'done',
    result: {
      adapter: gpu.ctx.info.name,
      config,
      ours: { ...ours, stepsTo90ValidExactMatch: toEM },
      cpu,
      tfjs,
      oursOverTfjs: ours.stepsPerSec / tfjs.stepsPerSec,
    },
  });
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  log(`error: ${msg}`);
  publish({ status: 'error', error: msg });
});
