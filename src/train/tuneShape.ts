// The products the WebGPU engine times to pick its matmul form for a run (engine/webgpu/tune.ts):
// the feed-forward layer's, at the run's batch of typical sentences.
import type { TuneShape } from '../engine/webgpu';
import type { TrainingConfig } from './trainingConfig';

/** Tokens per sentence the timing assumes (the toy grammar's are 5–12, Tatoeba's short ones alike). */
const TYPICAL_TOKENS = 8;

export function tuneShapeOf(config: TrainingConfig): TuneShape {
  return { rows: config.batchSize * TYPICAL_TOKENS, inner: config.model.dModel, outer: config.model.dFF };
}
