// LayerNorm's backward on the recorded step: per position the mean of ∂L/∂y before and of ∂L/∂r
// after (0), the angle to x̂ (90°), rstd and both norms; ∂L/∂r as a heatmap; the gradients of
// γ and β with the sums they must equal.
import { useMemo } from 'react';
import { useText } from '../../../../i18n';
import { Heatmap } from '../../../../viz/Heatmap';
import { AXES } from '../../../stages/shared/content';
import { dimensionLabels } from '../../../stages/shared/labels';
import type { BackwardStageContext } from '../../types';
import { GradHeatmap } from '../shared/GradHeatmap';
import { decimalsFor, formatGrad } from '../shared/gradStats';
import { text } from './content';
import { grad, type OutputGradNames } from './names';
import { lnGradRows, lnParamCheck, normalized } from './stats';

export function useLnGrad(ctx: BackwardStageContext, names: OutputGradNames) {
  const { trace } = ctx;
  return useMemo(() => {
    const dy = trace.matrix(grad(names.lnOut)); // (T, D)
    const dr = trace.matrix(grad(names.lnIn)); // (T, D)
    const r = trace.matrix(names.lnIn);
    const mean = trace.matrix(`${names.ln}.mean`)[0]; // (T)
    const rstd = trace.matrix(`${names.ln}.rstd`)[0]; // (T)
    const xhat = normalized(r, mean, rstd);
    const rows = lnGradRows(dy, dr, xhat, rstd);
    const dGamma = ctx.grad(names.params.gamma)?.data ?? null;
    const dBeta = ctx.grad(names.params.beta)?.data ?? null;
    const check = dGamma && dBeta ? lnParamCheck(dy, xhat, dGamma, dBeta) : null;
    return { dy, rows, dGamma, dBeta, check };
  }, [trace, ctx, names]);
}

export function LnGradSection({ ctx, names, labels }: { ctx: BackwardStageContext; names: OutputGradNames; labels: readonly string[] }) {
  const { text: tx } = useText();
  const ln = useLnGrad(ctx, names);
  const dims = dimensionLabels(ctx.config.dModel);
  const worstMean = Math.max(...ln.rows.map((r) => Math.abs(r.meanAfter)));
  const worstCos = Math.max(...ln.rows.map((r) => Math.abs(r.cosAfter)));
  const params = ln.dGamma && ln.dBeta ? [Array.from(ln.dGamma), Array.from(ln.dBeta)] : null;
  return (
    <section aria-labelledby="output-grad-ln">
      <h3 id="output-grad-ln">{tx(text.lnTitle)}</h3>
      <p>{tx(text.lnIntro, { lnIn: names.lnIn })}</p>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={tx(text.lnCaption, { ln: names.ln })}>
        <table className="data-table" data-testid="output-grad-ln-table">
          <caption>{tx(text.lnCaption, { ln: names.ln })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.token)}</th>
              <th scope="col">{tx(text.meanBefore)}</th>
              <th scope="col">{tx(text.meanAfter)}</th>
              <th scope="col">{tx(text.cosAfter)}</th>
              <th scope="col">{tx(text.rstd)}</th>
              <th scope="col">{tx(text.normBefore)}</th>
              <th scope="col">{tx(text.normAfter)}</th>
            </tr>
          </thead>
          <tbody>
            {ln.rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{labels[i]}</th>
                <td className="num" data-col="mean-before">{formatGrad(row.meanBefore)}</td>
                <td className="num" data-col="mean-after">{formatGrad(row.meanAfter)}</td>
                <td className="num" data-col="cos-after">{formatGrad(row.cosAfter)}</td>
                <td className="num" data-col="rstd">{formatGrad(row.rstd)}</td>
                <td className="num" data-col="norm-before">{formatGrad(row.normBefore)}</td>
                <td className="num" data-col="norm-after">{formatGrad(row.normAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note" data-testid="output-grad-ln-note">
        {tx(text.lnNote, { mean: formatGrad(worstMean), cos: formatGrad(worstCos) })}
      </p>
      <GradHeatmap
        trace={ctx.trace}
        name={grad(names.lnIn)}
        rowLabels={labels}
        colLabels={dims}
        rowAxis={tx(text.position)}
        colAxis={tx(AXES.dimension)}
        title={tx(text.lnInTitle, { name: names.lnIn })}
        legendLabel={tx(text.gradLegend)}
        testId="output-grad-ln-in"
      />
      {params && ln.check ? (
        <>
          <Heatmap
            values={params}
            rowLabels={['∂L/∂γ', '∂L/∂β']}
            colLabels={dims}
            rowAxis={tx(text.paramAxis)}
            colAxis={tx(AXES.dimension)}
            title={tx(text.lnParamsTitle, { ln: names.ln })}
            scale={{ kind: 'diverging' }}
            legendLabel={tx(text.gradLegend)}
            digits={decimalsFor(params)}
            exportName={`grad.${names.ln}.affine`}
            testId="output-grad-ln-params"
          />
          <p className="muted" data-testid="output-grad-ln-params-check">
            {tx(text.lnParamsNote, { beta: formatGrad(ln.check.beta), gamma: formatGrad(ln.check.gamma) })}
          </p>
        </>
      ) : (
        <p className="note">{tx(text.lnParamsMissing, { name: names.params.gamma })}</p>
      )}
    </section>
  );
}
