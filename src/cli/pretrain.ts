// npm run pretrain -- [--steps N] [--batch B] [--seed S] [--threads T] [--out PATH] …
// Trains the default model on the toy grammar from a fixed seed on the CPU engine, data
// parallel over worker threads (the main thread computes one share of each batch), and
// writes the checkpoint the app ships.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createCpuBackend } from '../engine/cpu';
import { makeBatch } from '../data/batch';
import { groupBatches } from '../data/bucket';
import { sentenceKey, toyTrainStream, toyValidationSet } from '../data/streams';
import { generateToyCorpus } from '../data/toyGenerator';
import type { TokenPair } from '../data/toySentence';
import { toyVocabs } from '../data/toyVocab';
import { PAD_ID } from '../data/vocab';
import { serializeCheckpoint } from '../model/checkpoint';
import { DEFAULT_CONFIG, DEFAULT_VARIANT } from '../model/config';
import { Transformer } from '../model/transformer';
import { evaluate } from '../train/evaluate';
import { learningRate, type Schedule } from '../train/schedule';
import { applyUpdate, DEFAULT_OPTIMIZER, forwardBackward, type OptimizerSettings } from '../train/step';
import type { WorkerJob, WorkerResult } from './gradWorker';
import { CliError, runCli, SHIPPED_CHECKPOINT } from './common';

/** The seed of the sentences the final score is measured on: never used for training. */
export const EVAL_SEED = 424_242;

function options() {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '2000' },
      batch: { type: 'string', default: '64' },
      seed: { type: 'string', default: '1' },
      lr: { type: 'string', default: '1e-3' },
      warmup: { type: 'string', default: '300' },
      threads: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      'eval-every': { type: 'string', default: '500' },
      valid: { type: 'string', default: '500' },
      // Stop early once validation exact match reaches this (above 1: never).
      target: { type: 'string', default: '2' },
      out: { type: 'string', default: SHIPPED_CHECKPOINT },
    },
  });
  const num = (k: keyof typeof values) => {
    const v = Number(values[k]);
    if (!Number.isFinite(v) || v <= 0) throw new CliError(`--${k} must be a positive number, got ${values[k]}`);
    return v;
  };
  return {
    steps: num('steps'),
    batch: num('batch'),
    seed: num('seed'),
    lr: num('lr'),
    warmup: num('warmup'),
    threads: num('threads'),
    evalEvery: num('eval-every'),
    valid: num('valid'),
    target: num('target'),
    out: values.out!,
  };
}

/** Deal rows round-robin into k shares, so each share gets a mix of lengths. */
function shares<T>(rows: readonly T[], k: number): T[][] {
  const out: T[][] = Array.from({ length: k }, () => []);
  rows.forEach((r, i) => out[i % k].push(r));
  return out.filter((s) => s.length > 0);
}

runCli(async () => {
  const o = options();
  const t0 = performance.now();
  const vocabs = toyVocabs();
  const vocab = { src: vocabs.src.size, tgt: vocabs.tgt.size };
  const config = DEFAULT_CONFIG;
  const be = createCpuBackend();
  const model = new Transformer(be, config, vocab, DEFAULT_VARIANT);
  model.initialize(o.seed);

  const valid = toyValidationSet(o.seed, o.valid);
  const exclude = new Set(valid.map(sentenceKey));
  const batches = groupBatches(toyTrainStream(o.seed, { exclude }), { batchSize: o.batch, bucketPool: 8, seed: o.seed });
  const schedule: Schedule = { kind: 'cosine', peak: o.lr, warmup: o.warmup, total: o.steps };
  const opt: OptimizerSettings = { ...DEFAULT_OPTIMIZER };

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
  log(`D=${config.dModel} H=${config.nHeads} layers=${config.nEncoderLayers}+${config.nDecoderLayers} F=${config.dFF}, batch ${o.batch}, ${o.threads} thread(s), up to ${o.steps} steps`);

  let step = 0;
  let validExactMatch = 0;
  let lossSum = 0;
  let tokens = 0;
  const scratch = be.tensor([model.arena.length], null, 'f32', 'worker.grads');
  while (step < o.steps) {
    step++;
    const pairs: TokenPair[] = batches.next().value!;
    const parts = shares(pairs, o.threads).map((p) => makeBatch(p, vocabs, config.maxLen));
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
      const r = await evaluate(model, valid, vocabs);
      validExactMatch = r.exactMatch;
      log(`step ${step}  loss ${(lossSum / tokens).toFixed(4)}  lr ${learningRate(schedule, step).toExponential(2)}  valid exact ${(r.exactMatch * 100).toFixed(1)}%  tokens ${(r.tokenAccuracy * 100).toFixed(1)}%`);
      lossSum = 0;
      tokens = 0;
      if (r.exactMatch >= o.target) break;
    }
  }
  for (const w of workers) await w.terminate();

  const fresh = generateToyCorpus(EVAL_SEED, 1000);
  const final = await evaluate(model, fresh, vocabs);
  const seconds = (performance.now() - t0) / 1000;
  log(`eval on 1000 fresh sentences (seed ${EVAL_SEED}): exact ${(final.exactMatch * 100).toFixed(2)}%, tokens ${(final.tokenAccuracy * 100).toFixed(2)}%, BLEU ${(final.bleu * 100).toFixed(2)}`);
  for (const [lo, hi] of [[1, 6], [7, 9], [10, 12], [13, 15]]) {
    const idx = fresh.map((p, i) => [p, i] as const).filter(([p]) => p.en.length >= lo && p.en.length <= hi);
    const ok = idx.filter(([p, i]) => final.hypotheses[i].join(' ') === p.zh.join(' ')).length;
    log(`  English length ${lo}–${hi}: ${idx.length} sentences, exact ${idx.length ? ((ok / idx.length) * 100).toFixed(1) : '–'}%`);
  }
  const text = serializeCheckpoint({
    config,
    vocab: { src: [...vocabs.src.tokens], tgt: [...vocabs.tgt.tokens] },
    dataset: 'en-zh-toy',
    variant: DEFAULT_VARIANT,
    meta: {
      steps: step,
      seed: o.seed,
      batch: o.batch,
      schedule,
      labelSmoothing: opt.labelSmoothing,
      validExactMatch,
      evalExactMatch: final.exactMatch,
      evalSeed: EVAL_SEED,
      wallSeconds: Math.round(seconds),
      threads: o.threads,
      trainedWith: 'npm run pretrain (CPU engine)',
    },
    weights: await model.getWeights(),
  });
  writeFileSync(o.out, text);
  log(`wrote ${o.out} (${(text.length / 1024).toFixed(0)} KiB) after ${step} steps in ${(seconds / 60).toFixed(1)} min`);
});
