// The points a spoken answer should touch (practice cards): the learner ticks what they said.
import { useState } from 'react';
import { type Bilingual, type Language, useText } from '../../i18n';
import { InlineText } from './CardText';

export function Checklist({ points, lang, showBoth }: { points: Bilingual[]; lang: Language; showBoth: boolean }) {
  const { t } = useText();
  const [ticked, setTicked] = useState<boolean[]>(() => points.map(() => false));
  const count = ticked.filter(Boolean).length;
  return (
    <fieldset className="study-checklist">
      <legend>{t('study.practice.checklist')}</legend>
      <ul>
        {points.map((point, i) => (
          <li key={i}>
            <label>
              <input
                type="checkbox"
                checked={ticked[i]}
                onChange={(e) => setTicked((prev) => prev.map((v, j) => (j === i ? e.target.checked : v)))}
              />{' '}
              <InlineText text={point} lang={lang} showBoth={showBoth} />
            </label>
          </li>
        ))}
      </ul>
      <p className="study-checklist__count" aria-live="polite">
        {t('study.practice.covered', { count, total: points.length })}
      </p>
    </fieldset>
  );
}
