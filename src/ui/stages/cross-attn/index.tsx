// Stage `cross-attn`: decoder queries against encoder keys, target × source per head.
import { AttentionWeights } from '../shared/AttentionWeights';
import { fill } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { attentionName } from '../shared/names';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function CrossAttnPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  return (
    <div>
      <p>{tx(text.note)}</p>
      <Emphasis active={ctx.highlight === 'cross-alignment' || ctx.highlight === 'cross-sources'}>
        <AttentionWeights
          ctx={ctx}
          side="dec"
          layer={ctx.layer}
          block="cross"
          head={ctx.head}
          title={`${tx(text.heatmapTitle)} · ${fill(tx(text.which), { layer: ctx.layer, head: ctx.head })}`}
          testId="cross-weights"
        />
      </Emphasis>
    </div>
  );
}

export const crossAttnStage: StageDefinition = {
  id: 'cross-attn',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.target.length;
    const S = ctx.labels.source.length;
    const D = ctx.config.dModel;
    return texLines(`Q = Y W_Q: ${texShape([['T', T], ['D', D]])},\\ K = M W_K,\\ V = M W_V: ${texShape([['S', S], ['D', D]])}`, `A = \\operatorname{softmax}\\!\\Big(\\frac{QK^{\\top}}{\\sqrt{D_h}}\\Big): ${texShape([['H', ctx.config.nHeads], ['T', T], ['S', S]])}`);
  },
  kernels: ['matmul', 'softmax'],
  traceNames: (ctx) => (['q', 'k', 'v', 'scaled', 'weights', 'context', 'out'] as const).map((p) => attentionName('dec', ctx.layer, 'cross', p)),
  pickers: { layer: 'dec', head: true },
  Panel: CrossAttnPanel,
};
