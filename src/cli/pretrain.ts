// npm run pretrain -- [--family encoder-decoder|decoder|encoder] [--steps N] [--batch B] [--seed S]
//                     [--threads T] [--out PATH] …
// Trains a model of the family (the translator by default; pretrainPlans.ts says what each
// family trains on and how it is measured) on the toy grammar from a fixed seed on the CPU
// engine, data parallel over worker threads (the main thread computes one share of each batch),
// and writes the checkpoint the app ships for that family.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createCpuBackend } from '../engine/cpu';
import { PAD_ID } from '../data/vocab';
import { serializeCheckpoint } from '../model/checkpoint';
import { DEFAULT_VARIANT, MODEL_FAMILIES, type ModelFamily } from '../model/config';
import { Transformer } from '../model/transformer';
import { learningRate, type Schedule } from '../train/schedule';
import { applyUpdate, DEFAULT_OPTIMIZER, forwardBackward, type OptimizerSettings } from '../train/step';
import type { WorkerJob, WorkerResult } from './gradWorker';
import { CliError, runCli } from './common';
import { CHECKPOINT_PATHS, planFor } from './pretrainPlans';

export { EVAL_SEED } from './pretrainPlans';

/** Steps and batch size when not given: the shipped checkpoints' recipes. */
const DEFAULT_STEPS: Record<ModelFamily, number> = { 'encoder-decoder': 2000, decoder: 3000, encoder: 20000 };
const DEFAULT_BATCH: Record<ModelFamily, number> = { 'encoder-decoder': 64, decoder: 64, encoder: 128 };

function options() {
  const { values } = parseArgs({
    options: {
      family: { type: 'string', default: 'encoder-decoder' },
      steps: { type: 'string' },
      batch: { type: 'string' },
      seed: { type: 'string', default: '1' },
      lr: { type: 'string', default: '1e-3' },
      warmup: { type: 'string', default: '300' },
      threads: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      'eval-every': { type: 'string', default: '500' },
      valid: { type: 'string', default: '500' },
      // Stop early once the validation score reaches this (above 1: never).
      target: { type: 'string', default: '2' },
      out: { type: 'string' },
    },
  });
  const family = values.family as ModelFamily;
  if (!MODEL_FAMILIES.includes(family)) throw new CliError(`--family must be one of ${MODEL_FAMILIES.join(', ')}, got ${values.family}`);
  const num = (k: keyof typeof values, fallback?: number) => {
    if (values[k] === undefined && fallback !== undefined) return fallback;
    const v = Number(values[k]);
    if (!Number.isFinite(v) || v <= 0) throw new CliError(`--${k} must be a positive number, got ${values[k]}`);
    return v;
  };
  return {
    family,
    steps: num('steps', DEFAULT_STEPS[family]),
    batch: num('batch', DEFAULT_BATCH[family]),
    seed: num('seed'),
    lr: num('lr'),
    warmup: num('warmup'),
    threads: num('threads'),
    evalEvery: num('eval-every'),
    valid: num('valid'),
    target: num('target'),
    out: values.out ?? CHECKPOINT_PATHS[family],
  };
}

