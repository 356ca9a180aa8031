// Stage `output`: logits → probabilities over the target vocabulary at every position.
import { AXES, fill } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatProb } from '../shared/format';
import { TraceHeatmap } from '../shared/TraceHeatmap';
import { texLines, texShape } from '../shared/tex';
import { useBilingual } from '../shared/useBilingual';
import type { StageDefinition, StagePanelProps } from '../types';
import { explain, text, title } from './content';

function OutputPanel({ ctx }: StagePanelProps) {
  const tx = useBilingual();
  const steps = ctx.result.translation.steps;
  const vocab = ctx.result.vocabTokens.tgt;
  const k = steps[0]?.top.length ?? 0;
  return (
    <div>
      <Emphasis active={ctx.highlight === 'topk'}>
        <h3>{fill(tx(text.topTitle), { k })}</h3>
        <ol className="topk" data-testid="output-topk">
          {steps.map((s, t) => (
            <li key={t}>
              <span className="topk__pos">{ctx.labels.target[t]} →</span>{' '}
              {s.top.map((c, i) => (
                <span key={i} className={i === 0 ? 'topk__item topk__item--chosen' : 'topk__item'} lang="zh-CN">
                  {c.token} <span className="muted">{formatProb(c.prob)}</span>
                </span>
              ))}
            </li>
          ))}
        </ol>
      </Emphasis>
      <TraceHeatmap
        ctx={ctx}
        name="probs"
        rowLabels={ctx.labels.target.map((tok, i) => `${tok} → ${ctx.labels.predicted[i]}`)}
        colLabels={vocab}
        rowAxis={tx(text.rowAxis)}
        colAxis={tx(AXES.vocab)}
        title={tx(text.heatmapTitle)}
        scale={{ kind: 'sequential', domain: [0, 1] }}
        legendLabel={tx(text.legend)}
        testId="output-probs"
      />
    </div>
  );
}

export const outputStage: StageDefinition = {
  id: 'output',
  title,
  explain,
  formula: (ctx) => {
    const T = ctx.labels.target.length;
    const { dModel: D } = ctx.config;
    const V = ctx.result.vocabSizes.tgt;
    return texLines(`\\text{logits} = y W_{\\text{out}} + b,\\ \\ p = \\operatorname{softmax}(\\text{logits})`, `${texShape([['T', T], ['D', D]])} \\cdot ${texShape([D, V])} \\to ${texShape([['T', T], ['V', V]])}`);
  },
  kernels: ['matmul', 'softmax'],
  traceNames: () => ['dec.out', 'logits', 'probs'],
  pickers: {},
  Panel: OutputPanel,
};
