// Stage `heads`: every head's attention weights in one layer, side by side.
import { AttentionWeights } from '../shared/AttentionWeights';
import { fill, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { attentionName, headDim, lengthSymbol, selfLength } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function HeadsPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const kind = tx(selfAttentionKind(ctx.side));
  return (
    <div>
      <p>{fill(tx(text.which), { kind, layer: ctx.layer, count: ctx.config.nHeads })}</p>
      <Emphasis active={ctx.highlight === 'head-grid'}>
        <div className="heatmap-grid">
          {Array.from({ length: ctx.config.nHeads }, (_, h) => (
            <AttentionWeights
              key={h}
              ctx={ctx}
              side={ctx.side}
              layer={ctx.layer}
              block="self"
              head={h}
              title={`${fill(tx(text.headTitle), { head: h })} · ${kind}`}
              testId={`heads-${h}`}
            />
          ))}
        </div>
      </Emphasis>
    </div>
  );
}

export const headsStage: StageDefinition = {
  id: 'heads',
  title,
  explain,
  formula: (ctx) => {
    const { dModel: D, nHeads: H } = ctx.config;
    const L = lengthSymbol(ctx.side);
    const n = selfLength(ctx, ctx.side);
    return texLines(`\\text{head}_h = \\operatorname{softmax}\\!\\Big(\\frac{Q_h K_h^{\\top}}{\\sqrt{D_h}}\\Big) V_h,\\ h = 0,\\dots,${H - 1}`, `D_h = D/H = ${D}/${H} = ${headDim(ctx.config)},\\ A: ${texShape([['H', H], [L, n], [L, n]])}`);
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => [attentionName(ctx.side, ctx.layer, 'self', 'weights')],
  pickers: { side: true, layer: 'side' },
  Panel: HeadsPanel,
};
