// A learned-positions model's whole position table (maxLen × D, a parameter of the checkpoint
// that computed the trace), the sentence's positions outlined.
import { useText } from '../../../i18n';
import { Heatmap } from '../../../viz';
import { AXES } from '../shared/content';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { positionParamName, useParameterRows } from '../shared/parameters';
import type { StageContext } from '../types';
import { text } from './content';

/** Row labels of a position table: "p token" on the sentence's rows, "p" on the others. */
export function positionRowLabels(rows: number, tokens: readonly string[]): string[] {
  return Array.from({ length: rows }, (_, p) => (p < tokens.length ? `${p} ${tokens[p]}` : String(p)));
}

export function LearnedTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const name = positionParamName(ctx.side);
  const values = useParameterRows(ctx, name); // (maxLen, D)
  if (!values) return <p className="note">{tx(text.learnedMissing, { name })}</p>;
  const D = ctx.config.dModel;
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const used = Math.min(labels.length, values.length);
  return (
    <>
      <Heatmap
        values={values}
        rowLabels={positionRowLabels(values.length, labels)}
        colLabels={dimensionLabels(D)}
        rowAxis={tx(AXES.position)}
        colAxis={tx(AXES.dimension)}
        title={tx(text.learnedTitle, { n: values.length, d: D })}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        highlight={{ rows: Array.from({ length: used }, (_, p) => p), label: tx(text.usedRows) }}
        describeCell={(r, c) => `${tx(text.learnedCell, { pos: r, name, dim: c })}: ${formatValue(values[r][c])}`}
        exportName={name}
        testId="positional-table"
      />
      <p className="muted">{tx(text.learnedNote, { name, count: used })}</p>
    </>
  );
}
