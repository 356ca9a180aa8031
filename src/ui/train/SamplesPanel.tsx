// A handful of validation sentences as the model translates them now: each output token
// marked right or wrong against the reference at the same position — with ✓/✗ and words for
// screen readers, not colour alone.
import { HTML_LANG, useText } from '../../i18n';
import type { TrainingLive } from '../../train/live';
import type { TranslationSample } from '../../train/measure';
import { useLiveVersion } from './useLive';

export function SamplesPanel({ live, every }: { live: TrainingLive; every: number }) {
  // The report says which family measured them: masked sentences read in English.
  const family = live.lastEval()?.family;
  const { t } = useText();
  useLiveVersion(live, 500);
  const samples = live.samples;
  const report = live.lastEval();
  return (
    <section className="train-panel train-samples" aria-labelledby="train-samples-title" data-testid="samples">
      <h2 id="train-samples-title">{t('train.samples.title')}</h2>
      {samples.length === 0 || !report ? (
        <p className="train-probe__empty">{t('train.samples.empty', { every })}</p>
      ) : (
        <>
          <p className="train-field__hint">
            {t('train.samples.step', { step: report.step })} · {t('train.samples.legend')}
          </p>
          <ol className="train-samples__list">
            {samples.map((s, i) => (
              <Sample key={i} sample={s} masked={family === 'encoder'} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Sample({ sample, masked }: { sample: TranslationSample; masked: boolean }) {
  const { t, lang } = useText();
  const uiLang = HTML_LANG[lang];
  const outLang = masked ? 'en' : 'zh-CN';
  return (
    <li className="train-sample" data-exact={sample.exact}>
      <dl>
        <div>
          <dt>{masked ? t('families.train.maskedSource') : t('train.samples.source')}</dt>
          <dd lang="en">{sample.source.join(' ')}</dd>
        </div>
        <div>
          <dt>{masked ? t('families.train.maskedReference') : t('train.samples.reference')}</dt>
          <dd lang={outLang}>{sample.reference.join(' ')}</dd>
        </div>
        <div>
          <dt>{masked ? t('families.train.maskedOutput') : t('train.samples.output')}</dt>
          <dd>
            {sample.hypothesis.length === 0 ? (
              t('train.samples.none')
            ) : (
              <span className="train-tokens" lang={outLang}>
                {sample.hypothesis.map((tok, j) => {
                  const ok = sample.correct[j];
                  return (
                    <span key={j} className={ok ? 'train-token train-token--ok' : 'train-token train-token--bad'} data-correct={ok}>
                      {tok}
                      <span className="train-token__mark" aria-hidden="true">
                        {ok ? '✓' : '✗'}
                      </span>
                      <span className="visually-hidden" lang={uiLang}>
                        {` (${ok ? t('train.samples.correct') : t('train.samples.wrong')})`}
                      </span>
                    </span>
                  );
                })}
              </span>
            )}
            {sample.exact && <span className="train-badge train-badge--ok">✓ {t('train.samples.exact')}</span>}
          </dd>
        </div>
      </dl>
    </li>
  );
}
