// Clipping and Adam for one tensor: a picker over the picked layer's tensors (and those outside
// the layer stack), the settings with the bias corrections, what the first step does, a table of
// Adam's parts for a few entries (host) beside the engine's Δw, their largest difference over the
// whole tensor, and Δw drawn as a heatmap (a strip for vectors).
import { useId, useMemo, useState } from 'react';
import { useText } from '../../../../i18n';
import { formatShort } from '../../../../viz/format';
import { Heatmap } from '../../../../viz/Heatmap';
import { VectorStrip } from '../../../../viz/VectorStrip';
import { dimensionLabels } from '../../../stages/shared/labels';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';
import { defaultTensor, pickerGroups } from './groups';
import { coordinates, tensorStep, type TensorStep } from './step';
import { adamSentences, clipSentence, groupLabel } from './texts';

/** Labels of a tensor's rows and columns: words for the embedding tables and the output layer. */
function axisLabels(ctx: BackwardPanelProps['ctx'], name: string, shape: readonly number[]): { rows: string[]; cols: string[] } {
  const { src, tgt } = ctx.result.vocabTokens;
  const [r, c] = shape.length === 2 ? shape : [1, shape[0]];
  const rows = name === 'src_embed.weight' ? [...src] : name === 'tgt_embed.weight' ? [...tgt] : name.endsWith('_pos.weight') ? dimensionLabels(r, '') : dimensionLabels(r);
  const cols = name.startsWith('out.') ? [...tgt] : dimensionLabels(c);
  return { rows, cols };
}

export function ClipSection({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { update, gradNorm } = ctx.result;
  return (
    <section className="stat-box" data-testid="update-clip">
      <h3>{tx(text.clipTitle)}</h3>
      <p>{tx(clipSentence(gradNorm, update.settings.maxNorm, update.clipScale))}</p>
    </section>
  );
}

export function TensorStepSection({ ctx, options }: BackwardPanelProps & { options: ReturnType<typeof pickerGroups> }) {
  const { text: tx } = useText();
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const offered = options.flatMap((g) => g.names);
  const fallback = offered.includes(defaultTensor(ctx.side, ctx.layer)) ? defaultTensor(ctx.side, ctx.layer) : offered[0];
  const name = chosen && offered.includes(chosen) ? chosen : fallback;
  const step = useMemo(() => (name ? tensorStep(ctx.result, name) : null), [ctx.result, name]);
  const { settings, adamStep: t } = ctx.result.update;
  const c1 = 1 - Math.pow(settings.beta1, t);
  const c2 = 1 - Math.pow(settings.beta2, t);

  return (
    <section data-testid="update-adam">
      <h3>{tx(text.adamTitle)}</h3>
      <p>
        {tx(text.settings, { lr: settings.lr, b1: settings.beta1, b2: settings.beta2, eps: settings.eps, wd: settings.weightDecay, t, c1: formatShort(c1), c2: formatShort(c2) })}
      </p>
      {adamSentences(t, settings.weightDecay).map((b, i) => (
        <p key={i}>{tx(b)}</p>
      ))}
      <div className="pickers">
        <div className="pickers__field">
          <label htmlFor={selectId}>{tx(text.tensorLabel)}</label>
          <select id={selectId} value={name} onChange={(e) => setChosen(e.target.value)} data-testid="update-tensor">
            {options.map((g) => (
              <optgroup key={g.key} label={tx(groupLabel(g.key))}>
                {g.names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      {step && <StepDetails ctx={ctx} step={step} />}
    </section>
  );
}

const precise = (x: number) => (x === 0 ? '0' : x.toPrecision(7).replace(/^-/, '−'));

function StepDetails({ ctx, step }: BackwardPanelProps & { step: TensorStep }) {
  const { text: tx } = useText();
  const { parts, engine, shape, name } = step;
  const n = engine.length;
  const grad = ctx.result.paramGrads.get(name)!;
  const labels = useMemo(() => axisLabels(ctx, name, shape), [ctx, name, shape]);
  const values = useMemo(() => {
    const cols = labels.cols.length;
    return Array.from({ length: labels.rows.length }, (_, r) => Array.from(engine.subarray(r * cols, (r + 1) * cols)));
  }, [engine, labels]);
  const caption = tx(step.sample.some((i) => grad[i] === 0) ? text.partsCaptionZero : text.partsCaption, { name });
  const describe = (i: number) => tx(text.deltaCell, { g: formatShort(grad[i]), d: formatShort(engine[i]) });
  return (
    <>
      <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table" data-testid="update-parts-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {[text.colEntry, text.colG].map((h, i) => (
                <th key={i} scope="col">
                  {tx(h)}
                </th>
              ))}
              {['m', 'v', 'm̂', 'v̂'].map((h) => (
                <th key={h} scope="col" className="num">
                  {h}
                </th>
              ))}
              {[text.colHost, text.colEngine, text.colDiff].map((h, i) => (
                <th key={i} scope="col" className="num">
                  {tx(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {step.sample.map((i) => (
              <tr key={i}>
                <th scope="row">{coordinates(i, shape)}</th>
                <td className="num">{formatShort(parts.g[i])}</td>
                <td className="num">{formatShort(parts.m[i])}</td>
                <td className="num">{formatShort(parts.v[i])}</td>
                <td className="num">{formatShort(parts.mHat[i])}</td>
                <td className="num">{formatShort(parts.vHat[i])}</td>
                <td className="num">{precise(parts.step[i])}</td>
                <td className="num">{precise(engine[i])}</td>
                <td className="num">{formatShort(Math.abs(engine[i] - parts.step[i]))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note note--ok" data-testid="update-agree">
        {tx(text.agree, { diff: formatShort(step.maxDiff), n, name })}
      </p>
      <p data-testid="update-near-lr">{tx(text.nearLr, { near: step.nearLr, n, lr: ctx.result.update.settings.lr, zero: step.zeroGrad })}</p>
      {shape.length === 2 ? (
        <Heatmap
          values={values}
          rowLabels={labels.rows}
          colLabels={labels.cols}
          rowAxis={tx(text.deltaRows)}
          colAxis={tx(text.deltaCols)}
          title={tx(text.deltaTitle, { name })}
          scale={{ kind: 'diverging' }}
          legendLabel={tx(text.deltaLegend)}
          digits={6}
          describeCell={(r, c) => describe(r * labels.cols.length + c)}
          exportName={`delta-${name}`}
          testId="update-delta"
        />
      ) : (
        <VectorStrip
          values={values[0]}
          label={name}
          entryLabels={labels.cols}
          title={tx(text.deltaTitle, { name })}
          legendLabel={tx(text.deltaLegend)}
          digits={6}
          describeEntry={describe}
          exportName={`delta-${name}`}
          testId="update-delta"
        />
      )}
      <p className="muted">{tx(text.copyNote)}</p>
    </>
  );
}
