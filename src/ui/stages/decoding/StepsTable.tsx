// Every greedy step of the run; the current one marked, each row a way to jump to it.
import { useText } from '../../../i18n';
import { formatProb } from '../shared/format';
import { firstStepPosition } from '../shared/labels';
import type { StageContext } from '../types';
import { text } from './content';

export function StepsTable({ ctx, step, onPick }: { ctx: StageContext; step: number; onPick: (s: number) => void }) {
  const { text: tx } = useText();
  const steps = ctx.result.translation.steps;
  const o = firstStepPosition(ctx.result);
  return (
    <table className="data-table" data-testid="decoding-steps">
      <caption>{tx(text.stepsCaption)}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.step)}</th>
          <th scope="col">{tx(text.prefix)}</th>
          <th scope="col">{tx(text.chosen)}</th>
          <th scope="col">{tx(text.prob)}</th>
          <th scope="col">{tx(text.alternatives)}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s, t) => (
          <tr key={t} className={t === step ? 'row--current' : undefined} aria-current={t === step ? 'step' : undefined}>
            <td className="num">
              <button type="button" className="decoding-steps__jump" onClick={() => onPick(t)} aria-label={tx(text.jump, { n: t + 1 })}>
                {t + 1}
              </button>
            </td>
            <td lang="zh-CN">{ctx.labels.target.slice(0, o + t + 1).join(' ')}</td>
            <td lang="zh-CN">
              <strong>{s.token}</strong>
            </td>
            <td className="num">{formatProb(s.prob)}</td>
            <td lang="zh-CN">
              {s.top
                .slice(1)
                .map((a) => `${a.token} ${formatProb(a.prob)}`)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
