// The what-if experiments of the curriculum. Each id names a preset in the Train view
// (src/train/experiments.ts holds their configs) and may be linked from study cards.
export const EXPERIMENT_IDS = [
  'positions-off', // no positional encoding: word order is lost
  'causal-mask-off', // decoder self-attention sees the future during training
  'no-scaling', // scores not divided by √Dh: softmax saturates
  'one-head', // 1 head instead of 4
  'head-off', // one head switched off at inference
  'pre-norm', // pre-norm instead of the paper's post-norm
  'gelu', // GELU instead of ReLU
  'lr-too-high', // a learning rate far too high: the divergence guard steps in
  'decode-steps', // step through autoregressive decoding one token at a time
] as const;

export type ExperimentId = (typeof EXPERIMENT_IDS)[number];

export function isExperimentId(s: string): s is ExperimentId {
  return (EXPERIMENT_IDS as readonly string[]).includes(s);
}
