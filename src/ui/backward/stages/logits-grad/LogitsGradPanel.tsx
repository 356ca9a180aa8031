// The logits-grad stage: the recorded ∂L/∂z over the vocabulary columns that matter for this
// pair (a diverging map centred at 0), one position's entries beside (p − q)/N computed from the
// recorded p and the pair's q, and the row sums, which are 0.
import { useMemo, useState } from 'react';
import { useText } from '../../../../i18n';
import { ChoiceGroup } from '../../../stages/shared/ChoiceGroup';
import { AXES } from '../../../stages/shared/content';
import { formatProb, formatSmall, formatValue } from '../../../stages/shared/format';
import { smoothedTarget, worstPosition } from '../loss/distribution';
import { GRAD_WORDS } from '../shared/content';
import { GradHeatmap } from '../shared/GradHeatmap';
import { positionLabels } from '../shared/labels';
import { maxAbs, rowSums } from '../shared/gradStats';
import { relevantVocab, topK } from '../shared/vocab';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';

const OTHERS = 5;

export function LogitsGradPanel({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { result, labels } = ctx;
  const V = result.vocabSizes.tgt;
  const N = result.nTokens;
  const eps = result.request.smoothing;
  const T = labels.targetOutput.length;
  const [chosen, setChosen] = useState<number | null>(null);
  const position = Math.min(chosen ?? worstPosition(result.lossRows), T - 1);

  const probs = useMemo(() => ctx.trace.matrix('probs'), [ctx.trace]); // (T, V)
  const grad = useMemo(() => ctx.trace.matrix('grad:logits'), [ctx.trace]); // (T, V)
  const columns = useMemo(() => relevantVocab(result), [result]);
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const sums = useMemo(() => rowSums(grad), [grad]);
  const q = (t: number, v: number) => smoothedTarget(v, result.targetIds[t], eps, V);

  const target = result.targetIds[position];
  const shown = useMemo(() => [target, ...topK(probs[position], OTHERS + 1).filter((v) => v !== target).slice(0, OTHERS)], [probs, position, target]);
  const rest = useMemo(() => {
    const inShown = new Set(shown);
    let p = 0;
    let qs = 0;
    let g = 0;
    for (let v = 0; v < V; v++) {
      if (inShown.has(v)) continue;
      p += probs[position][v];
      qs += smoothedTarget(v, target, eps, V);
      g += grad[position][v];
    }
    return { count: V - shown.length, p, q: qs, g };
  }, [shown, probs, grad, position, target, V, eps]);
  const words = { t: position, reads: labels.targetInput[position], target: labels.targetOutput[position] };

  return (
    <>
      <GradHeatmap
        trace={ctx.trace}
        name="grad:logits"
        columns={columnIds}
        rowLabels={positionLabels(labels)}
        colLabels={columns.map((c) => c.token)}
        rowAxis={tx(GRAD_WORDS.position)}
        colAxis={tx(AXES.vocab)}
        title={tx(text.heatmapTitle)}
        legendLabel={tx(GRAD_WORDS.legend)}
        describeCell={(r, c) => {
          const v = columnIds[c];
          const p = probs[r][v];
          const qv = q(r, v);
          return tx(text.cellTip, { p: formatProb(p), q: formatProb(qv), expected: formatValue((p - qv) / N, 5), n: N });
        }}
        testId="logits-grad"
      />
      <p className="muted">
        {tx(GRAD_WORDS.columnsNote, { targets: columns.filter((c) => c.target).length, shown: columns.length, v: V })} {tx(text.signNote)}
      </p>

      <ChoiceGroup
        legend={tx(text.positionLegend)}
        choices={labels.targetOutput.map((w, t) => ({ label: tx(text.positionChoice, { t, reads: labels.targetInput[t], target: w }) }))}
        value={position}
        onChange={setChosen}
        testId="logits-grad-position-choice"
      />
      <h3>{tx(text.posTitle, { t: position })}</h3>
      <table className="data-table" data-testid="logits-grad-position">
        <caption>{tx(text.posCaption, words)}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.word)}</th>
            <th scope="col">{tx(text.p)}</th>
            <th scope="col">{tx(text.q)}</th>
            <th scope="col">{tx(text.formula)}</th>
            <th scope="col">{tx(text.recorded)}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((v) => {
            const p = probs[position][v];
            const qv = q(position, v);
            return (
              <tr key={v}>
                <th scope="row">
                  <span lang="zh-CN">{result.vocabTokens.tgt[v]}</span>
                  {v === target && <> {tx(text.targetMark)}</>}
                </th>
                <td className="num">{formatProb(p)}</td>
                <td className="num">{formatProb(qv)}</td>
                <td className="num">{formatValue((p - qv) / N, 5)}</td>
                <td className="num" data-recorded={grad[position][v]}>
                  {formatValue(grad[position][v], 5)}
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">{tx(text.rest, { count: rest.count })}</th>
            <td className="num">{formatProb(rest.p)}</td>
            <td className="num">{formatProb(rest.q)}</td>
            <td className="num">{formatValue((rest.p - rest.q) / N, 5)}</td>
            <td className="num">{formatValue(rest.g, 5)}</td>
          </tr>
        </tbody>
      </table>

      <h3>{tx(text.rowSumsTitle)}</h3>
      <table className="data-table" data-testid="logits-grad-rowsums">
        <caption>{tx(text.rowSumsCaption, { v: V })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.position)}</th>
            <th scope="col">{tx(text.target)}</th>
            <th scope="col">{tx(text.atTarget)}</th>
            <th scope="col">{tx(text.rowSum)}</th>
          </tr>
        </thead>
        <tbody>
          {sums.map((s, t) => (
            <tr key={t}>
              <td className="num">{t}</td>
              <th scope="row" lang="zh-CN">
                {labels.targetOutput[t]}
              </th>
              <td className="num">{formatValue(grad[t][result.targetIds[t]], 5)}</td>
              <td className="num" data-row-sum={s}>
                {formatSmall(s)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{tx(text.rowSumsNote, { max: formatSmall(maxAbs([sums])), largest: formatValue(maxAbs(grad), 4) })}</p>
    </>
  );
}
