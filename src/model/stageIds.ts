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
