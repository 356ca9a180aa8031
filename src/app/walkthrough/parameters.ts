// The model's parameters as the walkthrough shows them: the checkpoint's own host arrays (the
// values the translators uploaded, so no GPU readback), each with its shape, and what the
// checkpoint records about how it was trained. A result carries the set of the model that
// computed it, so the weights a panel draws always belong to the trace beside them.
import type { Checkpoint } from '../../model/checkpoint';
import { parameterEntries } from '../../model/parameters';
import type { ParameterSet, TrainingMeta } from '../../store/walkthroughResult';

/** One parameter: its shape and row-major values. Shared with the checkpoint: read only. */
export interface ParameterView {
  name: string;
  shape: readonly number[];
  data: Float32Array;
}

export function parameterSet(cp: Checkpoint): ParameterSet {
  const entries = parameterEntries(cp.config, { src: cp.vocab.src.length, tgt: cp.vocab.tgt.length });
  return { shapes: new Map(entries.map((e) => [e.name, e.shape])), values: cp.weights };
}

/** A parameter by name, or null when the model has none (e.g. `src_pos.weight` with sinusoids). */
export function parameterView(set: ParameterSet, name: string): ParameterView | null {
  const shape = set.shapes.get(name);
  const data = set.values.get(name);
  if (!shape || !data) return null;
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new Error(`parameter ${name}: ${data.length} values for shape (${shape.join(', ')})`);
  return { name, shape, data };
}

const isFraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1;

/**
 * The training facts a checkpoint records. Label smoothing is `meta.labelSmoothing` (the
 * command line and the Train view write it), else the Train view's older
 * `meta.optimizer.labelSmoothing`.
 */
export function trainingMeta(cp: Pick<Checkpoint, 'dataset' | 'meta'>): TrainingMeta {
  const meta = cp.meta;
  const optimizer = meta.optimizer && typeof meta.optimizer === 'object' ? (meta.optimizer as Record<string, unknown>) : {};
  const smoothing = isFraction(meta.labelSmoothing) ? meta.labelSmoothing : isFraction(optimizer.labelSmoothing) ? optimizer.labelSmoothing : null;
  const steps = typeof meta.steps === 'number' && Number.isInteger(meta.steps) && meta.steps >= 0 ? meta.steps : null;
  return { dataset: cp.dataset, steps, labelSmoothing: smoothing };
}
