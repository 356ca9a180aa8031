// The attention-grad panel: one self-attention head of the recorded step, backwards — dC as it
// arrives, dV and dP from C = P·V, the softmax's backward dP → dS (rows summing to 0, masked
// cells exactly 0), and dQ, dK with the scaling factor; per position the three gradients' sizes.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { AXES, selfAttentionKind } from '../../../stages/shared/content';
import { dimensionLabels } from '../../../stages/shared/labels';
import { headDim } from '../../../stages/shared/names';
import type { BackwardPanelProps } from '../../types';
import { GradHeatmap } from '../shared/GradHeatmap';
import { formatGrad, rowNorms } from '../shared/gradStats';
import { ParamGradTable } from '../shared/ParamGradTable';
import { headSoftmax } from '../shared/softmaxGrad';
import { softmaxGradText } from '../shared/softmaxGradContent';
import { SoftmaxGradTable } from '../shared/SoftmaxGradTable';
import { text } from './content';
import { selfGrad, selfParamPrefix, selfParams } from './names';
import { reachText, scaleText } from './texts';

export function AttentionGradPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { trace, side, layer, head } = ctx;
  const dh = headDim(ctx.config);
  const labels = side === 'enc' ? ctx.labels.source : ctx.labels.targetInput;
  const where = tx(text.which, { kind: tx(selfAttentionKind(side)), layer, head });
  const sm = useMemo(() => headSoftmax(trace, side, layer, 'self', head), [trace, side, layer, head]);
  const norms = useMemo(() => {
    const n = (part: 'q' | 'k' | 'v') => rowNorms(trace.matrix(selfGrad(side, layer, part), head));
    return { q: n('q'), k: n('k'), v: n('v') };
  }, [trace, side, layer, head]);

  const square = {
    trace,
    head,
    rowLabels: labels,
    colLabels: labels,
    rowAxis: tx(AXES.query),
    colAxis: tx(AXES.key),
    masked: sm.masked,
    legendLabel: tx(text.legend),
  };
  const perHead = (rowAxis: string) => ({
    trace,
    head,
    rowLabels: labels,
    colLabels: dimensionLabels(dh),
    rowAxis,
    colAxis: tx(AXES.headDim),
    legendLabel: tx(text.legend),
  });
  const weightsTip = (r: number, c: number) => tx(sm.masked(r, c) ? text.weightsMaskedTip : text.weightsTip, { v: formatGrad(sm.dp[r][c]) });
  const scoreTip = (r: number, c: number) => {
    if (sm.masked(r, c)) return tx(softmaxGradText.tipMasked, { ds: formatGrad(sm.ds[r][c]) });
    const g = sm.rows[r].weightedMean;
    return tx(softmaxGradText.tipScore, {
      p: formatGrad(sm.p[r][c]),
      dp: formatGrad(sm.dp[r][c]),
      g: formatGrad(g),
      calc: formatGrad(sm.p[r][c] * (sm.dp[r][c] - g)),
      ds: formatGrad(sm.ds[r][c]),
    });
  };
  return (
    <div className="attention-grad">
      <p>{tx(text.intro, { where })}</p>
      <section aria-labelledby="attention-grad-arrive">
        <h3 id="attention-grad-arrive">{tx(text.arriveTitle)}</h3>
        <p>{tx(text.arriveIntro, { head, from: head * dh, to: (head + 1) * dh - 1, dh })}</p>
        <GradHeatmap {...perHead(tx(AXES.query))} name={selfGrad(side, layer, 'context')} title={`${tx(text.contextTitle)} · ${where}`} testId="attention-grad-context" />
      </section>
      <section aria-labelledby="attention-grad-split">
        <h3 id="attention-grad-split">{tx(text.splitTitle)}</h3>
        <p>{tx(text.splitIntro)}</p>
        <div className="heatmap-row">
          <GradHeatmap {...square} name={selfGrad(side, layer, 'weights')} title={`${tx(text.weightsTitle)} · ${where}`} describeCell={weightsTip} testId="attention-grad-weights" />
          <GradHeatmap {...perHead(tx(AXES.key))} name={selfGrad(side, layer, 'v')} title={`${tx(text.vTitle)} · ${where}`} testId="attention-grad-v" />
        </div>
      </section>
      <section aria-labelledby="attention-grad-softmax">
        <h3 id="attention-grad-softmax">{tx(text.softmaxTitle)}</h3>
        <p>{tx(text.softmaxIntro)}</p>
        <GradHeatmap {...square} name={selfGrad(side, layer, 'scaled')} title={`${tx(text.scoresTitle)} · ${where}`} describeCell={scoreTip} testId="attention-grad-scores" />
        <SoftmaxGradTable rows={sm.rows} labels={labels} where={where} testId="attention-grad-softmax-table" />
        <p className="note">{tx(softmaxGradText.note)}</p>
      </section>
      <section aria-labelledby="attention-grad-qk">
        <h3 id="attention-grad-qk">{tx(text.qkTitle)}</h3>
        <p data-testid="attention-grad-scale">{tx(scaleText(ctx.result.variant, dh))}</p>
        <div className="heatmap-row">
          <GradHeatmap {...perHead(tx(AXES.query))} name={selfGrad(side, layer, 'q')} title={`${tx(text.qTitle)} · ${where}`} testId="attention-grad-q" />
          <GradHeatmap {...perHead(tx(AXES.key))} name={selfGrad(side, layer, 'k')} title={`${tx(text.kTitle)} · ${where}`} testId="attention-grad-k" />
        </div>
        <p data-testid="attention-grad-reach">{tx(reachText(side, ctx.result.variant))}</p>
        <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.normsCaption)}>
          <table className="data-table" data-testid="attention-grad-norms">
            <caption>{`${tx(text.normsCaption)} · ${where}`}</caption>
            <thead>
              <tr>
                <th scope="col">{tx(text.token)}</th>
                <th scope="col">{tx(text.normQ)}</th>
                <th scope="col">{tx(text.normK)}</th>
                <th scope="col">{tx(text.normV)}</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={i}>
                  <th scope="row">{label}</th>
                  <td className="num" data-col="q">{formatGrad(norms.q[i])}</td>
                  <td className="num" data-col="k">{formatGrad(norms.k[i])}</td>
                  <td className="num" data-col="v">{formatGrad(norms.v[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{tx(text.projNote)}</p>
        <ParamGradTable
          ctx={ctx}
          names={selfParams(side, layer)}
          caption={tx(text.paramsCaption, { prefix: selfParamPrefix(side, layer) })}
          testId="attention-grad-params"
        />
      </section>
    </div>
  );
}
