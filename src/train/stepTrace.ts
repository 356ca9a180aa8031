// One training step on one sentence pair, recorded for the training-step walkthrough: the
// forward pass, the loss per target position and the gradient that reached every named point
// of the graph ('grad:<name>'), all from `forwardBackward` — the same backward that training
// runs — plus every parameter's gradient and the global gradient norm. Nothing here is a
// second implementation of the backward: the walkthrough only displays what this recorded.
import type { DispatchRecord, Shape } from '../engine/backend';
import { TraceRecorder, type Trace } from '../model/trace';
import type { Transformer } from '../model/transformer';
import { readParameterGradients } from './pairGradients';
import { forwardBackward, type TrainBatch } from './step';

export interface StepTraceOptions {
  /** ε of the label-smoothed cross-entropy (shared/docs/checkpoint.md, "Loss"). */
  labelSmoothing: number;
  padId: number;
  /** Record the step's dispatches, timed where the adapter has timestamp queries. */
  profile?: boolean;
}

export interface StepTrace {
  /** Forward points, 'loss.rows' (B·T) and 'grad:<point>' for every point the loss depends on. */
  trace: Trace;
  /** Σ over non-pad target positions of the per-position loss (float64 on the host). */
  lossSum: number;
  nTokens: number;
  /** lossSum / nTokens: the number a training step minimises. */
  loss: number;
  /** ∂L/∂w for every parameter, by checkpoint name, in the checkpoint's layout. */
  paramGrads: Map<string, Float32Array>;
  paramShapes: Map<string, Shape>;
  /** ‖∂L/∂θ‖ over all parameters: what gradient clipping compares with its threshold. */
  gradNorm: number;
  /** The step's dispatches (forward, loss, backward) when profiled, else empty. */
  records: DispatchRecord[];
}

/** Forward, loss and backward of one batch with everything recorded; dropout is off. */
export async function traceStep(model: Transformer, batch: TrainBatch, opts: StepTraceOptions): Promise<StepTrace> {
  const { be, arena } = model;
  const recorder = new TraceRecorder();
  be.fill(arena.grads, 0);
  const run = () =>
    be.scope(() => {
      forwardBackward(model, batch, { labelSmoothing: opts.labelSmoothing, dropout: 0 }, opts.padId, 1, batch.nTokens, recorder);
      return recorder.tensors();
    });
  let records: DispatchRecord[] = [];
  if (opts.profile) {
    const rec = be.recordDispatches(run, { profile: true });
    records = await rec.records;
  } else {
    run();
  }
  const trace = await recorder.materialize(be);

  const { grads: paramGrads, shapes: paramShapes } = await readParameterGradients(model);
  let sumSquares = 0;
  for (const g of paramGrads.values()) for (const x of g) sumSquares += x * x;

  const rows = trace.get('loss.rows').data;
  let lossSum = 0;
  for (let i = 0; i < rows.length; i++) if (batch.tgtOut[i] !== opts.padId) lossSum += rows[i];
  const nTokens = batch.nTokens;
  return { trace, lossSum, nTokens, loss: lossSum / Math.max(1, nTokens), paramGrads, paramShapes, gradNorm: Math.sqrt(sumSquares), records };
}
