// The output-grad panel: which convention the model follows, ∂L/∂(dec.out) after the output
// projection, LayerNorm's backward, the FFN's backward and the weight gradients so far — all
// read from the recorded step.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { AXES } from '../../../stages/shared/content';
import { dimensionLabels } from '../../../stages/shared/labels';
import type { BackwardPanelProps } from '../../types';
import { GradHeatmap } from '../shared/GradHeatmap';
import { formatGrad } from '../shared/gradStats';
import { text } from './content';
import { FfnGradSection } from './FfnGradSection';
import { LnGradSection } from './LnGradSection';
import { grad, outputGradNames } from './names';
import { conventionText } from './texts';
import { WeightGradTable } from './WeightGradTable';

export function OutputGradPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const names = useMemo(() => outputGradNames(ctx.config), [ctx.config]);
  const { targetInput, targetOutput } = ctx.labels;
  const w = ctx.param(names.params.out)?.shape ?? [ctx.config.dModel, ctx.result.vocabSizes.tgt];
  const tip = (r: number) =>
    tx(text.decOutTip, { t: r, token: targetInput[r], next: targetOutput[r], loss: formatGrad(ctx.result.lossRows[r] ?? NaN) });
  return (
    <div className="output-grad">
      <p className="note" data-testid="output-grad-convention">
        {tx(conventionText(ctx.config))}
      </p>
      <section aria-labelledby="output-grad-proj">
        <h3 id="output-grad-proj">{tx(text.projTitle)}</h3>
        <p>{tx(text.projIntro, { w: `(${w.join(', ')})` })}</p>
        <GradHeatmap
          trace={ctx.trace}
          name={grad('dec.out')}
          rowLabels={targetInput}
          colLabels={dimensionLabels(ctx.config.dModel)}
          rowAxis={tx(text.position)}
          colAxis={tx(AXES.dimension)}
          title={tx(text.decOutTitle)}
          legendLabel={tx(text.gradLegend)}
          describeCell={tip}
          testId="output-grad-dec-out"
        />
      </section>
      <LnGradSection ctx={ctx} names={names} labels={targetInput} />
      <FfnGradSection ctx={ctx} names={names} labels={targetInput} />
      <WeightGradTable ctx={ctx} names={names} />
    </div>
  );
}
