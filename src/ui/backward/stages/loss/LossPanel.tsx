// The loss stage: the loss the step recorded at every position (and their mean), then one
// position taken apart word by word — the model's p beside the smoothed target q, and each
// word's share q·(−log p) of that position's loss, adding up to the recorded value.
import { useMemo, useState } from 'react';
import { useText } from '../../../../i18n';
import { ChoiceGroup } from '../../../stages/shared/ChoiceGroup';
import { formatProb, formatValue } from '../../../stages/shared/format';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';
import { positionDistribution, smoothedEntropy, worstPosition, type DistributionRow } from './distribution';
import './loss.css';

const TOP_OTHERS = 5;

export function LossPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { result, labels } = ctx;
  const T = labels.targetOutput.length;
  const V = result.vocabSizes.tgt;
  const eps = result.request.smoothing;
  const [chosen, setChosen] = useState<number | null>(null);
  const position = Math.min(chosen ?? worstPosition(result.lossRows), T - 1);

  const probs = useMemo(() => ctx.trace.matrix('probs'), [ctx.trace]); // (T, V)
  const logits = useMemo(() => ctx.trace.matrix('logits'), [ctx.trace]); // (T, V)
  const dist = useMemo(
    () => positionDistribution(logits[position], probs[position], result.targetIds[position], eps, result.vocabTokens.tgt, TOP_OTHERS),
    [logits, probs, position, result.targetIds, eps, result.vocabTokens.tgt],
  );
  const words = { t: position, reads: labels.targetInput[position], target: labels.targetOutput[position] };

  return (
    <>
      <h3>{tx(text.rowsTitle)}</h3>
      <table className="data-table" data-testid="loss-rows">
        <caption>{tx(text.rowsCaption)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.position)}</th>
            <th scope="col">{tx(text.reads)}</th>
            <th scope="col">{tx(text.target)}</th>
            <th scope="col">{tx(text.pTarget)}</th>
            <th scope="col">{tx(text.nll)}</th>
            <th scope="col">{tx(text.loss)}</th>
          </tr>
        </thead>
        <tbody>
          {result.lossRows.map((loss, t) => {
            const p = probs[t][result.targetIds[t]];
            return (
              <tr key={t} className={t === position ? 'row--current' : undefined}>
                <td className="num">{t}</td>
                <td lang="zh-CN">{labels.targetInput[t]}</td>
                <th scope="row" lang="zh-CN">
                  {labels.targetOutput[t]}
                </th>
                <td className="num">{formatProb(p)}</td>
                <td className="num">{formatValue(-Math.log(Math.max(p, 1e-30)))}</td>
                <td className="num" data-loss-row={loss}>
                  {formatValue(loss, 4)}
                </td>
              </tr>
            );
          })}
          <tr className="loss-rows__mean">
            <th scope="row" colSpan={5}>
              {tx(text.mean, { n: result.nTokens })}
            </th>
            <td className="num" data-testid="loss-mean" data-loss={result.loss}>
              {formatValue(result.loss, 4)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{eps > 0 ? tx(text.floor, { floor: formatValue(smoothedEntropy(eps, V), 4) }) : tx(text.epsZero)}</p>

      <ChoiceGroup
        legend={tx(text.positionLegend)}
        choices={labels.targetOutput.map((target, t) => ({ label: tx(text.positionChoice, { t, reads: labels.targetInput[t], target }) }))}
        value={position}
        onChange={setChosen}
        testId="loss-position"
      />
      <h3>{tx(text.distTitle, { t: position })}</h3>
      <table className="data-table loss-dist" data-testid="loss-distribution">
        <caption>{tx(text.distCaption, words)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.word)}</th>
            <th scope="col">{tx(text.p)}</th>
            <th scope="col">{tx(text.q)}</th>
            <th scope="col">{tx(text.share)}</th>
          </tr>
        </thead>
        <tbody>
          {dist.rows.map((r) => (
            <DistributionLine key={r.id} row={r} targetMark={tx(text.targetMark)} />
          ))}
          <tr>
            <th scope="row">{tx(text.rest, { count: dist.rest.count })}</th>
            <BarCell value={dist.rest.p} kind="p" />
            <BarCell value={dist.rest.q} kind="q" />
            <td className="num">{formatValue(dist.rest.share, 4)}</td>
          </tr>
          <tr className="loss-rows__mean">
            <th scope="row" colSpan={3}>
              {tx(text.total, { v: V })}
            </th>
            <td className="num" data-testid="loss-share-total">
              {formatValue(dist.total, 4)}
            </td>
          </tr>
        </tbody>
      </table>
      <p data-testid="loss-recorded">{tx(text.recorded, { loss: formatValue(result.lossRows[position], 4) })}</p>
      <p className="muted">
        {eps > 0
          ? tx(text.epsNote, { eps, top: formatProb(1 - eps + eps / V), other: (eps / V).toExponential(2), v: V })
          : tx(text.epsZero)}{' '}
        {tx(text.shareNote)} {tx(text.probsNote)}
      </p>
    </>
  );
}

function DistributionLine({ row, targetMark }: { row: DistributionRow; targetMark: string }) {
  return (
    <tr className={row.isTarget ? 'loss-dist__target' : undefined}>
      <th scope="row">
        <span lang="zh-CN">{row.token}</span>
        {row.isTarget && <> {targetMark}</>}
      </th>
      <BarCell value={row.p} kind="p" />
      <BarCell value={row.q} kind="q" />
      <td className="num">{formatValue(row.share, 4)}</td>
    </tr>
  );
}

/** A probability as a number with a bar behind it (the bar is decoration; the number is the data). */
function BarCell({ value, kind }: { value: number; kind: 'p' | 'q' }) {
  return (
    <td className="num loss-dist__cell">
      <span className={`loss-dist__bar loss-dist__bar--${kind}`} style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }} aria-hidden="true" />
      <span className="loss-dist__value">{formatProb(value)}</span>
    </td>
  );
}
