// This step in a few numbers, always in view: the pair as the model reads it, the loss, the
// gradient norm, the loss after the update — and the working copy: apply the update (the next
// step starts from the updated weights) or go back to the loaded model.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { BackwardResult } from '../../store/backwardResult';
import { formatValue } from '../stages/shared/format';

function Tokens({ tokens, lang, testId }: { tokens: readonly string[]; lang?: string; testId: string }) {
  return (
    <ol className="tokens" data-testid={testId}>
      {tokens.map((tok, i) => (
        <li key={i} className={tok.startsWith('<') ? 'token token--special' : 'token'} lang={tok.startsWith('<') ? undefined : lang}>
          {tok}
        </li>
      ))}
    </ol>
  );
}

export function StepSummary({ result, stale }: { result: BackwardResult; stale: boolean }) {
  const { t } = useText();
  const appliedSteps = useAppStore((s) => s.backward.appliedSteps);
  const applyStep = useAppStore((s) => s.backward.applyStep);
  const resetSteps = useAppStore((s) => s.backward.resetSteps);
  const { labels, request } = result;
  const change = result.after.loss - result.loss;
  return (
    // A step of another pair (being replaced, or kept beside a refused pair) is outlined, not
    // faded: its numbers stay readable, and the status line or the problem says why.
    <section className={stale ? 'step-summary step-summary--stale' : 'step-summary'} aria-labelledby="step-summary-heading" data-testid="step-summary" data-stale={stale}>
      <h2 id="step-summary-heading" className="step-summary__heading">
        {t('backward.summary.heading')}
      </h2>
      <dl className="step-summary__pair">
        <dt>{t('backward.summary.source')}</dt>
        <dd>
          <Tokens tokens={labels.source} lang="en" testId="summary-source" />
        </dd>
        <dt>{t('backward.summary.targetInput')}</dt>
        <dd>
          <Tokens tokens={labels.targetInput} lang="zh-CN" testId="summary-target-input" />
        </dd>
        <dt>{t('backward.summary.targetOutput')}</dt>
        <dd>
          <Tokens tokens={labels.targetOutput} lang="zh-CN" testId="summary-target-output" />
        </dd>
      </dl>
      <dl className="step-summary__numbers">
        <div>
          <dt>{t('backward.summary.loss')}</dt>
          <dd data-testid="backward-loss" data-loss={result.loss}>
            {t('backward.summary.lossValue', { loss: formatValue(result.loss, 4), t: result.nTokens, eps: request.smoothing })}
          </dd>
        </div>
        <div>
          <dt>{t('backward.summary.gradNorm')}</dt>
          <dd data-testid="backward-grad-norm">{formatValue(result.gradNorm, 4)}</dd>
        </div>
        <div>
          <dt>{t('backward.summary.after', { lr: request.lr })}</dt>
          <dd data-testid="backward-after" data-loss={result.after.loss}>
            {t('backward.summary.afterValue', { after: formatValue(result.after.loss, 4), change: `${change >= 0 ? '+' : ''}${formatValue(change, 4)}` })}
          </dd>
        </div>
      </dl>
      <div className="step-summary__actions">
        <button type="button" className="button button--small" onClick={applyStep} disabled={stale} title={t('backward.summary.applyHint')} data-testid="apply-step">
          {t('backward.summary.apply')}
        </button>
        {appliedSteps > 0 && (
          <>
            <span data-testid="applied-steps" data-steps={appliedSteps}>
              {t('backward.summary.applied', { count: appliedSteps })}
            </span>
            <button type="button" className="button button--small button--secondary" onClick={resetSteps} data-testid="reset-steps">
              {t('backward.summary.reset')}
            </button>
          </>
        )}
      </div>
      <p className="muted step-summary__hint">{t('backward.summary.applyHint')}</p>
    </section>
  );
}
