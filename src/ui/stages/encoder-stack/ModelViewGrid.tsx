// The model view: one thumbnail per layer × head for encoder self-attention, decoder masked
// self-attention and cross-attention. A thumbnail opens that head in its own stage.
import { useText } from '../../../i18n';
import type { Bilingual } from '../../../i18n/text';
import type { StageId } from '../../../model/stageIds';
import { AttentionWeights } from '../shared/AttentionWeights';
import { ATTENTION_KINDS } from '../shared/content';
import { hasCross, layerCount, type AttentionBlock } from '../shared/names';
import type { Side, StageContext } from '../types';
import { text } from './content';

interface BlockSpec {
  id: 'enc' | 'dec' | 'cross';
  side: Side;
  block: AttentionBlock;
  heading: Bilingual;
  kind: Bilingual;
  /** The stage a thumbnail opens. */
  opens: StageId;
}

const BLOCKS: readonly BlockSpec[] = [
  { id: 'enc', side: 'enc', block: 'self', heading: text.blockEnc, kind: ATTENTION_KINDS.encSelf, opens: 'heads' },
  { id: 'dec', side: 'dec', block: 'self', heading: text.blockDec, kind: ATTENTION_KINDS.decSelf, opens: 'heads' },
  { id: 'cross', side: 'dec', block: 'cross', heading: text.blockCross, kind: ATTENTION_KINDS.cross, opens: 'cross-attn' },
];

function BlockGrid({ ctx, spec }: { ctx: StageContext; spec: BlockSpec }) {
  const { text: tx } = useText();
  const layers = layerCount(ctx.config, spec.side);
  const H = ctx.config.nHeads;
  return (
    <section className="model-view__block" data-testid={`modelview-${spec.id}`}>
      <h4>{tx(spec.heading)}</h4>
      <div className="model-view__grid" style={{ gridTemplateColumns: `auto repeat(${H}, minmax(3.5rem, 7rem))` }}>
        <span />
        {Array.from({ length: H }, (_, h) => (
          <span key={h} className="model-view__colhead">
            {tx(text.head, { head: h })}
          </span>
        ))}
        {Array.from({ length: layers }, (_, l) => [
          <span key={`l${l}`} className="model-view__rowhead">
            {tx(text.layer, { layer: l })}
          </span>,
          ...Array.from({ length: H }, (_, h) => {
            const label = tx(text.thumb, { block: tx(spec.kind), layer: l, head: h });
            return (
              <div key={`${l}.${h}`} className="model-view__thumb">
                <AttentionWeights
                  ctx={ctx}
                  side={spec.side}
                  layer={l}
                  block={spec.block}
                  head={h}
                  title={label}
                  compact
                  onClick={() => ctx.goToStage(spec.opens, { side: spec.side, layer: l, head: h })}
                  testId={`modelview-${spec.id}-${l}-${h}`}
                />
              </div>
            );
          }),
        ])}
      </div>
    </section>
  );
}

export function ModelViewGrid({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  return (
    <section className="model-view">
      <h3>{tx(text.gridTitle)}</h3>
      <p className="muted">{tx(text.gridHint)}</p>
      <div className="model-view__blocks">
        {BLOCKS.filter((spec) => layerCount(ctx.config, spec.side) > 0 && (spec.block !== 'cross' || hasCross(ctx.config))).map((spec) => (
          <BlockGrid key={spec.id} ctx={ctx} spec={spec} />
        ))}
      </div>
    </section>
  );
}
