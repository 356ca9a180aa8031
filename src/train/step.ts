// One optimisation step: forward with a tape, fused softmax cross-entropy, backward through
// the whole graph, global gradient norm, AdamW — encoded as one submission on WebGPU with
// nothing awaited. Loss and gradient norm come back later through the readback ring.
import type { ReadbackTicket, Tensor } from '../engine/backend';
import { Tape } from '../model/tape';
import type { TraceRecorder } from '../model/trace';
import type { SourceInput, TargetInput, Transformer } from '../model/transformer';

/**
 * One batch of any family: the translator's (src/data/batch.ts) or a one-stack family's
 * (src/data/families.ts: decoder-only sequences with srcLen 0; encoder-only with tgtLen = srcLen).
 */
export interface TrainBatch extends SourceInput, TargetInput {
  /** (B·T) the target of each logits row (translator: target + <eos>), padded with the pad id (ignored by the loss). */
  tgtOut: Int32Array;
  /** Number of non-pad target tokens. */
  nTokens: number;
}

export interface OptimizerSettings {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** Global gradient-norm clip; 0 disables clipping. */
  maxNorm: number;
  labelSmoothing: number;
  dropout: number;
}

/**
 * Adam's settings as `npm run pretrain` (the shipped checkpoints), the training-step view and
 * the speed benchmarks use them. The Train view's recipe (DEFAULT_TRAINING_CONFIG.optimizer)
 * starts from these with a higher peak rate.
 */
export const DEFAULT_OPTIMIZER: OptimizerSettings = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.98, // the paper's β2
  eps: 1e-9,
  weightDecay: 0,
  maxNorm: 1,
  labelSmoothing: 0.1,
  dropout: 0,
};

export interface StepTickets {
  /** (1) Σ per-token loss over the batch; divide by nTokens for the mean. */
  lossSum: ReadbackTicket | null;
  /** (1) Σ g² before clipping. */
  gradSumSquares: ReadbackTicket | null;
}

/**
 * Forward with a tape, fused cross-entropy, backward: gradients are *accumulated* into the
 * arena (the caller zeroes them). `normalizer` defaults to the batch's token count; a
 * data-parallel worker passes the whole batch's count so partial gradients add up.
 * With `trace`, every named point is recorded with the gradient that reached it
 * ('grad:<name>'), plus 'loss.rows' (B·T) and 'grad:logits' = ∂L/∂logits: the training-step
 * walkthrough shows exactly this backward. Without a trace the graph runs its fused kernels
 * (`opt.fuse: false` turns them off; model/context.ts, fused()). Returns (1) Σ per-token loss.
 * Call inside a backend scope.
 */
export function forwardBackward(
  model: Transformer,
  batch: TrainBatch,
  opt: Pick<OptimizerSettings, 'labelSmoothing' | 'dropout'> & { fuse?: boolean },
  padId: number,
  seed: number,
  normalizer = batch.nTokens,
  trace?: TraceRecorder,
): Tensor {
  const { be } = model;
  const N = batch.batch * batch.tgtLen;
  const tape = new Tape(be);
  const ctx = model.context({ tape, trace, dropout: opt.dropout, seed, fuse: opt.fuse });
  const logits = model.forward(ctx, batch); // (B·T, V), whatever the family
  const targets = be.tensor([N], batch.tgtOut, 'i32', 'tgt.out');
  const ce = be.labelScope('loss', () =>
    be.crossEntropy(logits, targets, {
      smoothing: opt.labelSmoothing,
      ignoreIndex: padId,
      normalizer: Math.max(1, normalizer),
    }),
  );
  tape.backward(logits, ce.dLogits);
  if (trace) {
    trace.put('loss.rows', ce.loss);
    trace.recordGradients(tape);
  }
  return be.colSum(be.reshape(ce.loss, [N, 1])); // (1)
}

/**
 * Clip by the global gradient norm and apply AdamW; returns (1) Σ g² before clipping. Adam's
 * bias correction uses the arena's own count of applied updates (`arena.adamStep`), which a
 * step skipped for a non-finite gradient norm does not advance — on either engine, without a
 * readback. The training step number (schedule, data) is the caller's and may run ahead of it.
 */
export function applyUpdate(model: Transformer, opt: OptimizerSettings): Tensor {
  const { be, arena } = model;
  const gss = be.sumSquares(arena.grads); // (1)
  be.adam(arena, {
    lr: opt.lr,
    beta1: opt.beta1,
    beta2: opt.beta2,
    eps: opt.eps,
    weightDecay: opt.weightDecay,
    gradSumSquares: gss,
    maxNorm: opt.maxNorm > 0 ? opt.maxNorm : 1e30, // 1e30: no clipping, still finite in f32
  });
  return gss;
}

/**
 * Encode one whole training step (`seed` drives dropout). Returns readback tickets (null when
 * the ring was full) — never waits for the device.
 */
export function trainStep(model: Transformer, batch: TrainBatch, opt: OptimizerSettings, padId: number, seed: number): StepTickets {
  const { be, arena } = model;
  let tickets: StepTickets = { lossSum: null, gradSumSquares: null };
  be.scope(() => {
    be.fill(arena.grads, 0);
    const lossSum = forwardBackward(model, batch, opt, padId, seed);
    const gss = applyUpdate(model, opt);
    tickets = { lossSum: be.readback(lossSum, 'loss'), gradSumSquares: be.readback(gss, 'grad-norm') };
    be.flush();
  });
  return tickets;
}
