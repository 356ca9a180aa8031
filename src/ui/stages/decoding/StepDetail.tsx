// One greedy step: the decoder's input so far and the token it picks, the top-k of that
// step, and the causal view of the new query row over the keys that exist.
import { useMemo } from 'react';
import { useText } from '../../../i18n';
import { BarChart, Heatmap } from '../../../viz';
import { maskedCells } from '../shared/attention';
import { AXES } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { firstStepPosition } from '../shared/labels';
import { attentionName } from '../shared/names';
import type { StageContext } from '../types';
import { text } from './content';

export function StepDetail({ ctx, step }: { ctx: StageContext; step: number }) {
  const { text: tx } = useText();
  const { steps, finished } = ctx.result.translation;
  const s = steps[step];
  const o = firstStepPosition(ctx.result); // the decoder-only model's prompt comes first
  const prefix = ctx.labels.target.slice(0, o + step + 1); // <bos> (+ prompt) + the tokens chosen before this step
  const last = step === steps.length - 1;
  const n = o + step + 1;
  const where = tx(text.which, { layer: ctx.layer, head: ctx.head });
  const weightsName = attentionName('dec', ctx.layer, 'self', 'weights');
  const masked = useMemo(() => maskedCells(ctx.trace, attentionName('dec', ctx.layer, 'self', 'masked'), ctx.head), [ctx.trace, ctx.layer, ctx.head]);
  const rows = useMemo(
    () => ctx.trace.matrix(weightsName, ctx.head).slice(0, n).map((r) => r.slice(0, n)), // (n, n)
    [ctx.trace, weightsName, ctx.head, n],
  );
  return (
    <Emphasis active={ctx.highlight === 'decode-loop'} testId="decoding-loop">
      <div className="decoding-prefix" data-testid="decoding-prefix">
        <span className="decoding-prefix__label">{tx(text.prefix)}:</span>
        <ol className="tokens tokens--target">
          {prefix.map((tok, i) => (
            <li key={i} className={`token${tok.startsWith('<') ? ' token--special' : ''}`} lang={tok.startsWith('<') ? undefined : 'zh-CN'}>
              {tok}
            </li>
          ))}
        </ol>
        <span>→ {tx(text.picks)}</span>
        <strong className="token decoding-prefix__chosen" data-testid="decoding-chosen" lang={s.token.startsWith('<') ? undefined : 'zh-CN'}>
          {s.token}
        </strong>
        <span className="muted">p = {s.prob.toFixed(3)}</span>
      </div>
      {last && <p className="note">{tx(finished ? text.stopped : text.limit)}</p>}
      <div className="heatmap-pair">
        <BarChart
          title={tx(text.barTitle, { n, k: s.top.length })}
          items={s.top.map((c) => ({ label: c.token, value: c.prob }))}
          chosen={0}
          exportName={`decoding.step${n}.topk`}
          testId="decoding-bars"
        />
        <div>
          <Heatmap
            values={rows}
            rowLabels={prefix}
            colLabels={prefix}
            rowAxis={tx(AXES.query)}
            colAxis={tx(AXES.key)}
            title={tx(text.maskTitle, { n, row: o + step, where })}
            masked={masked}
            scale={{ kind: 'sequential', domain: [0, 1] }}
            legendLabel={tx(text.legendWeight)}
            highlight={{ rows: [o + step] }}
            describeCell={(r, c) =>
              masked(r, c) ? tx(text.maskedTip) : tx(text.weightTip, { q: prefix[r], k: prefix[c], w: formatValue(rows[r][c]) })
            }
            exportName={`decoding.step${n}.${weightsName}.h${ctx.head}`}
            testId="decoding-mask"
          />
          <p className="muted">{tx(text.maskNote)}</p>
        </div>
      </div>
    </Emphasis>
  );
}
