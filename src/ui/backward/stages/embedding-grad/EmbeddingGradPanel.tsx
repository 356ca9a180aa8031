// The embedding gradient: the non-zero rows of ∂L/∂E for the words of the chosen side (a table
// with each row's norm and its recorded relation to ∂L/∂x, and a heatmap), how many rows are
// exactly zero, and what happens at the positions (learned rows, or a note).
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { formatShort } from '../../../../viz/format';
import { Heatmap } from '../../../../viz/Heatmap';
import { AXES, SIDES } from '../../../stages/shared/content';
import { dimensionLabels } from '../../../stages/shared/labels';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';
import { embeddingNames, embeddingScale, norm, row, rowDifference, sideTokens, wordRows, zeroRowCount } from './rows';
import { positionsSentence, relationSentence, repeatSentences, scaleSentence, scaleText, zeroRowsSentence } from './texts';

export function EmbeddingGradPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { config, side } = ctx;
  const D = config.dModel;
  const names = embeddingNames(side);
  const tokens = sideTokens(ctx.labels, side);
  const vocab = side === 'enc' ? ctx.result.vocabTokens.src : ctx.result.vocabTokens.tgt;
  const grad = ctx.grad(names.table);
  const gradX = ctx.trace.get(`grad:${names.point}`);
  const scale = embeddingScale(config);
  const words = useMemo(() => wordRows(tokens, vocab), [tokens, vocab]);
  const stats = useMemo(() => {
    if (!grad) return null;
    const perWord = words.map((w) => ({ norm: norm(row(grad.data, w.id, D)), diff: rowDifference(grad, gradX, w.id, w.positions, scale) }));
    return { perWord, zero: zeroRowCount(grad), worst: Math.max(...perWord.map((w) => w.diff)) };
  }, [grad, gradX, words, D, scale]);
  const values = useMemo(() => (grad ? words.map((w) => row(grad.data, w.id, D)) : []), [grad, words, D]);
  if (!grad || !stats) return null;
  const tokenLang = side === 'dec' ? 'zh-CN' : 'en';
  const rowLabels = words.map((w) => `${w.token} (${w.id})`);

  return (
    <div className="embedding-grad-stage">
      <p>{tx(scaleSentence(config))}</p>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.tableCaption, { side: tx(SIDES[side]), table: names.table })}>
        <table className="data-table" data-testid="embedding-grad-table">
          <caption>{tx(text.tableCaption, { side: tx(SIDES[side]), table: names.table })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.colToken)}</th>
              <th scope="col" className="num">
                {tx(text.colId)}
              </th>
              <th scope="col">{tx(text.colPositions)}</th>
              <th scope="col" className="num">
                {tx(text.colNorm)}
              </th>
              <th scope="col" className="num">
                {tx(text.colDiff)}
              </th>
            </tr>
          </thead>
          <tbody>
            {words.map((w, i) => (
              <tr key={w.id}>
                <th scope="row" lang={w.token.startsWith('<') ? undefined : tokenLang}>
                  <code>{w.token}</code>
                </th>
                <td className="num">{w.id}</td>
                <td>{w.positions.join(', ')}</td>
                <td className="num">{formatShort(stats.perWord[i].norm)}</td>
                <td className="num">{formatShort(stats.perWord[i].diff)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        {repeatSentences(words).map((b, i) => (
          <li key={i}>{tx(b)}</li>
        ))}
        <li data-testid="embedding-grad-relation">{tx(relationSentence(stats.worst, config))}</li>
      </ul>
      <p className="stat-box" data-testid="embedding-grad-zero-rows">
        {tx(zeroRowsSentence(stats.zero, grad.shape[0], words.length))}
      </p>
      <Heatmap
        values={values}
        rowLabels={rowLabels}
        colLabels={dimensionLabels(D)}
        rowAxis={tx(text.rowAxis)}
        colAxis={tx(AXES.dimension)}
        title={tx(text.heatmapTitle, { side: tx(SIDES[side]) })}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.legend)}
        digits={5}
        describeCell={(r, c) => tx(text.cell, { id: words[r].id, dim: c, scale: scaleText(config), positions: words[r].positions.join(', ') })}
        exportName={`grad-${names.table}`}
        testId="embedding-grad-rows"
      />
      <Positions ctx={ctx} />
    </div>
  );
}

/** Learned positions: the rows this input reaches (= ∂L/∂x, unscaled); otherwise a note. */
function Positions({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const names = embeddingNames(ctx.side);
  const tokens = sideTokens(ctx.labels, ctx.side);
  const D = ctx.config.dModel;
  const grad = ctx.config.positional === 'learned' ? ctx.grad(names.positions) : null;
  const gradX = ctx.trace.get(`grad:${names.point}`);
  const learned = useMemo(() => {
    if (!grad) return null;
    const n = tokens.length;
    const positions = Array.from({ length: n }, (_, p) => p);
    const diff = Math.max(...positions.map((p) => rowDifference(grad, gradX, p, [p], 1)));
    return { n, zeroRows: zeroRowCount(grad), diff, values: positions.map((p) => row(grad.data, p, D)) };
  }, [grad, gradX, tokens.length, D]);
  const sentence = positionsSentence(ctx.config, learned);
  return (
    <>
      {sentence && (
        <p className="note" data-testid="embedding-grad-positions-note">
          {tx(sentence)}
        </p>
      )}
      {learned && (
        <Heatmap
          values={learned.values}
          rowLabels={tokens.map((t, p) => `${p} ${t}`)}
          colLabels={dimensionLabels(D)}
          rowAxis={tx(text.positionAxis)}
          colAxis={tx(AXES.dimension)}
          title={tx(text.positionsTitle, { table: names.positions })}
          scale={{ kind: 'diverging' }}
          legendLabel={tx(text.legend)}
          digits={5}
          describeCell={(r, c) => tx(text.positionCell, { p: r, dim: c })}
          exportName={`grad-${names.positions}`}
          testId="embedding-grad-positions"
        />
      )}
    </>
  );
}
