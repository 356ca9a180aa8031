// The training-step walkthrough's stage registry: one definition per id of BACKWARD_STAGE_IDS,
// in that order. Each stage lives in its own folder (<id>/index.tsx + content.ts); see
// ../CONTEXT.md for how to write one.
import { BACKWARD_STAGE_IDS, type BackwardStageId } from '../../../model/stageIds';
import type { BackwardStageDefinition } from '../types';
import { attentionGradStage } from './attention-grad';
import { crossGradStage } from './cross-grad';
import { embeddingGradStage } from './embedding-grad';
import { logitsGradStage } from './logits-grad';
import { lossStage } from './loss';
import { outputGradStage } from './output-grad';
import { residualFlowStage } from './residual-flow';
import { updateStage } from './update';

const BY_ID: Record<BackwardStageId, BackwardStageDefinition> = {
  loss: lossStage,
  'logits-grad': logitsGradStage,
  'output-grad': outputGradStage,
  'attention-grad': attentionGradStage,
  'cross-grad': crossGradStage,
  'residual-flow': residualFlowStage,
  'embedding-grad': embeddingGradStage,
  update: updateStage,
};

for (const [id, stage] of Object.entries(BY_ID)) {
  if (stage.id !== id) throw new Error(`backward stage registry: the entry for '${id}' says its id is '${stage.id}'`);
}

/** Every training-step stage, in order (loss first, the update last). */
export const BACKWARD_STAGES: readonly BackwardStageDefinition[] = BACKWARD_STAGE_IDS.map((id) => BY_ID[id]);

export function backwardStageById(id: BackwardStageId): BackwardStageDefinition {
  return BY_ID[id];
}
