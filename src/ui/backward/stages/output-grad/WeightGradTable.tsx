// The parameters the gradient has passed in this stage: each weight's size beside its
// gradient's, and (ReLU) the columns of ∂L/∂W₁ that stayed zero.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import type { BackwardStageContext } from '../../types';
import { formatGrad, norm } from '../shared/gradStats';
import { text } from './content';
import type { OutputGradNames } from './names';
import { deadColumns } from './stats';
import { deadText } from './texts';

export function WeightGradTable({ ctx, names }: { ctx: BackwardStageContext; names: OutputGradNames }) {
  const { text: tx } = useText();
  const { dModel: D, dFF: F } = ctx.config;
  const p = names.params;
  const rows = useMemo(() => {
    const q = names.params;
    // In the order the gradient reaches them.
    return [q.out, q.outBias, q.gamma, q.beta, q.w2, q.b2, q.w1, q.b1].flatMap((name) => {
      const w = ctx.param(name);
      const g = ctx.grad(name);
      if (!w || !g) return [];
      const wn = norm(w.data);
      const gn = norm(g.data);
      return [{ name, shape: w.shape, wn, gn, ratio: wn ? gn / wn : 0 }];
    });
  }, [ctx, names]);
  const dead = useMemo(() => {
    const g = ctx.grad(p.w1);
    return g && ctx.config.activation === 'relu' ? deadColumns(g.data, D, F, ctx.trace.matrix(names.ffn.act)) : null;
  }, [ctx, p.w1, D, F, names.ffn.act]);
  return (
    <section aria-labelledby="output-grad-weights">
      <h3 id="output-grad-weights">{tx(text.weightsTitle)}</h3>
      <p>{tx(text.weightsIntro)}</p>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.weightsCaption)}>
        <table className="data-table" data-testid="output-grad-weights">
          <caption>{tx(text.weightsCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.parameter)}</th>
              <th scope="col">{tx(text.shape)}</th>
              <th scope="col">{tx(text.weightNorm)}</th>
              <th scope="col">{tx(text.gradNorm)}</th>
              <th scope="col">{tx(text.ratio)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-param={r.name}>
                <th scope="row">
                  <code>{r.name}</code>
                </th>
                <td>({r.shape.join(', ')})</td>
                <td className="num">{formatGrad(r.wn)}</td>
                <td className="num" data-col="grad-norm">{formatGrad(r.gn)}</td>
                <td className="num">{formatGrad(r.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dead && (
        <p className="muted" data-testid="output-grad-dead">
          {tx(deadText(F, dead))}
        </p>
      )}
    </section>
  );
}
