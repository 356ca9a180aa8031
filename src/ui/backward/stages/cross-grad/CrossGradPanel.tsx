// The cross-grad panel: one decoder layer's cross-attention head of the recorded step,
// backwards — dP and dS over target × source (rows summing to 0), dK and dV per source token —
// and what the encoder receives: ‖∂L/∂enc.out‖ per source token, beside where each decoder
// layer sends its gradient.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { BarChart } from '../../../../viz/BarChart';
import { AXES } from '../../../stages/shared/content';
import { dimensionLabels } from '../../../stages/shared/labels';
import { headDim } from '../../../stages/shared/names';
import type { BackwardPanelProps } from '../../types';
import { GradHeatmap } from '../shared/GradHeatmap';
import { decimalsFor, formatGrad } from '../shared/gradStats';
import { ParamGradTable } from '../shared/ParamGradTable';
import { scaleText } from '../shared/scaleText';
import { headSoftmax } from '../shared/softmaxGrad';
import { softmaxGradText } from '../shared/softmaxGradContent';
import { SoftmaxGradTable } from '../shared/SoftmaxGradTable';
import { text } from './content';
import { crossGrad, crossParams, ENC_OUT } from './names';
import { positionNorms } from './stats';
import { sourcesText, topText } from './texts';

export function CrossGradPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { trace, layer, head, config } = ctx;
  const { source, targetInput } = ctx.labels;
  const dh = headDim(config);
  const where = tx(text.which, { layer, head });
  const sm = useMemo(() => headSoftmax(trace, 'dec', layer, 'cross', head), [trace, layer, head]);
  const perSource = useMemo(() => {
    const total = positionNorms(trace.get(`grad:${ENC_OUT}`));
    const layers = Array.from({ length: config.nDecoderLayers }, (_, l) => ({
      k: positionNorms(trace.get(crossGrad(l, 'k'))),
      v: positionNorms(trace.get(crossGrad(l, 'v'))),
    }));
    return { total, layers };
  }, [trace, config.nDecoderLayers]);
  const bars = perSource.total.map((value, i) => ({ label: source[i], value }));
  const top = Math.max(...perSource.total);

  const grid = { trace, head, rowLabels: targetInput, colLabels: source, rowAxis: tx(text.target), colAxis: tx(text.source), masked: sm.masked, legendLabel: tx(text.legend) };
  const kv = { trace, head, rowLabels: source, colLabels: dimensionLabels(dh), rowAxis: tx(AXES.sourcePosition), colAxis: tx(AXES.headDim), legendLabel: tx(text.legend) };
  const weightsTip = (r: number, c: number) => tx(text.weightsTip, { v: formatGrad(sm.dp[r][c]), p: formatGrad(sm.p[r][c]) });
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
    <div className="cross-grad">
      <p>{tx(text.intro, { where })}</p>
      <section aria-labelledby="cross-grad-softmax">
        <h3 id="cross-grad-softmax">{tx(text.softmaxTitle)}</h3>
        <p>{tx(text.softmaxIntro)}</p>
        <div className="heatmap-row">
          <GradHeatmap {...grid} name={crossGrad(layer, 'weights')} title={`${tx(text.weightsTitle)} · ${where}`} describeCell={weightsTip} testId="cross-grad-weights" />
          <GradHeatmap {...grid} name={crossGrad(layer, 'scaled')} title={`${tx(text.scoresTitle)} · ${where}`} describeCell={scoreTip} testId="cross-grad-scores" />
        </div>
        <SoftmaxGradTable rows={sm.rows} labels={targetInput} where={where} testId="cross-grad-softmax-table" />
        <p className="note">{tx(softmaxGradText.note)}</p>
      </section>
      <section aria-labelledby="cross-grad-kv">
        <h3 id="cross-grad-kv">{tx(text.kvTitle)}</h3>
        <p>{tx(text.kvIntro)}</p>
        <p data-testid="cross-grad-scale">{tx(scaleText(ctx.result.variant, dh))}</p>
        <div className="heatmap-row">
          <GradHeatmap {...kv} name={crossGrad(layer, 'k')} title={`${tx(text.kTitle)} · ${where}`} testId="cross-grad-k" />
          <GradHeatmap {...kv} name={crossGrad(layer, 'v')} title={`${tx(text.vTitle)} · ${where}`} testId="cross-grad-v" />
        </div>
        <ParamGradTable ctx={ctx} names={crossParams(layer)} caption={tx(text.paramsCaption, { prefix: `dec.${layer}.cross_attn` })} testId="cross-grad-params" />
      </section>
      <section aria-labelledby="cross-grad-enc">
        <h3 id="cross-grad-enc">{tx(text.encTitle)}</h3>
        <p data-testid="cross-grad-sources">{tx(sourcesText(config))}</p>
        <BarChart
          title={tx(text.barTitle)}
          items={bars}
          max={top > 0 ? top : 1}
          format="number"
          digits={decimalsFor([perSource.total])}
          labelHeader={tx(text.barLabel)}
          valueHeader={tx(text.barValue)}
          exportName="grad.enc.out.norms"
          testId="cross-grad-bars"
        />
        <p data-testid="cross-grad-top">{tx(topText(source, perSource.total))}</p>
        <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.layersCaption)}>
          <table className="data-table" data-testid="cross-grad-layers">
            <caption>{tx(text.layersCaption)}</caption>
            <thead>
              <tr>
                <th scope="col">{tx(text.token)}</th>
                <th scope="col">{tx(text.total)}</th>
                {perSource.layers.map((_, l) => [
                  <th key={`k${l}`} scope="col">
                    {tx(text.layerK, { layer: l })}
                  </th>,
                  <th key={`v${l}`} scope="col">
                    {tx(text.layerV, { layer: l })}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {source.map((label, s) => (
                <tr key={s}>
                  <th scope="row">{label}</th>
                  <td className="num" data-col="total">{formatGrad(perSource.total[s])}</td>
                  {perSource.layers.map((l, i) => [
                    <td key={`k${i}`} className="num" data-col={`k${i}`}>
                      {formatGrad(l.k[s])}
                    </td>,
                    <td key={`v${i}`} className="num" data-col={`v${i}`}>
                      {formatGrad(l.v[s])}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{tx(text.layersNote)}</p>
        <GradHeatmap
          trace={trace}
          name={`grad:${ENC_OUT}`}
          rowLabels={source}
          colLabels={dimensionLabels(config.dModel)}
          rowAxis={tx(AXES.sourcePosition)}
          colAxis={tx(AXES.dimension)}
          title={tx(text.encOutTitle)}
          legendLabel={tx(text.legend)}
          testId="cross-grad-enc-out"
        />
      </section>
    </div>
  );
}
