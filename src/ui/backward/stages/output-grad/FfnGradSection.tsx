// The gradient entering the last decoder layer's FFN: copied by the residual sum, mapped back to
// the hidden units by W₂ᵀ, and blocked (ReLU) or damped (GELU) by the activation's backward —
// counted per position from the recorded tensors.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { AXES } from '../../../stages/shared/content';
import { dimensionLabels } from '../../../stages/shared/labels';
import type { BackwardStageContext } from '../../types';
import { GradHeatmap } from '../shared/GradHeatmap';
import { formatGrad, maxDiff } from '../shared/gradStats';
import { text } from './content';
import { grad, type OutputGradNames } from './names';
import { blockedUnits } from './stats';
import { blockedText } from './texts';

export function useFfnGrad(ctx: BackwardStageContext, names: OutputGradNames) {
  const { trace, config } = ctx;
  return useMemo(() => {
    const hidden = trace.matrix(names.ffn.hidden); // (T, F)
    const act = trace.matrix(names.ffn.act);
    const dAct = trace.matrix(grad(names.ffn.act));
    const dHidden = trace.matrix(grad(names.ffn.hidden));
    const copied = maxDiff(trace.get(grad(names.ffn.out)).data, trace.get(grad(names.lnIn)).data);
    return { hidden, act, dAct, dHidden, copied, blocked: blockedUnits(config.activation, hidden, act, dAct, dHidden) };
  }, [trace, config.activation, names]);
}

export function FfnGradSection({ ctx, names, labels }: { ctx: BackwardStageContext; names: OutputGradNames; labels: readonly string[] }) {
  const { text: tx } = useText();
  const F = ctx.config.dFF;
  const relu = ctx.config.activation === 'relu';
  const f = useFfnGrad(ctx, names);
  const axes = { rowLabels: labels, colLabels: dimensionLabels(F, 'h'), rowAxis: tx(text.position), colAxis: tx(AXES.hidden), legendLabel: tx(text.gradLegend) };
  const tip = (r: number, c: number) =>
    tx(text.hiddenTip, { h: formatGrad(f.hidden[r][c]), a: formatGrad(f.act[r][c]), da: formatGrad(f.dAct[r][c]), dh: formatGrad(f.dHidden[r][c]) });
  return (
    <section aria-labelledby="output-grad-ffn">
      <h3 id="output-grad-ffn">{tx(text.ffnTitle)}</h3>
      <p data-testid="output-grad-copied">{tx(text.ffnIntro, { d: formatGrad(f.copied), f: F })}</p>
      <div className="heatmap-row">
        <GradHeatmap trace={ctx.trace} name={grad(names.ffn.act)} {...axes} title={tx(text.actTitle, { name: names.ffn.act })} describeCell={tip} testId="output-grad-act" />
        <GradHeatmap
          trace={ctx.trace}
          name={grad(names.ffn.hidden)}
          {...axes}
          title={tx(text.hiddenTitle, { name: names.ffn.hidden })}
          describeCell={tip}
          testId="output-grad-hidden"
        />
      </div>
      <p data-testid="output-grad-blocked-summary">{tx(blockedText(ctx.config.activation, f.blocked.all))}</p>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.blockedCaption, { f: F })}>
        <table className="data-table" data-testid="output-grad-blocked">
          <caption>{tx(text.blockedCaption, { f: F })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.token)}</th>
              <th scope="col">{tx(relu ? text.reluOff : text.geluOff)}</th>
              <th scope="col">{tx(relu ? text.reluZero : text.geluDamped)}</th>
              <th scope="col">{tx(text.both)}</th>
            </tr>
          </thead>
          <tbody>
            {f.blocked.rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{labels[i]}</th>
                <td className="num" data-col="off">{row.off}</td>
                <td className="num" data-col="blocked">{row.blocked}</td>
                <td className="num" data-col="both">{row.both}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
