// Stage `encoder-stack`: the model view (every layer × head of the three attention blocks,
// clickable) and static vs contextual vectors up the encoder.
import { attentionName, hasCross } from '../shared/names';
import { memoryTex } from '../shared/conventions';
import { texRange, texShape } from '../shared/tex';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, title } from './content';
import { ContextualVectors } from './ContextualVectors';
import { ModelViewGrid } from './ModelViewGrid';
import { stackEntries } from './stackNames';
import './encoder-stack.css';

function EncoderStackPanel({ ctx }: StagePanelProps) {
  return (
    <div>
      <ModelViewGrid ctx={ctx} />
      <ContextualVectors ctx={ctx} />
    </div>
  );
}

export const encoderStackStage: StageDefinition = {
  id: 'encoder-stack',
  title,
  explain,
  formula: (ctx) => {
    const { nEncoderLayers: N, nDecoderLayers: M, dModel: D } = ctx.config;
    const S = ctx.labels.source.length;
    const stack = `h^{(0)} = x,\\ \\ h^{(l+1)} = \\operatorname{EncoderLayer}_l\\big(h^{(l)}\\big),\\ l = ${texRange(N)}`;
    // The encoder-only model has no decoder: its last layer's output goes to the MLM head.
    if (ctx.family === 'encoder') return `${stack},\\quad h_{\\text{mlm}} = ${memoryTex(ctx.config, 'h')}: ${texShape([['S', S], ['D', D]])}`;
    return `${stack},\\quad \\text{memory} = ${memoryTex(ctx.config, 'h')}: ${texShape([['S', S], ['D', D]])},\\quad N_{\\text{dec}} = ${M}`;
  },
  kernels: ['matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  traceNames: (ctx) => {
    const c = ctx.config;
    const weights = (side: 'enc' | 'dec', block: 'self' | 'cross', n: number) =>
      Array.from({ length: n }, (_, l) => attentionName(side, l, block, 'weights'));
    return [
      ...weights('enc', 'self', c.nEncoderLayers),
      ...weights('dec', 'self', c.nDecoderLayers),
      ...weights('dec', 'cross', hasCross(c) ? c.nDecoderLayers : 0),
      ...stackEntries(c).map((e) => e.name),
    ];
  },
  pickers: {},
  Panel: EncoderStackPanel,
};
