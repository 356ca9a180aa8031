// Benchmark of CPU training at the Train view's default settings (DEFAULT_TRAINING_CONFIG:
// D = 48, 2 + 2 layers, batch 32, evaluation every 50 steps, probe every 10, snapshot every
// 20), in Node. Not a test; numbers are printed, never asserted:
//   npx tsx src/train/cpuTrain.bench.ts [--seconds 8] [--rounds 5] [--kernel auto|fast|js]
//                                       [--workers 1,2] [--only steps|trainer] [--profile]
// - trainer: the Trainer on the CPU engine as the training worker runs it (frameBudgetMs 0),
//   with N − 1 helper worker threads for N workers (data parallel, as in the tab): start,
//   wait, pause; steps per second of training time. Rounds alternate the worker counts.
// - steps: bare trainStep calls on the same batches (one thread, no evaluation, no probe).
// - --kernel: the matmul kernel (js: plain TypeScript; auto: WebAssembly SIMD, float64 sums;
//   fast: WebAssembly SIMD, float32 sums, as the tab's training workers use), helpers included.
// - --profile: wall time per kernel over 20 steps (where the time goes).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createCpuBackend } from '../engine/cpu';
import { matmulKernel, setMatmulKernel, type MatmulKernelChoice } from '../engine/cpu';
import type { DispatchRecord } from '../engine/backend';
import { PAD_ID } from '../data';
import { Transformer } from '../model/transformer';
import { toyData } from './data';
import { DataParallel, type SharePort } from './dataParallel';
import type { ShareResult } from './shares';
import { trainStep } from './step';
import { Trainer } from './trainer';
import { DEFAULT_TRAINING_CONFIG } from './trainingConfig';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    profile: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    kernel: { type: 'string', default: 'auto' },
    workers: { type: 'string', default: '1' },
  },
});
setMatmulKernel(values.kernel as MatmulKernelChoice);
const WORKERS = values.workers!.split(',').map(Number);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const config = DEFAULT_TRAINING_CONFIG;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');

/** A helper as a Node worker thread (src/cli/gradWorker.ts runs the browser helper's handler). */
function threadPort(): SharePort {
  const w = new Worker(new URL('../cli/tsWorker.mjs', import.meta.url), { workerData: { entry: new URL('../cli/gradWorker.ts', import.meta.url).href, kernel: values.kernel } });
  return {
    post: (msg) => w.postMessage(msg),
    listen: (fn) => {
      w.on('message', (r: ShareResult) => fn(r));
      w.on('error', () => fn(null));
    },
    terminate: () => void w.terminate(),
  };
}

/** Steps per wall second of training, and per CPU second of the whole process (helper threads included). */
async function trainerRate(workers: number): Promise<[number, number]> {
  const trainer = new Trainer({
    backend: createCpuBackend(),
    kind: 'cpu',
    frameBudgetMs: 0,
    parallel: workers > 1 ? () => new DataParallel(Array.from({ length: workers - 1 }, threadPort)) : undefined,
  });
  await trainer.init({ config, start: { kind: 'scratch' }, probe: '' });
  let ms = 0;
  let last = 0;
  trainer.subscribe((e) => {
    if (e.type !== 'steps') return;
    const p = e.points[e.points.length - 1];
    ms = p.elapsedMs;
    last = p.step;
  });
  await trainer.step(10); // warm-up (JIT, helper threads booting)
  trainer.start();
  await sleep(1000);
  const [step0, ms0] = [last, ms];
  const cpu0 = process.cpuUsage();
  await sleep(SECONDS * 1000);
  await trainer.pause();
  const cpu = process.cpuUsage(cpu0);
  const cpuSteps = last; // steps done by the time the CPU time was read
  trainer.dispose();
  return [((last - step0) * 1000) / (ms - ms0), ((cpuSteps - step0) * 1e6) / (cpu.user + cpu.system)];
}

