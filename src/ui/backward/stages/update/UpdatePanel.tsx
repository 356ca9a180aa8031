// The update stage: clipping, Adam for a chosen tensor (engine and host side by side), the
// update-to-weight ratio per layer, what the step does to this pair (loss, one attention map),
// and the choice to keep the step.
import { useMemo } from 'react';
import type { BackwardPanelProps } from '../../types';
import { ApplyControls } from './ApplyControls';
import { pickerGroups } from './groups';
import { RatioSection } from './RatioSection';
import { StepEffect } from './StepEffect';
import { ClipSection, TensorStepSection } from './TensorStepSection';

export function UpdatePanel({ ctx }: BackwardPanelProps) {
  const options = useMemo(() => pickerGroups(ctx.result.parameters.shapes.keys(), ctx.side, ctx.layer), [ctx.result, ctx.side, ctx.layer]);
  return (
    <div className="update-stage">
      <ClipSection ctx={ctx} />
      <TensorStepSection ctx={ctx} options={options} />
      <RatioSection ctx={ctx} />
      <StepEffect ctx={ctx} />
      <ApplyControls ctx={ctx} />
    </div>
  );
}
