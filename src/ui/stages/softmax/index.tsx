// Stage `softmax`: the attention weights, row by row, for encoder or decoder self-attention.
import { useMemo } from 'react';
import { AttentionWeights } from '../shared/AttentionWeights';
import { fill, selfAttentionKind } from '../shared/content';
import { formatSmall } from '../shared/format';
import { attentionName, lengthSymbol, selfLength } from '../shared/names';
import { texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function SoftmaxPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const name = attentionName(ctx.side, ctx.layer, 'self', 'weights');
  const deviation = useMemo(
    () => Math.max(...ctx.trace.matrix(name, ctx.head).map((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1))),
    [ctx.trace, name, ctx.head],
  );
  const where = fill(tx(text.which), {
    kind: tx(selfAttentionKind(ctx.side)),
    layer: ctx.layer,
    head: ctx.head,
  });
  return (
    <div>
      <p>{fill(tx(text.rowSums), { dev: formatSmall(deviation) })}</p>
      <AttentionWeights
        ctx={ctx}
        side={ctx.side}
        layer={ctx.layer}
        block="self"
        head={ctx.head}
        title={`${tx(text.heatmapTitle)} · ${where}`}
        highlight={ctx.highlight === 'softmax-rows' ? { rows: [0] } : undefined}
        testId="softmax-weights"
      />
    </div>
  );
}

export const softmaxStage: StageDefinition = {
  id: 'softmax',
  title,
  explain,
  formula: (ctx) => {
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return `a_{ij} = \\frac{e^{s_{ij}}}{\\sum_{j'} e^{s_{ij'}}},\\quad \\sum_j a_{ij} = 1,\\qquad A: ${texShape([['H', ctx.config.nHeads], [L, n], [L, n]])}`;
  },
  kernels: ['softmax'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'weights')],
  pickers: { side: true, layer: 'side', head: true },
  Panel: SoftmaxPanel,
};
