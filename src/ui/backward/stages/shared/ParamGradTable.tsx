// Parameters (checkpoint names) with the size of each weight beside the size of its gradient,
// read from ctx.param and ctx.grad; names the model lacks are left out.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import type { BackwardStageContext } from '../../types';
import { formatGrad, norm } from './gradStats';
import { paramGradText as text } from './paramGradContent';

export interface ParamGradRow {
  name: string;
  shape: readonly number[];
  weightNorm: number;
  gradNorm: number;
}

export function paramGradRows(ctx: Pick<BackwardStageContext, 'param' | 'grad'>, names: readonly string[]): ParamGradRow[] {
  return names.flatMap((name) => {
    const w = ctx.param(name);
    const g = ctx.grad(name);
    return w && g ? [{ name, shape: w.shape, weightNorm: norm(w.data), gradNorm: norm(g.data) }] : [];
  });
}

export function ParamGradTable({ ctx, names, caption, testId }: { ctx: BackwardStageContext; names: readonly string[]; caption: string; testId: string }) {
  const { text: tx } = useText();
  const key = names.join('|'); // a new array of the same names keeps the rows
  const rows = useMemo(() => paramGradRows(ctx, key.split('|')), [ctx, key]);
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
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
              <td className="num">{formatGrad(r.weightNorm)}</td>
              <td className="num" data-col="grad-norm">
                {formatGrad(r.gradNorm)}
              </td>
              <td className="num">{formatGrad(r.weightNorm ? r.gradNorm / r.weightNorm : 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
