// The stage registry: one definition per walkthrough stage, in the order of STAGE_IDS, and each
// family's list (FAMILY_STAGE_IDS: the stages that exist for it, in order).
// Each stage lives in its own folder (<id>/index.ts[x] + content.ts); see CONTEXT.md.
import { FAMILY_STAGE_IDS, OTHER_FAMILY_STAGE_IDS, STAGE_IDS, type FamilyId, type StageId } from '../../model/stageIds';
import { addNormStage } from './add-norm';
import { complexityStage } from './complexity';
import { concatStage } from './concat';
import { crossAttnStage } from './cross-attn';
import { decoderSelfAttnStage } from './decoder-self-attn';
import { decodingStage } from './decoding';
import { embeddingStage } from './embedding';
import { encoderStackStage } from './encoder-stack';
import { ffnStage } from './ffn';
import { fillMaskStage } from './fill-mask';
import { headsStage } from './heads';
import { maskStage } from './mask';
import { outputStage } from './output';
import { overviewStage } from './overview';
import { positionalStage } from './positional';
import { qkvStage } from './qkv';
import { scoresStage } from './scores';
import { softmaxStage } from './softmax';
import { tokensStage } from './tokens';
import type { StageDefinition } from './types';
import { weightedSumStage } from './weighted-sum';

const BY_ID: Record<StageId, StageDefinition> = {
  overview: overviewStage,
  tokens: tokensStage,
  embedding: embeddingStage,
  positional: positionalStage,
  qkv: qkvStage,
  scores: scoresStage,
  mask: maskStage,
  softmax: softmaxStage,
  'weighted-sum': weightedSumStage,
  heads: headsStage,
  concat: concatStage,
  'add-norm': addNormStage,
  ffn: ffnStage,
  'encoder-stack': encoderStackStage,
  'decoder-self-attn': decoderSelfAttnStage,
  'cross-attn': crossAttnStage,
  output: outputStage,
  decoding: decodingStage,
  complexity: complexityStage,
  'fill-mask': fillMaskStage,
};

for (const [id, stage] of Object.entries(BY_ID)) {
  if (stage.id !== id) throw new Error(`stage registry: the entry for '${id}' says its id is '${stage.id}'`);
}

/** Every stage of the encoder-decoder (the default family), in walkthrough order. */
export const STAGES: readonly StageDefinition[] = STAGE_IDS.map((id) => BY_ID[id]);

/** Every stage of any family: the encoder-decoder's, then those only another family has. */
export const ALL_STAGES: readonly StageDefinition[] = [...STAGE_IDS, ...OTHER_FAMILY_STAGE_IDS].map((id) => BY_ID[id]);

const BY_FAMILY: Record<FamilyId, readonly StageDefinition[]> = {
  'encoder-decoder': STAGES,
  decoder: FAMILY_STAGE_IDS.decoder.map((id) => BY_ID[id]),
  encoder: FAMILY_STAGE_IDS.encoder.map((id) => BY_ID[id]),
};

/** A stage's title and explanations as a family's walkthrough shows them. */
export function stageTexts(stage: StageDefinition, family: FamilyId): { title: StageDefinition['title']; explain: StageDefinition['explain'] } {
  const own = stage.familyTexts?.[family];
  return { title: own?.title ?? stage.title, explain: own?.explain ?? stage.explain };
}

/** A family's stages, in walkthrough order. */
export function familyStages(family: FamilyId): readonly StageDefinition[] {
  return BY_FAMILY[family];
}

export function stageById(id: StageId): StageDefinition {
  return BY_ID[id];
}

export type * from './types';
