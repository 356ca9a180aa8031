// Static vs contextual vectors: one source token's vector before the encoder and after each
// layer, its cosine similarity to its own embedding, and token × token cosines before and after.
import { useMemo, useState } from 'react';
import { useText } from '../../../i18n';
import { Heatmap } from '../../../viz';
import { ChoiceGroup } from '../shared/ChoiceGroup';
import { AXES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import type { StageContext } from '../types';
import { text } from './content';
import { cosine, cosineMatrix, repeatedPairs } from './cosine';
import { stackEntries } from './stackNames';
import { inputLabel, stagesNote } from './texts';

export function ContextualVectors({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const labels = ctx.labels.source;
  const [picked, setPicked] = useState(1);
  const pos = Math.min(picked, labels.length - 1);
  const entries = useMemo(() => stackEntries(ctx.config).map((e) => ({ ...e, rows: ctx.trace.matrix(e.name) })), [ctx.trace, ctx.config]);
  const stageLabel = (e: (typeof entries)[number]) =>
    e.kind === 'embed'
      ? tx(text.stageEmbed)
      : e.kind === 'input'
        ? tx(inputLabel(ctx.config))
        : e.kind === 'memory'
          ? tx(text.stageMemory)
          : tx(text.stageLayer, { layer: e.layer ?? 0 });
  const stageLabels = entries.map(stageLabel);
  const embed = entries[0].rows;
  const memory = entries[entries.length - 1].rows;
  const path = entries.map((e) => e.rows[pos]); // (stages, D)
  const cos = useMemo(() => labels.map((_, i) => entries.map((e) => cosine(embed[i], e.rows[i]))), [labels, entries, embed]); // (S, stages)
  const before = useMemo(() => cosineMatrix(embed, embed), [embed]);
  const after = useMemo(() => cosineMatrix(memory, memory), [memory]);
  const repeats = repeatedPairs(labels);
  const cosScale = { kind: 'diverging' as const, domain: [-1, 1] as [number, number] };
  // The two token-by-token similarity maps share everything but their values.
  const pair = { rowLabels: labels, colLabels: labels, rowAxis: tx(AXES.sourcePosition), colAxis: tx(AXES.sourcePosition), scale: cosScale, legendLabel: tx(text.cosLegend) };
  const pairTip = (m: number[][]) => (r: number, c: number) => tx(text.pairTip, { a: labels[r], b: labels[c], v: formatValue(m[r][c]) });
  return (
    <Emphasis active={ctx.highlight === 'contextual-vectors'} testId="encstack-contextual">
      <h3>{tx(text.contextTitle)}</h3>
      <p>{tx(text.contextIntro)}</p>
      <ChoiceGroup
        legend={tx(text.tokenLegend)}
        choices={labels.map((l, i) => ({ label: `${i} · ${l}` }))}
        value={pos}
        onChange={setPicked}
        testId="encstack-token"
      />
      <Heatmap
        values={path}
        rowLabels={stageLabels}
        colLabels={dimensionLabels(ctx.config.dModel)}
        rowAxis={tx(text.stageAxis)}
        colAxis={tx(AXES.dimension)}
        title={tx(text.pathTitle, { token: labels[pos], pos })}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.value)}
        testId="encstack-path"
      />
      <p className="muted" data-testid="encstack-stages-note">{tx(stagesNote(ctx.config))}</p>
      <Heatmap
        values={cos}
        rowLabels={labels}
        colLabels={stageLabels}
        rowAxis={tx(AXES.sourcePosition)}
        colAxis={tx(text.stageAxis)}
        title={tx(text.cosTitle)}
        scale={cosScale}
        legendLabel={tx(text.cosLegend)}
        highlight={{ rows: [pos] }}
        describeCell={(r, c) => tx(text.cosTip, { token: labels[r], stage: stageLabels[c], v: formatValue(cos[r][c]) })}
        testId="encstack-cos"
      />
      <div className="heatmap-pair">
        <Heatmap {...pair} values={before} title={tx(text.pairTitleStatic)} describeCell={pairTip(before)} testId="encstack-cos-static" />
        <Heatmap {...pair} values={after} title={tx(text.pairTitleContext)} describeCell={pairTip(after)} testId="encstack-cos-memory" />
      </div>
      {repeats.length ? (
        repeats.map(([i, j]) => (
          <p key={`${i}.${j}`} className="note note--ok">
            {tx(text.repeated, { token: labels[i], i, j, before: formatValue(before[i][j]), after: formatValue(after[i][j]) })}
          </p>
        ))
      ) : (
        <p className="note">{tx(text.noRepeat)}</p>
      )}
      <p className="muted">{tx(text.derived)}</p>
    </Emphasis>
  );
}
