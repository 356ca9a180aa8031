// Teacher forcing vs autoregressive decoding, position by position: the arg max of the
// teacher-forced pass (recorded probs) next to each greedy step's choice and probability.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Emphasis } from '../shared/Emphasis';
import { formatProb, formatSmall } from '../shared/format';
import { firstStepPosition } from '../shared/labels';
import type { StageContext } from '../types';
import { text } from './content';

export function compareRuns(probs: readonly (readonly number[])[], steps: readonly { id: number; prob: number }[]) {
  const rows = steps.map((s, t) => {
    const p = probs[t];
    let arg = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[arg]) arg = i;
    return { tfId: arg, tfProb: p[arg], arId: s.id, arProb: s.prob, diff: Math.abs(p[s.id] - s.prob) };
  });
  return { rows, same: rows.filter((r) => r.tfId === r.arId).length, maxDiff: rows.reduce((m, r) => Math.max(m, r.diff), 0) };
}

export function TeacherForcing({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  const steps = ctx.result.translation.steps;
  const vocab = ctx.result.vocabTokens.tgt;
  const o = firstStepPosition(ctx.result); // step 1 is the row of <bos>, or of the decoder-only model's <sep>
  const cmp = useMemo(() => compareRuns(ctx.trace.matrix('probs').slice(o), steps), [ctx.trace, steps, o]);
  return (
    <Emphasis active={ctx.highlight === 'teacher-forcing'} testId="decoding-tf-section">
      <h3>{tx(text.tfTitle)}</h3>
      <p>{tx(text.tfIntro)}</p>
      {!ctx.result.variant.causalMask && <p className="note note--warn">{tx(text.tfNoMask)}</p>}
      <table className="data-table" data-testid="decoding-tf">
        <caption>{tx(text.tfCaption)}</caption>
        <thead>
          <tr>
            <th scope="col">t</th>
            <th scope="col">{tx(text.tfInput)}</th>
            <th scope="col">{tx(text.tfPredicted)}</th>
            <th scope="col">{tx(text.arChosen)}</th>
            <th scope="col">{tx(text.diff)}</th>
          </tr>
        </thead>
        <tbody>
          {cmp.rows.map((r, i) => (
            <tr key={i}>
              <td className="num">{o + i}</td>
              <td lang="zh-CN">{ctx.labels.target[o + i]}</td>
              <td lang="zh-CN" data-col="tf">
                {vocab[r.tfId]} <span className="muted">{formatProb(r.tfProb)}</span>
              </td>
              <td lang="zh-CN" data-col="ar">
                {vocab[r.arId]} <span className="muted">{formatProb(r.arProb)}</span>
              </td>
              <td className="num">{formatSmall(r.diff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="decoding-tf-summary">{tx(text.tfSummary, { same: cmp.same, total: cmp.rows.length, diff: formatSmall(cmp.maxDiff) })}</p>
      <p className="note">{tx(text.exposure)}</p>
    </Emphasis>
  );
}
