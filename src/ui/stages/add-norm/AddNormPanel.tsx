// The add-norm panel: which convention the model follows, a sublayer picker, the residual
// path (x, Sublayer(…), their sum) and the LayerNorm of each token.
import { useMemo, useState } from 'react';
import { useText } from '../../../i18n';
import { ChoiceGroup } from '../shared/ChoiceGroup';
import { AXES, SIDE_TITLES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { LayerNormSection } from './LayerNormSection';
import { SUBLAYER_NAMES, blockNames, sublayersOf } from './sublayers';
import './add-norm.css';

export function AddNormPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const post = ctx.config.norm === 'post';
  const sublayers = sublayersOf(ctx.side, ctx.config);
  const [picked, setPicked] = useState(0);
  const sub = sublayers[Math.min(picked, sublayers.length - 1)];
  const names = blockNames(ctx.config, ctx.side, ctx.layer, sub.index);
  const subName = tx(SUBLAYER_NAMES[sub.kind]);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const x = useMemo(() => ctx.trace.matrix(names.input), [ctx.trace, names.input]);
  const f = useMemo(() => ctx.trace.matrix(names.sublayer), [ctx.trace, names.sublayer]);
  const sum = useMemo(() => ctx.trace.matrix(names.sum), [ctx.trace, names.sum]);
  const where = tx(text.where, { side: tx(SIDE_TITLES[ctx.side]), layer: ctx.layer, n: sub.index, name: subName });
  const common = {
    ctx,
    rowLabels: labels,
    colLabels: dimensionLabels(ctx.config.dModel),
    rowAxis: tx(AXES.position),
    colAxis: tx(AXES.dimension),
    scale: { kind: 'diverging' as const },
    legendLabel: tx(text.value),
  };
  const sumTip = (r: number, c: number) =>
    tx(text.sumTip, { x: formatValue(x[r][c]), f: formatValue(f[r][c]), sum: formatValue(sum[r][c]) });
  return (
    <div className="add-norm">
      <Emphasis active={ctx.highlight === 'norm-placement'} testId="addnorm-placement">
        <p>{tx(post ? text.post : text.pre, { eps: ctx.config.lnEps })}</p>
        <p className="add-norm__flow">
          {tx(post ? text.flowPost : text.flowPre)}
        </p>
      </Emphasis>
      <ChoiceGroup
        legend={tx(text.sublayerLegend)}
        choices={sublayers.map((s) => ({ label: tx(text.sublayerChoice, { n: s.index, name: tx(SUBLAYER_NAMES[s.kind]) }) }))}
        value={sublayers.indexOf(sub)}
        onChange={setPicked}
        testId="addnorm-sublayer"
      />
      <p>
        <strong>{where}</strong>
      </p>
      <Emphasis active={ctx.highlight === 'residual-path'} testId="addnorm-residual">
        <h3>{tx(text.residualTitle)}</h3>
        <p>{tx(text.residualIntro)}</p>
        <div className="heatmap-row add-norm__sum">
          <TraceHeatmap {...common} name={names.input} title={tx(text.inputTitle)} testId="addnorm-x" />
          <TraceHeatmap
            {...common}
            name={names.sublayer}
            title={tx(post ? text.sublayerTitlePost : text.sublayerTitlePre, { name: subName })}
            testId="addnorm-sub"
          />
          <TraceHeatmap {...common} name={names.sum} title={tx(text.sumTitle)} describeCell={sumTip} testId="addnorm-res" />
        </div>
      </Emphasis>
      <LayerNormSection ctx={ctx} names={names} labels={labels} />
    </div>
  );
}
