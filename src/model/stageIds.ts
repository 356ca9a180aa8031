// The walkthrough's stages, in order. These ids appear in URLs (#/walkthrough/<id>), in
// study cards ("show me") and in tests, so they never change once shipped.
export const STAGE_IDS = [
  'overview',
  'tokens',
  'embedding',
  'positional',
  'qkv',
  'scores',
  'mask',
  'softmax',
  'weighted-sum',
  'heads',
  'concat',
  'add-norm',
  'ffn',
  'encoder-stack',
  'decoder-self-attn',
  'cross-attn',
  'output',
  'decoding',
  'complexity',
] as const;

export type StageId = (typeof STAGE_IDS)[number];

export function isStageId(s: string): s is StageId {
  return (STAGE_IDS as readonly string[]).includes(s);
}

// The training-step walkthrough's stages (#/backward/<id>): one optimisation step on one
// sentence pair, from the loss down to the updated weights. Stable like STAGE_IDS.
export const BACKWARD_STAGE_IDS = [
  'loss',
  'logits-grad',
  'output-grad',
  'attention-grad',
  'cross-grad',
  'residual-flow',
  'embedding-grad',
  'update',
] as const;

export type BackwardStageId = (typeof BACKWARD_STAGE_IDS)[number];

export function isBackwardStageId(s: string): s is BackwardStageId {
  return (BACKWARD_STAGE_IDS as readonly string[]).includes(s);
}
