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

/** Stages only another family has (the encoder-only model's MLM head). Stable like STAGE_IDS. */
export const OTHER_FAMILY_STAGE_IDS = ['fill-mask'] as const;

export type StageId = (typeof STAGE_IDS)[number] | (typeof OTHER_FAMILY_STAGE_IDS)[number];

export function isStageId(s: string): s is StageId {
  return (STAGE_IDS as readonly string[]).includes(s) || (OTHER_FAMILY_STAGE_IDS as readonly string[]).includes(s);
}

// The three model families (config.family, shared/docs/checkpoint.md) and each one's walkthrough:
// the stages that exist for it, in order. The walkthrough shell, URLs (#/walkthrough/<id>?family=…),
// keyboard stepping and study links work on whichever list is chosen. Kept free of imports so
// the study deck can use it.
export const FAMILY_IDS = ['encoder-decoder', 'decoder', 'encoder'] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];
export const DEFAULT_FAMILY: FamilyId = 'encoder-decoder';

export function isFamilyId(s: string | undefined): s is FamilyId {
  return s !== undefined && (FAMILY_IDS as readonly string[]).includes(s);
}

export const FAMILY_STAGE_IDS: Readonly<Record<FamilyId, readonly StageId[]>> = {
  // The translator: every stage of the paper's model.
  'encoder-decoder': STAGE_IDS,
  // GPT-style: one causal stack over `<bos> English <sep> Chinese`; no encoder, no cross-attention.
  decoder: [
    'overview', 'tokens', 'embedding', 'positional', 'qkv', 'scores', 'mask', 'softmax', 'weighted-sum', 'heads',
    'concat', 'add-norm', 'ffn', 'decoder-self-attn', 'output', 'decoding', 'complexity',
  ],
  // BERT-style: one bidirectional stack and the MLM head at each <mask>; no decoder.
  encoder: [
    'overview', 'tokens', 'embedding', 'positional', 'qkv', 'scores', 'mask', 'softmax', 'weighted-sum', 'heads',
    'concat', 'add-norm', 'ffn', 'encoder-stack', 'fill-mask', 'complexity',
  ],
};

/**
 * Where a stage that a family lacks is shown instead (a link to cross-attn with family=decoder
 * opens the decoder's self-attention, and says so).
 */
export const STAGE_STAND_INS: Readonly<Record<FamilyId, Partial<Record<StageId, StageId>>>> = {
  'encoder-decoder': { 'fill-mask': 'output' },
  decoder: { 'encoder-stack': 'decoder-self-attn', 'cross-attn': 'decoder-self-attn', 'fill-mask': 'output' },
  encoder: { 'decoder-self-attn': 'mask', 'cross-attn': 'encoder-stack', output: 'fill-mask', decoding: 'fill-mask' },
};

/** The stage a family shows for `stage`: itself when the family has it, else its stand-in. */
export function familyStage(family: FamilyId, stage: StageId): StageId {
  return FAMILY_STAGE_IDS[family].includes(stage) ? stage : (STAGE_STAND_INS[family][stage] ?? 'overview');
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
