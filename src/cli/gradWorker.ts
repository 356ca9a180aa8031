// A worker thread for data-parallel pretraining: it holds its own copy of the model on the
// CPU engine, receives the current weights and a slice of the batch, and sends back that
// slice's gradients (normalized by the whole batch's token count, so slices simply add up).
import { parentPort } from 'node:worker_threads';
import { createCpuBackend } from '../engine/cpu';
import type { ModelConfig, ModelVariant } from '../model/config';
import { Transformer } from '../model/transformer';
import { forwardBackward, type TrainBatch } from '../train/step';

export interface WorkerInit {
  kind: 'init';
  config: ModelConfig;
  vocab: { src: number; tgt: number };
  variant: ModelVariant;
}

export interface WorkerJob {
  kind: 'job';
  params: Float32Array; // the flat arena, as the CPU engine lays it out
  batch: TrainBatch;
  normalizer: number;
  labelSmoothing: number;
  dropout: number;
  padId: number;
  seed: number;
}

export interface WorkerResult {
  grads: Float32Array;
  lossSum: number;
}

let model: Transformer | null = null;

parentPort!.on('message', async (msg: WorkerInit | WorkerJob) => {
  if (msg.kind === 'init') {
    model = new Transformer(createCpuBackend(), msg.config, msg.vocab, msg.variant);
    return;
  }
  const m = model!;
  const be = m.be;
  be.write(m.arena.params, msg.params);
  be.fill(m.arena.grads, 0);
  const loss = be.scope(() => forwardBackward(m, msg.batch, msg, msg.padId, msg.seed, msg.normalizer));
  const lossSum = (await be.read(loss))[0];
  be.dispose(loss);
  const grads = (await be.read(m.arena.grads)) as Float32Array;
  const result: WorkerResult = { grads, lossSum };
  parentPort!.postMessage(result, [grads.buffer as ArrayBuffer]);
});
