// Stage `encoder-stack`: all layers × heads as thumbnails, and each layer's output.
import { AttentionWeights } from '../shared/AttentionWeights';
import { AXES, fill } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texRange, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageContext, StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

/** The trace entry holding an encoder layer's output (post-norm: after LN2; pre-norm: the residual sum). */
function layerOutput(ctx: StageContext, layer: number): string {
  return ctx.config.norm === 'post' ? `enc.${layer}.ln2.y` : `enc.${layer}.res2`;
}

function EncoderStackPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const { nEncoderLayers: N, nHeads: H } = ctx.config;
  return (
    <div>
      <h3>{tx(text.gridTitle)}</h3>
      <p className="muted">{tx(text.gridHint)}</p>
      <div className="thumb-grid" style={{ gridTemplateColumns: `repeat(${H}, minmax(0, 8rem))` }}>
        {Array.from({ length: N }, (_, l) =>
          Array.from({ length: H }, (_, h) => {
            const label = fill(tx(text.thumb), { layer: l, head: h });
            return (
              <figure key={`${l}.${h}`} className="thumb">
                <AttentionWeights
                  ctx={ctx}
                  side="enc"
                  layer={l}
                  block="self"
                  head={h}
                  title={label}
                  compact
                  onClick={() => ctx.goToStage('heads', { side: 'enc', layer: l, head: h })}
                  testId={`encstack-${l}-${h}`}
                />
                <figcaption>{label}</figcaption>
              </figure>
            );
          }),
        )}
      </div>
      <Emphasis active={ctx.highlight === 'contextual-vectors'}>
        {Array.from({ length: N }, (_, l) => (
          <TraceHeatmap
            key={l}
            ctx={ctx}
            name={layerOutput(ctx, l)}
            rowLabels={ctx.labels.source}
            colLabels={dimensionLabels(ctx.config.dModel)}
            rowAxis={tx(AXES.position)}
            colAxis={tx(AXES.dimension)}
            title={fill(tx(text.layerOut), { layer: l })}
            scale={{ kind: 'diverging' }}
            legendLabel={tx(text.legend)}
            testId={`encstack-out-${l}`}
          />
        ))}
      </Emphasis>
    </div>
  );
}

export const encoderStackStage: StageDefinition = {
  id: 'encoder-stack',
  title,
  explain,
  formula: (ctx) => {
    const N = ctx.config.nEncoderLayers;
    const S = ctx.labels.source.length;
    return `h^{(0)} = x,\\quad h^{(l+1)} = \\operatorname{EncoderLayer}_l\\big(h^{(l)}\\big),\\ l = ${texRange(N)},\\qquad \\text{memory} = h^{(${N})}: ${texShape([['S', S], ['D', ctx.config.dModel]])}`;
  },
  kernels: ['matmul', 'softmax', 'layernorm', 'activation', 'elementwise'],
  traceNames: (ctx) => [
    ...Array.from({ length: ctx.config.nEncoderLayers }, (_, l) => [`enc.${l}.self.weights`, layerOutput(ctx, l)]).flat(),
    'enc.out',
  ],
  pickers: {},
  Panel: EncoderStackPanel,
};
