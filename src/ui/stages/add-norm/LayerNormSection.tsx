// LayerNorm of one block, token by token: the recorded μ and rstd, σ² read back from rstd,
// x̂ = (x − μ)·rstd (computed for display), the recorded output y, and the model's own γ and β
// (parameters of the checkpoint that computed this trace).
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Heatmap } from '../../../viz';
import { AXES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatSmall, formatValue } from '../shared/format';
import { dimensionLabels } from '../shared/labels';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StageContext } from '../types';
import { text } from './content';
import { affineError, moments, normalizeRows, varianceFromRstd } from './layerNorm';
import type { BlockNames } from './sublayers';

function useLayerNorm(ctx: StageContext, names: BlockNames) {
  const { trace, config, param } = ctx;
  return useMemo(() => {
    const x = trace.matrix(names.lnInput); // (L, D)
    const mean = trace.matrix(names.ln.mean)[0]; // (L)
    const rstd = trace.matrix(names.ln.rstd)[0]; // (L)
    const y = trace.matrix(names.ln.y); // (L, D)
    const xhat = normalizeRows(x, mean, rstd);
    const rows = mean.map((m, i) => ({ mean: m, rstd: rstd[i], variance: varianceFromRstd(rstd[i], config.lnEps), after: moments(xhat[i]) }));
    const gamma = param(names.ln.gamma)?.data ?? null; // (D)
    const beta = param(names.ln.beta)?.data ?? null; // (D)
    const affine = gamma && beta ? { gamma: Array.from(gamma), beta: Array.from(beta), error: affineError(xhat, y, gamma, beta) } : null;
    return { x, mean, rstd, y, xhat, rows, affine };
  }, [trace, param, names, config.lnEps]);
}

export function LayerNormSection({ ctx, names, labels }: { ctx: StageContext; names: BlockNames; labels: string[] }) {
  const { text: tx } = useText();
  const D = ctx.config.dModel;
  const ln = useLayerNorm(ctx, names);
  const dims = dimensionLabels(D);
  const common = { rowLabels: labels, colLabels: dims, rowAxis: tx(AXES.position), colAxis: tx(AXES.dimension), legendLabel: tx(text.value) };
  const xhatTip = (r: number, c: number) =>
    tx(text.xhatTip, {
      x: formatValue(ln.x[r][c]),
      mean: formatValue(ln.mean[r]),
      rstd: formatValue(ln.rstd[r]),
      xhat: formatValue(ln.xhat[r][c]),
    });
  const { affine } = ln;
  const yTip = (r: number, c: number) =>
    affine
      ? tx(text.yTip, { g: formatValue(affine.gamma[c]), xhat: formatValue(ln.xhat[r][c]), b: formatValue(affine.beta[c]), y: formatValue(ln.y[r][c]) })
      : undefined;
  const affineTip = (r: number, c: number) =>
    affine &&
    tx(r === 0 ? text.gammaTip : text.betaTip, {
      name: r === 0 ? names.ln.gamma : names.ln.beta,
      c,
      v: formatValue(r === 0 ? affine.gamma[c] : affine.beta[c]),
    });
  return (
    <Emphasis active={ctx.highlight === 'ln-stats'} testId="addnorm-ln-section">
      <h3>{tx(text.lnTitle)}</h3>
      <p>{tx(ctx.config.norm === 'post' ? text.lnInputPost : text.lnInputPre, { d: D })}</p>
      <table className="data-table" data-testid="addnorm-stats">
        <caption>{tx(text.statsCaption, { d: D })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.token)}</th>
            <th scope="col">{tx(text.mean)}</th>
            <th scope="col">{tx(text.variance)}</th>
            <th scope="col">{tx(text.rstd)}</th>
            <th scope="col">{tx(text.xhatMean)}</th>
            <th scope="col">{tx(text.xhatVar)}</th>
          </tr>
        </thead>
        <tbody>
          {ln.rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{labels[i]}</th>
              <td className="num" data-col="mean">
                {formatValue(row.mean)}
              </td>
              <td className="num" data-col="variance">
                {formatValue(row.variance)}
              </td>
              <td className="num" data-col="rstd">
                {formatValue(row.rstd)}
              </td>
              <td className="num" data-col="xhat-mean">
                {formatValue(Math.abs(row.after.mean) < 5e-4 ? 0 : row.after.mean)}
              </td>
              <td className="num" data-col="xhat-variance">
                {formatValue(row.after.variance)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{tx(text.statsNote)}</p>
      <div className="heatmap-row">
        <Heatmap {...common} values={ln.xhat} title={tx(text.xhatTitle)} scale={{ kind: 'diverging' }} describeCell={xhatTip} testId="addnorm-xhat" />
        <TraceHeatmap ctx={ctx} {...common} name={names.ln.y} title={tx(text.yTitle)} scale={{ kind: 'diverging' }} describeCell={yTip} testId="addnorm-ln" />
      </div>
      {affine ? (
        <>
          <Heatmap
            values={[affine.gamma, affine.beta]}
            rowLabels={['γ', 'β']}
            colLabels={dims}
            rowAxis={tx(text.paramAxis)}
            colAxis={tx(AXES.dimension)}
            title={tx(text.affineTitle)}
            scale={{ kind: 'diverging' }}
            legendLabel={tx(text.value)}
            describeCell={affineTip}
            exportName={`${names.ln.gamma.replace(/\.gamma$/, '')}.affine`}
            testId="addnorm-affine"
          />
          <p className="muted" data-testid="addnorm-affine-range">
            {tx(text.affineRange, {
              gMin: formatValue(Math.min(...affine.gamma)),
              gMax: formatValue(Math.max(...affine.gamma)),
              bMin: formatValue(Math.min(...affine.beta)),
              bMax: formatValue(Math.max(...affine.beta)),
            })}
          </p>
          <p className="muted" data-testid="addnorm-affine-check">{tx(text.affineNote, { gamma: names.ln.gamma, beta: names.ln.beta, err: formatSmall(affine.error) })}</p>
        </>
      ) : (
        <p className="note">{tx(text.affineMissing, { gamma: names.ln.gamma })}</p>
      )}
      <p className="note">{tx(text.lnVsBn)}</p>
    </Emphasis>
  );
}
