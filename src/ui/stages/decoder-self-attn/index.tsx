// Stage `decoder-self-attn`: causal self-attention weights of the decoder.
import { AttentionWeights } from '../shared/AttentionWeights';
import { fill } from '../shared/content';
import { attentionName } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function DecoderSelfAttnPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  return (
    <div>
      <p>{tx(text.note)}</p>
      <AttentionWeights
        ctx={ctx}
        side="dec"
        layer={ctx.layer}
        block="self"
        head={ctx.head}
        title={`${tx(text.heatmapTitle)} · ${fill(tx(text.which), { layer: ctx.layer, head: ctx.head })}`}
        highlight={ctx.highlight === 'decoder-masks' ? { region: 'upper-triangle' } : undefined}
        testId="decself-weights"
      />
    </div>
  );
}

export const decoderSelfAttnStage: StageDefinition = {
  id: 'decoder-self-attn',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.target.length;
    return texLines(`A = \\operatorname{softmax}\\!\\Big(\\frac{QK^{\\top}}{\\sqrt{D_h}} + M_{\\text{causal}}\\Big),\\quad (M_{\\text{causal}})_{ij} = -10^9 \\text{ for } j > i`, `A: ${texShape([['H', ctx.config.nHeads], ['T', T], ['T', T]])}`);
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => (['q', 'k', 'scaled', 'weights', 'context'] as const).map((p) => attentionName('dec', ctx.layer, 'self', p)),
  pickers: { layer: 'dec', head: true },
  Panel: DecoderSelfAttnPanel,
};
