// The heads stage: every head's weights of one layer side by side, each with a description
// derived from its numbers and a way into the softmax stage for that head.
import { useMemo } from 'react';
import { useText, type TextApi } from '../../../i18n';
import { AttentionWeights } from '../shared/AttentionWeights';
import { selfAttentionKind } from '../shared/content';
import { Emphasis } from '../shared/Emphasis';
import { formatValue } from '../shared/format';
import { attentionName, headDim } from '../shared/names';
import type { StageContext, StagePanelProps } from '../types';
import { text } from './content';
import { DOMINANT, headPattern, type HeadPattern } from './headPattern';

function describe(tx: TextApi['text'], p: HeadPattern, labels: string[]): string {
  if (p.kind === 'spread') return tx(text.spread, { w: DOMINANT.toFixed(1) });
  const what = p.kind === 'key' ? tx(text.key, { token: labels[p.topKey] }) : tx(text[p.kind]);
  return tx(text.mostly, { what, w: formatValue(p.strength, 2) });
}

function HeadCard({ ctx, head }: { ctx: StageContext; head: number }) {
  const { text: tx } = useText();
  const labels = ctx.side === 'enc' ? ctx.labels.source : ctx.labels.target;
  const name = attentionName(ctx.side, ctx.layer, 'self', 'weights');
  const pattern = useMemo(() => headPattern(ctx.trace.matrix(name, head), ctx.side === 'enc'), [ctx.trace, name, head, ctx.side]);
  const na = tx(text.notApplicable);
  return (
    <div className="heads-card" data-testid={`heads-card-${head}`}>
      <AttentionWeights
        ctx={ctx}
        side={ctx.side}
        layer={ctx.layer}
        block="self"
        head={head}
        title={tx(text.headTitle, { head, layer: ctx.layer })}
        testId={`heads-${head}`}
      />
      <p className="heads-card__pattern" data-testid={`heads-pattern-${head}`}>
        <strong>{describe(tx, pattern, labels)}</strong>
      </p>
      <p className="muted heads-card__numbers">
        {tx(text.numbers, {
          self: formatValue(pattern.self, 2),
          prev: formatValue(pattern.previous, 2),
          next: pattern.next === null ? na : formatValue(pattern.next, 2),
          token: labels[pattern.topKey],
          key: formatValue(pattern.topKeyWeight, 2),
        })}
      </p>
      <button type="button" className="heads-card__open" onClick={() => ctx.goToStage('softmax', { side: ctx.side, layer: ctx.layer, head })}>
        {tx(text.openHead, { head })} →
      </button>
    </div>
  );
}

export function HeadsPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const kind = tx(selfAttentionKind(ctx.side));
  const { dModel: d, nHeads: h } = ctx.config;
  return (
    <div className="heads-stage">
      <p>{tx(text.which, { kind, layer: ctx.layer, count: h })}</p>
      <p className="muted">{tx(text.derivedNote)}</p>
      <Emphasis active={ctx.highlight === 'head-grid'} testId="heads-grid">
        <div className="heads-grid">
          {Array.from({ length: h }, (_, head) => (
            <HeadCard key={head} ctx={ctx} head={head} />
          ))}
        </div>
      </Emphasis>
      <p className="note">{tx(text.params, { d, h, dh: headDim(ctx.config), count: (4 * (d * d + d)).toLocaleString('en-US') })}</p>
    </div>
  );
}
