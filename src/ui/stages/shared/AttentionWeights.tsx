// One head's attention weights (softmax output) as a heatmap: masked cells hatched, and each
// cell's tooltip shows the weight, its row's sum and the pre-softmax score it came from.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import type { Bilingual } from '../../../i18n/text';
import type { HeatmapDividers, HeatmapHighlight } from '../../../viz/heatmapModel';
import type { StageContext } from '../types';
import { maskedCells } from './attention';
import { AXES } from './content';
import { formatValue } from './format';
import { attentionName, type AttentionBlock } from './names';
import { TraceHeatmap } from './TraceHeatmap';

export const TIP: Bilingual = {
  en: 'weight {{w}} = softmax of score {{s}} over the row; row sum {{sum}}',
  zh: '权重 {{w}} = 分数 {{s}} 在这一行上做 softmax 的结果；行和 {{sum}}',
};
export const MASKED_TIP: Bilingual = { en: 'masked: weight 0', zh: '被掩码：权重为 0' };
const LEGEND: Bilingual = { en: 'attention weight', zh: '注意力权重' };

export function AttentionWeights({
  ctx,
  side,
  layer,
  block,
  head,
  title,
  testId,
  highlight,
  compact,
  onClick,
  dividers,
}: {
  ctx: StageContext;
  side: 'enc' | 'dec';
  layer: number;
  block: AttentionBlock;
  head: number;
  title: string;
  testId?: string;
  highlight?: HeatmapHighlight;
  compact?: boolean;
  onClick?: () => void;
  /** Lines between groups of rows/columns (the decoder-only model's prompt | continuation). */
  dividers?: HeatmapDividers;
}) {
  const { text: tx } = useText();
  const name = (part: 'weights' | 'masked') => attentionName(side, layer, block, part);
  const masked = useMemo(() => maskedCells(ctx.trace, attentionName(side, layer, block, 'masked'), head), [ctx.trace, side, layer, block, head]);
  const weights = useMemo(() => ctx.trace.matrix(attentionName(side, layer, block, 'weights'), head), [ctx.trace, side, layer, block, head]);
  const scores = useMemo(() => ctx.trace.matrix(attentionName(side, layer, block, 'masked'), head), [ctx.trace, side, layer, block, head]);
  const rows = side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const cols = block === 'cross' || side === 'enc' ? ctx.labels.source : ctx.labels.target;
  return (
    <TraceHeatmap
      ctx={ctx}
      name={name('weights')}
      head={head}
      rowLabels={rows}
      colLabels={cols}
      rowAxis={tx(AXES.query)}
      colAxis={tx(AXES.key)}
      title={title}
      masked={masked}
      scale={{ kind: 'sequential', domain: [0, 1] }}
      legendLabel={tx(LEGEND)}
      highlight={highlight}
      compact={compact}
      onClick={onClick}
      dividers={dividers}
      describeCell={(r, c) =>
        masked(r, c)
          ? tx(MASKED_TIP)
          : tx(TIP, {
              w: formatValue(weights[r][c]),
              s: formatValue(scores[r][c]),
              sum: formatValue(weights[r].reduce((a, b) => a + b, 0)),
            })
      }
      testId={testId}
    />
  );
}