/** Bare steps per second of wall time, and per second of this process's CPU time (steadier on a busy machine). */
function stepRate(): [number, number] {
  const be = createCpuBackend();
  const data = toyData(config);
  const model = new Transformer(be, config.model, { src: data.vocabs.src.size, tgt: data.vocabs.tgt.size }, config.variant);
  model.initialize(1);
  const batches = Array.from({ length: 16 }, () => data.nextBatch());
  for (let i = 0; i < 16; i++) trainStep(model, batches[i], config.optimizer, PAD_ID, i);
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) trainStep(model, batches[n++ % 16], config.optimizer, PAD_ID, n);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [(n * 1000) / wall, (n * 1e6) / (cpu.user + cpu.system)];
}

function profile(): void {
  const be = createCpuBackend();
  const data = toyData(config);
  const model = new Transformer(be, config.model, { src: data.vocabs.src.size, tgt: data.vocabs.tgt.size }, config.variant);
  model.initialize(1);
  const batches = Array.from({ length: 20 }, () => data.nextBatch());
  for (let i = 0; i < 20; i++) trainStep(model, batches[i], config.optimizer, PAD_ID, i);
  const records: DispatchRecord[] = [];
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) {
    const r = be.recordDispatches(() => trainStep(model, batches[i], config.optimizer, PAD_ID, i), { profile: true });
    void r.records.then((x) => records.push(...x));
  }
  const total = performance.now() - t0;
  setTimeout(() => {
    const by = new Map<string, { ms: number; n: number }>();
    for (const r of records) {
      const e = by.get(r.kernel) ?? { ms: 0, n: 0 };
      e.ms += r.gpuMs ?? 0;
      e.n++;
      by.set(r.kernel, e);
    }
    const sum = [...by.values()].reduce((a, b) => a + b.ms, 0);
    console.log(`profile: 20 steps, ${(total / 20).toFixed(1)} ms/step wall, ${(sum / 20).toFixed(1)} ms/step in kernels`);
    for (const [k, e] of [...by].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`  ${k.padEnd(28)} ${(e.ms / 20).toFixed(2).padStart(7)} ms/step  ${((100 * e.ms) / total).toFixed(1).padStart(5)}%  ${(e.n / 20).toFixed(0)} calls/step`);
    }
  }, 0);
}

async function main(): Promise<void> {
  const { model } = config;
  console.log(`default config: D=${model.dModel} H=${model.nHeads} ${model.nEncoderLayers}+${model.nDecoderLayers} F=${model.dFF}, batch ${config.batchSize}; matmul ${matmulKernel()}; ${ROUNDS} rounds of ${SECONDS} s`);
  if (values.profile) return profile();
  if (!values.only || values.only === 'steps') {
    const rates = Array.from({ length: ROUNDS }, stepRate);
    const [wall, cpu] = [rates.map((r) => r[0]), rates.map((r) => r[1])];
    console.log(`steps   (bare trainStep)        median ${median(wall).toFixed(2)} steps/s   [${fmt(wall)}]`);
    console.log(`        per second of CPU time  median ${median(cpu).toFixed(2)} steps/s   [${fmt(cpu)}]`);
  }
  if (!values.only || values.only === 'trainer') {
    const rates = new Map(WORKERS.map((w) => [w, [] as Array<[number, number]>]));
    for (let r = 0; r < ROUNDS; r++) for (const w of WORKERS) rates.get(w)!.push(await trainerRate(w));
    for (const [w, xs] of rates) {
      const [wall, cpu] = [xs.map((x) => x[0]), xs.map((x) => x[1])];
      console.log(`trainer (as in the tab), ${w} worker${w > 1 ? 's' : ' '} median ${median(wall).toFixed(2)} steps/s   [${fmt(wall)}]`);
      console.log(`        per second of CPU time (all threads) median ${median(cpu).toFixed(2)} steps/s   [${fmt(cpu)}]`);
    }
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  process.exit(0);
}

void main();
