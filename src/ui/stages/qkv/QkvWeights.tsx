// The layer's projection weights W_Q, W_K, W_V (each D × D, stored (in, out)) and their biases,
// from the checkpoint of the model that computed the trace: columns split into the heads'
// blocks, the picked head's block outlined, one colour scale for the three matrices.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { Heatmap, everyN } from '../../../viz';
import { dimensionLabels } from '../shared/labels';
import { headDim } from '../shared/names';
import { attentionParamName, parameterRows, type AttentionWeight } from '../shared/parameters';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { keyBiasText } from './texts';

const WEIGHTS = [
  ['wq', 'Q'],
  ['wk', 'K'],
  ['wv', 'V'],
] as const satisfies readonly (readonly [AttentionWeight, string])[];

/** Column labels head·index, as in the full Q, K, V maps. */
export const headColumnLabels = (d: number, dh: number) => Array.from({ length: d }, (_, c) => `${Math.floor(c / dh)}·${c % dh}`);

const maxAbs = (v: readonly number[]) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

export function QkvWeights({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const { dModel: d, nHeads: h } = ctx.config;
  const dh = headDim(ctx.config);
  const { param, side, layer } = ctx;
  const names = WEIGHTS.map(([w]) => attentionParamName(side, layer, 'self', w));
  const data = useMemo(() => {
    const weights = WEIGHTS.map(([w]) => param(attentionParamName(side, layer, 'self', w)));
    const biases = WEIGHTS.map(([w]) => param(attentionParamName(side, layer, 'self', w, 'bias')));
    if (weights.some((w) => !w) || biases.some((b) => !b)) return null;
    const matrices = weights.map((w) => parameterRows(w!)); // 3 × (D, D)
    const bound = Math.max(...matrices.flat(2).map(Math.abs));
    return { matrices, bound, biases: biases.map((b) => Array.from(b!.data)) }; // biases: (3, D)
  }, [param, side, layer]);
  if (!data) return <p className="note">{tx(text.weightsMissing, { name: names[0] })}</p>;

  const colLabels = headColumnLabels(d, dh);
  const rowLabels = dimensionLabels(d);
  const block = Array.from({ length: dh }, (_, j) => ctx.head * dh + j);
  const highlight = { cols: block, label: tx(text.headBlock, { head: ctx.head }) };
  const dividers = { cols: everyN(dh, d) };
  return (
    <section className="qkv-weights" data-testid="qkv-weights">
      <h3>{tx(text.weightsTitle)}</h3>
      <p className="muted">{tx(text.weightsNote, { d, h, dh, head: ctx.head, names: names.join(', ') })}</p>
      <div className="qkv-weights__grid">
        {WEIGHTS.map(([w, m], i) => (
          <Heatmap
            key={w}
            values={data.matrices[i]}
            rowLabels={rowLabels}
            colLabels={colLabels}
            rowAxis={tx(text.inAxis)}
            colAxis={tx(text.outAxis)}
            title={tx(text.weightTitle, { m, d })}
            scale={{ kind: 'diverging', domain: [-data.bound, data.bound] }}
            legendLabel={tx(text.weightLegend)}
            highlight={highlight}
            dividers={dividers}
            square
            describeCell={(r, c) => tx(text.cellWeight, { m, i: r, j: c, h: Math.floor(c / dh), k: c % dh })}
            exportName={names[i]}
            testId={`qkv-w-${m.toLowerCase()}`}
          />
        ))}
      </div>
      <Heatmap
        values={data.biases}
        rowLabels={['b_Q', 'b_K', 'b_V']}
        colLabels={colLabels}
        rowAxis={tx(text.biasAxis)}
        colAxis={tx(text.outAxis)}
        title={tx(text.biasTitle, { d })}
        scale={{ kind: 'diverging' }}
        legendLabel={tx(text.weightLegend)}
        highlight={highlight}
        dividers={dividers}
        describeCell={(r, c) => tx(text.cellBias, { m: WEIGHTS[r][1], j: c, h: Math.floor(c / dh), k: c % dh })}
        exportName={`${side}.${layer}.self.qkv-bias`}
        testId="qkv-bias"
      />
      <p className="muted" data-testid="qkv-bias-note">
        {tx(keyBiasText(maxAbs(data.biases[1]), maxAbs(data.biases[0])))}
      </p>
    </section>
  );
}
