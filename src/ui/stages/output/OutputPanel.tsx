// The output panel: one position's top-k with a temperature slider, the top-k of every
// position, the loss per position, and the whole probability matrix.
import { useState } from 'react';
import { useText } from '../../../i18n';
import { AXES } from '../shared/content';
import { ChoiceGroup } from '../shared/ChoiceGroup';
import { Emphasis } from '../shared/Emphasis';
import { formatProb, formatValue } from '../shared/format';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { LossTable } from './LossTable';
import { TemperatureBars } from './TemperatureBars';
import { TopKTable } from './TopKTable';
import './output.css';

const K = 5;

export function OutputPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const [picked, setPicked] = useState(0);
  const T = ctx.labels.target.length;
  const position = Math.min(picked, T - 1);
  const vocab = ctx.result.vocabTokens.tgt;
  const k = Math.min(K, vocab.length);
  const probs = ctx.trace.matrix('probs');
  const logits = ctx.trace.matrix('logits');
  return (
    <div className="output">
      <Emphasis active={ctx.highlight === 'topk'} testId="output-topk-section">
        <h3>{tx(text.topkTitle)}</h3>
        <ChoiceGroup
          legend={tx(text.positionLegend)}
          choices={ctx.labels.target.map((reads, t) => ({ label: tx(text.positionChoice, { t, reads }) }))}
          value={position}
          onChange={setPicked}
          testId="output-position"
        />
        <TemperatureBars ctx={ctx} position={position} k={k} />
        <SmoothingNote eps={ctx.trainingMeta.labelSmoothing} />
        <TopKTable ctx={ctx} k={k} />
      </Emphasis>
      <Emphasis active={ctx.highlight === 'loss-target'} testId="output-loss-section">
        <h3>{tx(text.lossTitle)}</h3>
        <LossTable ctx={ctx} />
      </Emphasis>
      <TraceHeatmap
        ctx={ctx}
        name="probs"
        rowLabels={ctx.labels.target}
        colLabels={vocab}
        rowAxis={tx(text.rowAxis)}
        colAxis={tx(AXES.vocab)}
        title={tx(text.heatmapTitle)}
        scale={{ kind: 'sequential', domain: [0, 1] }}
        legendLabel={tx(text.legend)}
        describeCell={(r, c) =>
          tx(text.probTip, { word: vocab[c], reads: ctx.labels.target[r], p: formatProb(probs[r][c]), z: formatValue(logits[r][c]), greedy: ctx.labels.predicted[r] })
        }
        testId="output-probs"
      />
    </div>
  );
}

/** Why the top probability is what it is, from the label smoothing the checkpoint records. */
function SmoothingNote({ eps }: { eps: number | null }) {
  const { text: tx } = useText();
  if (eps === null) return <p className="note">{tx(text.smoothingUnknown)}</p>;
  if (eps === 0) return <p className="note">{tx(text.noSmoothing)}</p>;
  return <p className="note">{tx(text.smoothing, { eps, top: +(1 - eps).toFixed(4) })}</p>;
}
