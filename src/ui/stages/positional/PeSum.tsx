// Embedding + positional encoding = the side's input, as three heatmaps of the same shape.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { AXES, SIDES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext } from '../types';
import { text } from './content';
import { embedTitle, sumTexts } from './texts';

const names = (side: 'enc' | 'dec') => {
  const p = side === 'enc' ? 'src' : 'tgt';
  return { embed: `${p}.embed`, pos: `${p}.pos`, x: `${p}.x` };
};

export function PeSum({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const n = names(ctx.side);
  const hasPos = ctx.trace.has(n.pos);
  const { trace } = ctx;
  const m = useMemo(
    () => ({ embed: trace.matrix(n.embed), pos: hasPos ? trace.matrix(n.pos) : null, x: trace.matrix(n.x) }),
    [trace, n.embed, n.pos, n.x, hasPos],
  );
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const D = ctx.config.dModel;
  const sums = sumTexts(ctx.config);
  // One colour scale for all three, so the sizes compare: PE's ±1 next to the embeddings' range.
  const bound = useMemo(() => Math.ceil(Math.max(...[m.embed, m.x].flat(2).map(Math.abs), 1)), [m]);
  const common = {
    ctx,
    rowLabels: labels,
    colLabels: dimensionLabels(D),
    rowAxis: tx(ctx.side === 'enc' ? AXES.sourcePosition : AXES.targetPosition),
    colAxis: tx(AXES.dimension),
    scale: { kind: 'diverging' as const, domain: [-bound, bound] as [number, number] },
    legendLabel: tx(text.legend),
  };
  return (
    <Emphasis active={ctx.highlight === 'pe-add'} testId="positional-sum-box">
      <h3>{tx(sums.heading, { side: tx(SIDES[ctx.side]) })}</h3>
      <p className="muted">{tx(sums.note, { l: labels.length, d: D, bound })}</p>
      <div className="pe-sum">
        <TraceHeatmap {...common} name={n.embed} title={tx(embedTitle(ctx.config))} testId="positional-embed" />
        {m.pos && (
          <>
            <p className="pe-sum__op" aria-hidden="true">
              +
            </p>
            <TraceHeatmap {...common} name={n.pos} title={tx(text.peTitle)} testId="positional-pe" />
          </>
        )}
        <p className="pe-sum__op" aria-hidden="true">
          =
        </p>
        <TraceHeatmap
          {...common}
          name={n.x}
          title={tx(text.sumTitle)}
          describeCell={(r, c) =>
            tx(text.sumCell, { e: formatValue(m.embed[r][c]), p: formatValue(m.pos ? m.pos[r][c] : 0), x: formatValue(m.x[r][c]) })
          }
          testId="positional-sum"
        />
      </div>
    </Emphasis>
  );
}
