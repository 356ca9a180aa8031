// The decoder self-attention panel: the two attention sublayers compared (sources of Q, K, V
// and masks), one head's weights with the masked future hatched next to the same head's
// cross-attention, and a per-row check of the weights on future keys.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { AttentionWeights } from '../shared/AttentionWeights';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { attentionName, hasCross } from '../shared/names';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';
import { oneSquareNote } from './texts';

function CompareTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const t = ctx.labels.target.length;
  const s = ctx.labels.source.length;
  const v = { t, s };
  const rows: [string, string, string][] = [
    [tx(text.rowQ), tx(text.qSelf, v), tx(text.qCross, v)],
    [tx(text.rowKV), tx(text.kvSelf, v), tx(text.kvCross, v)],
    [tx(text.rowMask), tx(text.maskSelf), tx(text.maskCross)],
    [tx(text.rowShape), `T × T = ${t} × ${t}`, `T × S = ${t} × ${s}`],
  ];
  return (
    <table className="data-table" data-testid="decself-compare">
      <caption>{tx(text.compareCaption, v)}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{tx(text.colSelf)}</th>
          <th scope="col">{tx(text.colCross)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, self, cross]) => (
          <tr key={head}>
            <th scope="row">{head}</th>
            <td>{self}</td>
            <td>{cross}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FutureCheck({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const labels = ctx.labels.target;
  const rows = useMemo(() => {
    const w = ctx.trace.matrix(attentionName('dec', ctx.layer, 'self', 'weights'), ctx.head); // (T, T)
    return w.map((row, r) => ({
      future: row.reduce((a, x, c) => (c > r ? a + x : a), 0),
      sum: row.reduce((a, x) => a + x, 0),
    }));
  }, [ctx.trace, ctx.layer, ctx.head]);
  return (
    <table className="data-table" data-testid="decself-check">
      <caption>{tx(text.checkCaption, { head: ctx.head })}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.query)}</th>
          <th scope="col">{tx(text.visible)}</th>
          <th scope="col">{tx(text.future)}</th>
          <th scope="col">{tx(text.rowSum)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{labels[i]}</th>
            <td>{labels.slice(0, i + 1).join(' ')}</td>
            <td className="num" data-col="future">
              {formatValue(r.future)}
            </td>
            <td className="num" data-col="sum">
              {formatValue(r.sum)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DecoderSelfAttnPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const where = tx(text.which, { layer: ctx.layer, head: ctx.head });
  const emphasised = ctx.highlight === 'decoder-masks';
  const cross = hasCross(ctx.config);
  const oneSquare = oneSquareNote(ctx.config, ctx.result.promptLength);
  const promptEnd = ctx.result.promptLength;
  return (
    <div>
      <Emphasis active={emphasised} testId="decself-masks">
        {cross ? (
          <>
            <h3>{tx(text.compareTitle)}</h3>
            <CompareTable ctx={ctx} />
          </>
        ) : (
          oneSquare && (
            <p className="note" data-testid="decself-one-square">
              {tx(oneSquare)}
            </p>
          )
        )}
        <p className="muted">{tx(text.paddingNote)}</p>
        {!ctx.result.variant.causalMask && <p className="note note--warn">{tx(text.noCausal)}</p>}
        <p>{tx(cross ? text.hatched : text.hatchedOnly)}</p>
        <div className="heatmap-pair">
          <AttentionWeights
            ctx={ctx}
            side="dec"
            layer={ctx.layer}
            block="self"
            head={ctx.head}
            title={`${tx(text.heatmapTitle)} · ${where}`}
            highlight={emphasised ? { region: 'upper-triangle' } : undefined}
            dividers={!cross && promptEnd ? { rows: [promptEnd], cols: [promptEnd] } : undefined}
            testId="decself-weights"
          />
          {cross && (
            <AttentionWeights
              ctx={ctx}
              side="dec"
              layer={ctx.layer}
              block="cross"
              head={ctx.head}
              title={`${tx(text.crossTitle)} · ${where}`}
              testId="decself-cross"
            />
          )}
        </div>
      </Emphasis>
      <FutureCheck ctx={ctx} />
      <p className="muted">{tx(text.checkNote)}</p>
    </div>
  );
}
