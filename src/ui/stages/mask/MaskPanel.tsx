// The mask stage: the two masks explained, the decoder's causal mask and the padding (key)
// mask drawn as masks (hatched), a padding illustration, and the masked scores of the picked
// side/layer/head read from the trace.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Heatmap } from '../../../viz';
import { maskedCells } from '../shared/attention';
import { AXES, selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { attentionName, layerCount } from '../shared/names';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';
import { familyMaskNote } from './texts';
import './mask.css';

const PAD_EXAMPLE = 2;

/** The decoder layer the causal section shows: the picked one, clamped to the decoder's layers. */
export function causalLayer(ctx: Pick<StageContext, 'config' | 'layer'>): number {
  return Math.min(ctx.layer, layerCount(ctx.config, 'dec') - 1);
}

function countMasked(rows: number, cols: number, masked: (r: number, c: number) => boolean): number {
  let n = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (masked(r, c)) n++;
  return n;
}

function CausalMask({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const layer = causalLayer(ctx);
  const name = attentionName('dec', layer, 'self', 'masked');
  const masked = useMemo(() => maskedCells(ctx.trace, name, ctx.head), [ctx.trace, name, ctx.head]);
  const labels = ctx.labels.target;
  const n = labels.length;
  const ones = useMemo(() => labels.map(() => labels.map(() => 1)), [labels]);
  const count = countMasked(n, n, masked);
  return (
    <Emphasis active={ctx.highlight === 'causal-triangle'} testId="mask-causal-box">
      <h3>{tx(text.causalHeading, { layer, head: ctx.head })}</h3>
      {ctx.side === 'enc' && <p className="note">{tx(text.encHasNone)}</p>}
      {count === 0 ? (
        <p className="note note--warn">{tx(text.noCausal)}</p>
      ) : (
        <p className="muted">{tx(text.causalFromTrace, { count, total: n * n })}</p>
      )}
      <Heatmap
        values={ones}
        rowLabels={labels}
        colLabels={labels}
        rowAxis={tx(AXES.query)}
        colAxis={tx(AXES.key)}
        title={tx(text.causalTitle)}
        masked={masked}
        scale={{ kind: 'sequential', domain: [0, 1] }}
        legendLabel={tx(text.legendMask)}
        highlight={ctx.highlight === 'causal-triangle' ? { region: 'upper-triangle' } : undefined}
        describeCell={(r, c) => tx(masked(r, c) ? text.cellCausalMasked : text.cellCausalKept, { key: labels[c], query: labels[r] })}
        digits={0}
        exportName={`${name}.mask`}
        testId="mask-causal"
      />
    </Emphasis>
  );
}

function PaddingMask({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const keys = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const padded = useMemo(() => [...keys, ...Array.from({ length: PAD_EXAMPLE }, () => '<pad>')], [keys]);
  const example = useMemo(() => padded.map(() => padded.map(() => 1)), [padded]);
  const isPad = (c: number) => c >= keys.length;
  const causal = ctx.side === 'dec';
  const exampleMasked = (r: number, c: number) => isPad(c) || (causal && c > r);
  return (
    <section>
      <h3>{tx(text.paddingHeading)}</h3>
      <p>{tx(text.paddingNone)}</p>
      <Heatmap
        values={[keys.map(() => 1)]}
        rowLabels={[tx(text.keyRow)]}
        colLabels={keys}
        rowAxis=""
        colAxis={tx(AXES.key)}
        title={tx(text.paddingTitle)}
        scale={{ kind: 'sequential', domain: [0, 1] }}
        legendLabel={tx(text.legendMask)}
        digits={0}
        testId="mask-padding"
      />
      <Emphasis active={ctx.highlight === 'padding-columns'} testId="mask-padding-box">
        <p className="muted">{tx(text.exampleNote, { n: PAD_EXAMPLE })}</p>
        <Heatmap
          values={example}
          rowLabels={padded}
          colLabels={padded}
          rowAxis={tx(AXES.query)}
          colAxis={tx(AXES.key)}
          title={tx(text.exampleTitle, { n: PAD_EXAMPLE })}
          masked={exampleMasked}
          scale={{ kind: 'sequential', domain: [0, 1] }}
          legendLabel={tx(text.legendMask)}
          highlight={ctx.highlight === 'padding-columns' ? { cols: Array.from({ length: PAD_EXAMPLE }, (_, i) => keys.length + i) } : undefined}
          describeCell={(r, c) =>
            isPad(c) ? tx(text.cellPad) : tx(exampleMasked(r, c) ? text.cellCausalMasked : text.cellCausalKept, { key: padded[c], query: padded[r] })
          }
          digits={0}
          testId="mask-padding-example"
        />
      </Emphasis>
    </section>
  );
}

function MaskedScores({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const name = attentionName(ctx.side, ctx.layer, 'self', 'masked');
  const masked = useMemo(() => maskedCells(ctx.trace, name, ctx.head), [ctx.trace, name, ctx.head]);
  const scaled = useMemo(() => ctx.trace.matrix(attentionName(ctx.side, ctx.layer, 'self', 'scaled'), ctx.head), [ctx.trace, ctx.side, ctx.layer, ctx.head]);
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const n = labels.length;
  const where = tx(text.which, { kind: tx(selfAttentionKind(ctx.side)), layer: ctx.layer, head: ctx.head });
  const count = countMasked(n, n, masked);
  return (
    <section>
      <h3>{tx(text.scoresHeading, { where })}</h3>
      <p className="muted">
        {count > 0
          ? tx(text.scoresCount, { count, total: n * n })
          : tx(text.scoresNone, { why: tx(ctx.side === 'enc' ? text.noneEnc : text.noneDec) })}
      </p>
      <TraceHeatmap
        ctx={ctx}
        name={name}
        head={ctx.head}
        rowLabels={labels}
        colLabels={labels}
        rowAxis={tx(AXES.query)}
        colAxis={tx(AXES.key)}
        title={tx(text.scoresTitle)}
        masked={masked}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legendScore)}
        highlight={ctx.highlight === 'causal-triangle' && ctx.side === 'dec' ? { region: 'upper-triangle' } : undefined}
        describeCell={(r, c) => tx(masked(r, c) ? text.cellMasked : text.cellKept, { s: formatValue(scaled[r][c]) })}
        testId="mask-heatmap"
      />
    </section>
  );
}

export function MaskPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const note = familyMaskNote(ctx.config);
  const causal = ctx.sides.includes('dec');
  return (
    <div className="mask-stage">
      <dl className="mask-defs">
        <dt>{tx(text.sequenceTerm)}</dt>
        <dd>{tx(text.sequenceDef)}</dd>
        <dt>{tx(text.paddingTerm)}</dt>
        <dd>{tx(text.paddingDef)}</dd>
      </dl>
      {note && (
        <p className="note" data-testid="mask-family-note">
          {tx(note)}
        </p>
      )}
      <MaskedScores ctx={ctx} />
      <div className="heatmap-pair">
        {causal && <CausalMask ctx={ctx} />}
        <PaddingMask ctx={ctx} />
      </div>
    </div>
  );
}