runCli(async () => {
  const o = options();
  const t0 = performance.now();
  const plan = planFor(o.family, o);
  const { config, vocab } = plan;
  const be = createCpuBackend();
  const model = new Transformer(be, config, vocab, DEFAULT_VARIANT);
  model.initialize(o.seed);

  const schedule: Schedule = { kind: 'cosine', peak: o.lr, warmup: o.warmup, total: o.steps };
  const opt: OptimizerSettings = { ...DEFAULT_OPTIMIZER, labelSmoothing: plan.labelSmoothing };

  const workers = Array.from({ length: o.threads - 1 }, () => {
    const w = new Worker(new URL('./tsWorker.mjs', import.meta.url), {
      workerData: { entry: new URL('./gradWorker.ts', import.meta.url).href },
    });
    w.postMessage({ kind: 'init', config, vocab, variant: DEFAULT_VARIANT });
    return w;
  });
  // One job in flight per worker: its reply settles the pending promise.
  const pending = new Map<Worker, { res: (r: WorkerResult) => void; rej: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (r: WorkerResult) => pending.get(w)?.res(r));
    w.on('error', (e) => pending.get(w)?.rej(e));
  }
  const ask = (w: Worker, job: WorkerJob) =>
    new Promise<WorkerResult>((res, rej) => {
      pending.set(w, { res, rej });
      w.postMessage(job);
    });

  const log = (s: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)}s] ${s}\n`);
  const layers = o.family === 'decoder' ? `${config.nDecoderLayers} decoder` : o.family === 'encoder' ? `${config.nEncoderLayers} encoder` : `${config.nEncoderLayers}+${config.nDecoderLayers}`;
  log(`${o.family}: D=${config.dModel} H=${config.nHeads} layers=${layers} F=${config.dFF} maxLen=${config.maxLen} V=${o.family === 'encoder' ? vocab.src : vocab.tgt}, batch ${o.batch}, ${o.threads} thread(s), up to ${o.steps} steps`);

  let step = 0;
  let validMeta: Record<string, unknown> = {};
  let lossSum = 0;
  let tokens = 0;
  const scratch = be.tensor([model.arena.length], null, 'f32', 'worker.grads');
  while (step < o.steps) {
    step++;
    const parts = plan.nextShares(o.threads);
    const normalizer = parts.reduce((a, b) => a + b.nTokens, 0);
    const params = (await be.read(model.arena.params)) as Float32Array;
    const jobs = parts.slice(1).map((batch, i) =>
      ask(workers[i], { kind: 'job', params, batch, normalizer, labelSmoothing: opt.labelSmoothing, dropout: opt.dropout, padId: PAD_ID, seed: step * 31 + i + 1 }),
    );
    be.fill(model.arena.grads, 0);
    const mine = be.scope(() => forwardBackward(model, parts[0], opt, PAD_ID, step * 31, normalizer));
    lossSum += (await be.read(mine))[0];
    be.dispose(mine);
    for (const r of await Promise.all(jobs)) {
      be.write(scratch, r.grads);
      be.add(model.arena.grads, scratch, { out: model.arena.grads });
      lossSum += r.lossSum;
    }
    tokens += normalizer;
    be.scope(() => applyUpdate(model, { ...opt, lr: learningRate(schedule, step) }));

    if (step % o.evalEvery === 0 || step === o.steps) {
      const r = await plan.validate(model);
      validMeta = r.meta;
      log(`step ${step}  loss ${(lossSum / tokens).toFixed(4)}  lr ${learningRate(schedule, step).toExponential(2)}  ${r.line}`);
      lossSum = 0;
      tokens = 0;
      if (r.score >= o.target) break;
    }
  }
  for (const w of workers) await w.terminate();
  const trainSeconds = (performance.now() - t0) / 1000;

  const final = await plan.finalEval(model);
  for (const line of final.lines) log(line);
  const seconds = (performance.now() - t0) / 1000;
  const text = serializeCheckpoint({
    config,
    vocab: plan.vocabLists,
    dataset: plan.dataset,
    variant: DEFAULT_VARIANT,
    meta: {
      ...(o.family === 'encoder-decoder' ? {} : { family: o.family }),
      steps: step,
      seed: o.seed,
      batch: o.batch,
      schedule,
      labelSmoothing: opt.labelSmoothing,
      ...validMeta,
      ...final.meta,
      wallSeconds: Math.round(seconds),
      trainSeconds: Math.round(trainSeconds),
      threads: o.threads,
      trainedWith: `npm run pretrain${o.family === 'encoder-decoder' ? '' : ` -- --family ${o.family}`} (CPU engine)`,
    },
    weights: await model.getWeights(),
  });
  writeFileSync(o.out, text);
  log(`wrote ${o.out} (${(text.length / 1024).toFixed(0)} KiB) after ${step} steps in ${(seconds / 60).toFixed(1)} min`);
});
