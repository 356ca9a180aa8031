// Always visible: the model's input tokens → its output tokens, with what the user should know
// about them (unknown words, a cut sentence, the reference translation). Per family: the
// translator's source → translation; the decoder-only model's prompt `<bos> … <sep>` → its
// continuation; the encoder-only model's input (with <mask>) → the words it fills in.
import { useText } from '../../i18n';
import type { WalkthroughResult } from '../../store/walkthroughResult';
import { formatProb } from '../stages/shared/format';

export function TranslationStrip({ result, stale }: { result: WalkthroughResult; stale: boolean }) {
  const { t } = useText();
  const { prepared, translation, reference, family } = result;
  const unknown = new Set(prepared.unknown);
  const labels =
    family === 'decoder'
      ? { source: t('families.strip.prompt'), sourceHint: t('families.strip.promptHint'), target: t('families.strip.continuation'), targetHint: t('families.strip.continuationHint') }
      : family === 'encoder'
        ? { source: t('families.strip.input'), sourceHint: t('families.strip.inputHint'), target: t('families.strip.fills'), targetHint: t('families.strip.fillsHint') }
        : {
            source: t('walkthrough.translation.source'),
            sourceHint: t('walkthrough.translation.sourceHint'),
            target: t('walkthrough.translation.target'),
            targetHint: t('walkthrough.translation.targetHint'),
          };
  const fills = result.fill?.masks ?? [];
  const unknownWords = prepared.unknown.map((i) => `“${prepared.tokens[i]}”`).join(', ');
  return (
    <section className={`translation${stale ? ' translation--stale' : ''}`} aria-labelledby="translation-heading" aria-busy={stale}>
      <h2 id="translation-heading" className="visually-hidden">
        {t('walkthrough.translation.heading', { text: result.text })}
      </h2>
      <div className="translation__row">
        <span className="translation__side" title={labels.sourceHint}>
          {labels.source}
        </span>
        <ol className="tokens" lang="en" data-testid="source-tokens">
          {family === 'decoder' && <li className="token token--special">{'<bos>'}</li>}
          {prepared.tokens.map((tok, i) =>
            tok === '<mask>' ? (
              <li key={i} className="token token--mask">
                {tok}
              </li>
            ) : unknown.has(i) ? (
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
          <li className="token token--special">{family === 'decoder' ? '<sep>' : '<eos>'}</li>
        </ol>
      </div>
      <div className="translation__arrow" aria-hidden="true">
        ↓
      </div>
      <div className="translation__row">
        <span className="translation__side" title={labels.targetHint}>
          {labels.target}
        </span>
        {family === 'encoder' ? (
          <ol className="tokens tokens--target" lang="en" data-testid="target-tokens">
            {fills.map((m) => (
              <li key={m.position} className="token" title={t('families.strip.maskAt', { position: m.position })}>
                <span className="visually-hidden">{t('families.strip.maskAt', { position: m.position })}: </span>
                {m.top[0]?.token}
                <span className="token__prob" aria-label={t('walkthrough.translation.probability', { value: formatProb(m.top[0]?.prob ?? 0) })}>
                  {formatProb(m.top[0]?.prob ?? 0)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
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
        )}
      </div>
      <p className="translation__text" lang={family === 'encoder' ? 'en' : 'zh-CN'} data-testid="translation-text">
        {family === 'encoder' ? t('families.strip.filled', { text: translation.text }) : translation.text}
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
        {family === 'encoder' && fills.length === 0 && (
          <p className="note" data-testid="no-mask-message">
            {t('families.noMask')}
          </p>
        )}
        {!translation.finished && (
          <p className="note note--warn">{t('walkthrough.translation.unfinished', { max: result.config.maxLen })}</p>
        )}
        {reference?.kind === 'match' && (
          <p className="note note--ok" data-testid="reference-message">
            {t('walkthrough.translation.matches')}
          </p>
        )}
        {reference?.kind === 'differs' && (
          <p className="note note--warn" data-testid="reference-message">
            {t('walkthrough.translation.differs', { reference: reference.tokens.join(' ') })}
          </p>
        )}
        {reference?.kind === 'outside' && (
          <p className="note" data-testid="reference-message">
            {t('data.toy.outside', { reason: t(`data.toy.${reference.problem.code}`, { at: reference.problem.at + 1 }) })}
          </p>
        )}
      </div>
    </section>
  );
}
