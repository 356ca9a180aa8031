// Always visible: the encoder's input tokens → the model's output tokens, with what the
// user should know about them (unknown words, a cut sentence, the reference translation).
import { useText } from '../../i18n';
import type { WalkthroughResult } from '../../store/walkthroughResult';
import { formatProb } from '../stages/shared/format';

export function TranslationStrip({ result, stale }: { result: WalkthroughResult; stale: boolean }) {
  const { t } = useText();
  const { prepared, translation, reference } = result;
  const unknown = new Set(prepared.unknown);
  const unknownWords = prepared.unknown.map((i) => `“${prepared.tokens[i]}”`).join(', ');
  return (
    <section className={`translation${stale ? ' translation--stale' : ''}`} aria-labelledby="translation-heading" aria-busy={stale}>
      <h2 id="translation-heading" className="visually-hidden">
        {t('walkthrough.translation.heading', { text: result.text })}
      </h2>
      <div className="translation__row">
        <span className="translation__side" title={t('walkthrough.translation.sourceHint')}>
          {t('walkthrough.translation.source')}
        </span>
        <ol className="tokens" lang="en" data-testid="source-tokens">
          {prepared.tokens.map((tok, i) =>
            unknown.has(i) ? (
              <li key={i} className="token token--unk" title={tok}>
                <span className="visually-hidden">{tok} → </span>
                {'<unk>'}
              </li>
            ) : (
              <li key={i} className="token">
                {tok}
              </li>
            ),
          )}
          <li className="token token--special">{'<eos>'}</li>
        </ol>
      </div>
      <div className="translation__arrow" aria-hidden="true">
        ↓
      </div>
      <div className="translation__row">
        <span className="translation__side" title={t('walkthrough.translation.targetHint')}>
          {t('walkthrough.translation.target')}
        </span>
        <ol className="tokens tokens--target" lang="zh-CN" data-testid="target-tokens">
          {translation.steps.map((s, i) => (
            <li
              key={i}
              className={`token${s.token.startsWith('<') ? ' token--special' : ''}`}
              title={t('walkthrough.translation.tokenTitle', { token: s.token, prob: formatProb(s.prob) })}
            >
              {s.token}
              <span className="token__prob" aria-label={t('walkthrough.translation.probability', { value: formatProb(s.prob) })}>
                {formatProb(s.prob)}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <p className="translation__text" lang="zh-CN" data-testid="translation-text">
        {translation.text}
      </p>
      <div className="translation__notes">
        {prepared.unknown.length > 0 && (
          <p className="note note--warn" data-testid="unknown-message">
            {t('data.source.unknown', { count: prepared.unknown.length, words: unknownWords })}
          </p>
        )}
        {prepared.truncated && (
          <p className="note note--warn" data-testid="truncated-message">
            {t('data.source.too-long', { length: prepared.truncated.length, max: prepared.truncated.max })}{' '}
            {t('data.source.truncated', { kept: prepared.truncated.kept })}
          </p>
        )}
        {!translation.finished && (
          <p className="note note--warn">{t('walkthrough.translation.unfinished', { max: result.config.maxLen })}</p>
        )}
        {reference.kind === 'match' && (
          <p className="note note--ok" data-testid="reference-message">
            {t('walkthrough.translation.matches')}
          </p>
        )}
        {reference.kind === 'differs' && (
          <p className="note note--warn" data-testid="reference-message">
            {t('walkthrough.translation.differs', { reference: reference.tokens.join(' ') })}
          </p>
        )}
        {reference.kind === 'outside' && (
          <p className="note" data-testid="reference-message">
            {t('data.toy.outside', { reason: t(`data.toy.${reference.problem.code}`, { at: reference.problem.at + 1 }) })}
          </p>
        )}
      </div>
    </section>
  );
}
