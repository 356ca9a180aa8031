// Cross-entropy per position against the model's own translation (the sequence the
// teacher-forced pass read), plain and, when its checkpoint records it, with the label
// smoothing the model was trained with.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { formatProb, formatValue } from '../shared/format';
import type { StageContext } from '../types';
import { text } from './content';
import { smoothedCrossEntropy } from './distribution';
import { smoothingScopeText } from './texts';

export function LossTable({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const { translation, reference } = ctx.result;
  const eps = ctx.trainingMeta.labelSmoothing; // null: the checkpoint does not say
  // The decoder-only model's loss counts only the positions from <sep> on (each predicts a
  // word of the continuation); the translator's starts at <bos>.
  const first = (ctx.result.promptLength ?? 1) - 1;
  const rows = useMemo(() => {
    const probs = ctx.trace.matrix('probs'); // (T, V)
    // Positions with a target: all of them, except the last when decoding stopped at the
    // length limit (that position's next token was never chosen).
    return probs.slice(first, first + translation.ids.length).map((p, i) => {
      const gold = translation.ids[i];
      return { t: first + i, gold, p: p[gold], nll: -Math.log(Math.max(p[gold], 1e-30)), smoothed: eps === null ? null : smoothedCrossEntropy(p, gold, eps) };
    });
  }, [ctx.trace, translation.ids, eps, first]);
  const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0) / Math.max(1, rows.length);
  const refText =
    reference?.kind === 'match'
      ? tx(text.refMatch)
      : reference?.kind === 'differs'
        ? tx(text.refDiffers, { ref: reference.tokens.join(' ') })
        : tx(text.refNone);
  return (
    <>
      <p>
        {tx(text.lossIntro)} {refText}
      </p>
      <table className="data-table" data-testid="output-loss">
        <caption>{tx(text.lossCaption)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.position)}</th>
            <th scope="col">{tx(text.reads)}</th>
            <th scope="col">{tx(text.target)}</th>
            <th scope="col">{tx(text.pTarget)}</th>
            <th scope="col">{tx(text.nll)}</th>
            {eps !== null && <th scope="col">{tx(text.smoothedLoss, { eps })}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, ...r }) => (
            <tr key={t}>
              <td className="num">{t}</td>
              <th scope="row">{ctx.labels.target[t]}</th>
              <td lang="zh-CN">{ctx.labels.predicted[t]}</td>
              <td className="num">{formatProb(r.p)}</td>
              <td className="num">{formatValue(r.nll)}</td>
              {r.smoothed !== null && <td className="num">{formatValue(r.smoothed)}</td>}
            </tr>
          ))}
          <tr className="row--current">
            <th scope="row" colSpan={4}>
              {tx(text.mean)}
            </th>
            <td className="num">{formatValue(mean((r) => r.nll))}</td>
            {eps !== null && <td className="num">{formatValue(mean((r) => r.smoothed ?? 0))}</td>}
          </tr>
        </tbody>
      </table>
      <p className="muted">{eps === null ? tx(text.smoothingUnknown) : tx(text.lossNote, { eps })}</p>
      {eps !== null && eps > 0 && (
        <p className="muted" data-testid="output-smoothing-scope">
          {tx(smoothingScopeText(eps, ctx.result.vocabTokens.tgt))}
        </p>
      )}
    </>
  );
}
