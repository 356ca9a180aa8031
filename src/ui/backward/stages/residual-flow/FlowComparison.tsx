// The on-request comparison: a layer count (this model's, 6 or 8), a button that asks the shell
// to build and run post-norm, pre-norm and no-residual models (ctx.requestFlowComparison), its
// status, an honest caption (fresh models, same seed and sizes, run on this pair, not trained)
// and every block input's norm per architecture as a table.
import { useState } from 'react';
import { useText } from '../../../../i18n';
import type { FlowComparisonView } from '../../../../store/backwardResult';
import { formatShort } from '../../../../viz/format';
import { ChoiceGroup } from '../../../stages/shared/ChoiceGroup';
import type { BackwardPanelProps } from '../../types';
import { ARCHITECTURES, text } from './content';
import { layerChoices, pointLabel } from './flow';
import { comparisonCaption } from './texts';

export function FlowComparison({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const { status, view, error } = ctx.flowComparison;
  const choices = layerChoices(ctx.config);
  const own = new Set([ctx.config.nDecoderLayers, ctx.config.nEncoderLayers]);
  const [picked, setPicked] = useState(() => view?.layers ?? ctx.config.nDecoderLayers);
  const layers = choices.includes(picked) ? picked : choices[0];
  const running = status === 'running';
  return (
    <section className="stat-box" data-testid="residual-flow-comparison">
      <h3>{tx(text.compareTitle)}</h3>
      <p>{tx(text.compareIntro)}</p>
      <ChoiceGroup
        legend={tx(text.layersLegend)}
        choices={choices.map((n) => ({ label: own.has(n) ? tx(text.layersOwn, { n }) : String(n) }))}
        value={choices.indexOf(layers)}
        onChange={(i) => setPicked(choices[i])}
        testId="residual-flow-layers"
      />
      <button
        type="button"
        className="button"
        // aria-disabled, not disabled: a disabled button drops keyboard focus.
        aria-disabled={running || undefined}
        onClick={() => {
          if (!running) ctx.requestFlowComparison(layers);
        }}
        data-testid="residual-flow-compare"
      >
        {tx(text.compareButton)}
      </button>
      <p role="status" aria-live="polite" data-testid="residual-flow-status">
        {running ? tx(text.running) : ''}
      </p>
      {status === 'failed' && (
        <p role="alert" className="note note--warn">
          {tx(text.failed, { error: error ?? '' })}
        </p>
      )}
      {view && view.layers !== layers && <p className="muted">{tx(text.otherLayers, { layers: view.layers, chosen: layers })}</p>}
      {view && (
        <>
          <p data-testid="residual-flow-caption">{tx(comparisonCaption(view, ctx.config))}</p>
          <ComparisonTable view={view} />
        </>
      )}
    </section>
  );
}

function ComparisonTable({ view }: { view: FlowComparisonView }) {
  const { text: tx } = useText();
  const caption = tx(text.comparisonTable, { layers: view.layers });
  const points = view.runs[0]?.points ?? [];
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid="residual-flow-comparison-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.colPoint)}</th>
            {view.runs.map((r) => (
              <th key={r.architecture} scope="col" className="num">
                {tx(ARCHITECTURES[r.architecture])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.side}.${p.layer}.${p.block}`}>
              <th scope="row">{tx(pointLabel(p))}</th>
              {view.runs.map((r) => (
                <td key={r.architecture} className="num">
                  {r.norms[i] === 0 ? tx(text.exactZero) : formatShort(r.norms[i])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
