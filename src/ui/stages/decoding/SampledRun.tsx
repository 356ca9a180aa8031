// The sampled translation: its tokens, and per step the drawn token's probability under the
// filtered distribution it was drawn from and under the model's own; each row opens that step.
import { useText } from '../../../i18n';
import type { SampledTranslationView } from '../../../store/walkthroughResult';
import { formatProb } from '../shared/format';
import { samplingText as text } from './content';

const zh = (token: string) => (token.startsWith('<') ? undefined : 'zh-CN');

export function SampledRun({
  view,
  greedyText,
  current,
  step,
  onPick,
}: {
  view: SampledTranslationView;
  greedyText: string;
  /** False while a run for newer settings is on its way (this one is then the previous). */
  current: boolean;
  step: number;
  onPick: (s: number) => void;
}) {
  const { text: tx } = useText();
  return (
    <div className="sampling-run" aria-busy={!current}>
      <p className="sampling-run__text">
        <strong>{tx(text.runText)}</strong>{' '}
        <span lang="zh-CN" data-testid="sampling-output">
          {view.text}
        </span>{' '}
        <span className="muted">
          {view.text === greedyText ? tx(text.sameAsGreedy) : tx(text.differs, { greedy: greedyText })}
          {!view.finished && ` ${tx(text.unfinished)}`}
        </span>
      </p>
      <table className="data-table" data-testid="sampling-steps">
        <caption>{tx(text.runCaption, { seed: view.request.seed })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(text.colStep)}</th>
            <th scope="col">{tx(text.colDrawnToken)}</th>
            <th scope="col">{tx(text.colP)}</th>
            <th scope="col">{tx(text.colBase)}</th>
            <th scope="col">{tx(text.colKept)}</th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((s, t) => (
            <tr key={t} className={t === step ? 'row--current' : undefined} aria-current={t === step ? 'step' : undefined}>
              <td className="num">
                <button type="button" className="decoding-steps__jump" onClick={() => onPick(t)} aria-label={tx(text.jump, { n: t + 1 })}>
                  {t + 1}
                </button>
              </td>
              <td lang={zh(s.token)}>
                <strong>{s.token}</strong>
              </td>
              <td className="num">{formatProb(s.prob)}</td>
              <td className="num">{formatProb(s.baseProb)}</td>
              <td className="num">{s.kept}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
