// Stage `qkv`: the per-head query, key and value vectors of a self-attention block.
import { AXES, fill, selfAttentionKind } from '../shared/content';
import { dimensionLabels } from '../shared/labels';
import { attentionName, attentionNames, headDim, lengthSymbol, selfLength } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function QkvPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const where = fill(tx(text.which), {
    kind: tx(selfAttentionKind(ctx.side)),
    layer: ctx.layer,
    head: ctx.head,
  });
  const parts = [
    ['q', text.qTitle],
    ['k', text.kTitle],
    ['v', text.vTitle],
  ] as const;
  return (
    <div>
      <p>{where}</p>
      <div className="heatmap-row">
        {parts.map(([part, t]) => (
          <TraceHeatmap
            key={part}
            ctx={ctx}
            name={attentionName(ctx.side, ctx.layer, 'self', part)}
            head={ctx.head}
            rowLabels={labels}
            colLabels={dimensionLabels(headDim(ctx.config))}
            rowAxis={tx(AXES.position)}
            colAxis={tx(AXES.headDim)}
            title={`${tx(t)} · ${where}`}
            scale={{ kind: 'diverging' }}
            legendLabel={tx(text.legend)}
            testId={`qkv-${part}`}
          />
        ))}
      </div>
    </div>
  );
}

export const qkvStage: StageDefinition = {
  id: 'qkv',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, nHeads: H } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return texLines(
      `Q = XW_Q + b_Q,\\ K = XW_K + b_K,\\ V = XW_V + b_V`,
      `X: ${texShape([[L, n], ['D', D]])} \\to Q: ${texShape([[L, n], ['D', D]])} \\to ${H}\\ \\text{heads} \\times ${texShape([n, headDim(ctx.config)])}`,
    );
  },
  kernels: ['matmul', 'elementwise'],
  traceNames: (ctx) => attentionNames(ctx.side, ctx.layer, 'self', ['q', 'k', 'v']),
  pickers: { side: true, layer: 'side', head: true },
  Panel: QkvPanel,
};
