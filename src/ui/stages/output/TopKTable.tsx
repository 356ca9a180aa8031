// Top-k at every position from the recorded probabilities: greedy takes the first column.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { formatProb } from '../shared/format';
import type { StageContext } from '../types';
import { text } from './content';
import { topK } from './distribution';

export function TopKTable({ ctx, k }: { ctx: StageContext; k: number }) {
  const { text: tx } = useText();
  const vocab = ctx.result.vocabTokens.tgt;
  const rows = useMemo(() => ctx.trace.matrix('probs').map((p) => topK(p, k)), [ctx.trace, k]);
  return (
    <table className="data-table" data-testid="output-topk">
      <caption>{tx(text.tableCaption, { k })}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.position)}</th>
          <th scope="col">{tx(text.reads)}</th>
          {Array.from({ length: k }, (_, i) => (
            <th key={i} scope="col">
              {tx(text.rank, { n: i + 1 })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((ranked, t) => (
          <tr key={t}>
            <td className="num">{t}</td>
            <th scope="row">{ctx.labels.target[t]}</th>
            {ranked.map((r, i) => (
              <td key={i} className={i === 0 ? 'output-topk__chosen' : undefined} data-token={vocab[r.index]}>
                <span lang="zh-CN">{vocab[r.index]}</span> <span className="muted">{formatProb(r.prob)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
