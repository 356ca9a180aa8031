// Benchmark of CPU training at the Train view's default settings (DEFAULT_TRAINING_CONFIG:
// D = 48, 2 + 2 layers, batch 32, evaluation every 50 steps, probe every 10, snapshot every
// 20), in Node. Not a test; numbers are printed, never asserted:
//   npx tsx src/train/cpuTrain.bench.ts [--seconds 8] [--rounds 5] [--profile]
// - trainer: the in-page Trainer on one CPU backend, as the worker runs it (frameBudgetMs 0):
//   start, wait, pause; steps per second of training time, median of rounds.
// - steps: bare trainStep calls on the same batches (no evaluation, no probe), median.
// - --profile: wall time per kernel over 20 steps (where the time goes).
import { parseArgs } from 'node:util';
import { createCpuBackend } from '../engine/cpu';
import type { DispatchRecord } from '../engine/backend';
import { PAD_ID } from '../data';
import { Transformer } from '../model/transformer';
import { toyData } from './data';
import { trainStep } from './step';
import { cpuTrainer } from './testing';
import { DEFAULT_TRAINING_CONFIG } from './trainingConfig';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    profile: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
  },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const config = DEFAULT_TRAINING_CONFIG;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');

async function trainerRate(): Promise<number> {
  const { trainer } = await cpuTrainer(config);
  // frameBudgetMs 0, as in the worker: same loop as the tab.
  (trainer as unknown as { budget: number }).budget = 0;
  await trainer.step(10); // warm-up (JIT)
  let ms = 0;
  let last = 0;
  trainer.subscribe((e) => {
    if (e.type === 'steps') for (const p of e.points) ms = p.elapsedMs;
  });
  trainer.subscribe((e) => {
    if (e.type === 'steps') last = e.points[e.points.length - 1].step;
  });
  const s0 = trainer.steps;
  trainer.start();
  await sleep(1000);
  const t0Step = last;
  const t0Ms = ms;
  await sleep(SECONDS * 1000);
  await trainer.pause();
  trainer.dispose();
  void s0;
  return ((last - t0Step) * 1000) / (ms - t0Ms);
}

function stepRate(): number {
  const be = createCpuBackend();
  const data = toyData(config);
  const model = new Transformer(be, config.model, { src: data.vocabs.src.size, tgt: data.vocabs.tgt.size }, config.variant);
  model.initialize(1);
  const batches = Array.from({ length: 16 }, () => data.nextBatch());
  for (let i = 0; i < 16; i++) trainStep(model, batches[i], config.optimizer, PAD_ID, i);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) trainStep(model, batches[n++ % 16], config.optimizer, PAD_ID, n);
  return (n * 1000) / (performance.now() - t0);
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
  console.log(`default config: D=${model.dModel} H=${model.nHeads} ${model.nEncoderLayers}+${model.nDecoderLayers} F=${model.dFF}, batch ${config.batchSize}; ${ROUNDS} rounds of ${SECONDS} s`);
  if (values.profile) return profile();
  if (!values.only || values.only === 'steps') {
    const rates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) rates.push(stepRate());
    console.log(`steps   (bare trainStep)  median ${median(rates).toFixed(2)} steps/s   [${fmt(rates)}]`);
  }
  if (!values.only || values.only === 'trainer') {
    const rates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) rates.push(await trainerRate());
    console.log(`trainer (as in the tab)   median ${median(rates).toFixed(2)} steps/s   [${fmt(rates)}]`);
  }
  const load = (await import('node:os')).loadavg();
  console.log(`load average ${load.map((x) => x.toFixed(2)).join(' ')}`);
}

void main();
