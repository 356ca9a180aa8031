// A cloze statement with an input in the gap. Enter (or Check) compares the typed answer with
// the accepted ones after normalisation (src/study/cloze.ts: `sqrt(d_k)` = `√d_k` = …).
import { useEffect, useId, useRef } from 'react';
import { type Language, useText } from '../../i18n';
import { HTML_LANG } from '../../i18n/language';
import { CLOZE_GAP, splitCloze, type Cloze, type ClozeCheck } from '../../study';
import { otherLang } from './CardText';

export function ClozeField({
  cloze,
  lang,
  showBoth,
  value,
  onChange,
  check,
  onCheck,
  autoFocus,
}: {
  cloze: Cloze;
  lang: Language;
  showBoth: boolean;
  value: string;
  onChange: (value: string) => void;
  /** The result once checked; the input is then read-only. */
  check: (ClozeCheck & { input: string }) | null;
  onCheck: (input: string) => void;
  autoFocus: boolean;
}) {
  const { t } = useText();
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const { before, after } = splitCloze(cloze.text, lang);
  const other = otherLang(lang);
  const submit = () => {
    if (!check) onCheck(value);
  };

  return (
    <div className="study-cloze">
      <p className="study-cloze__text" lang={HTML_LANG[lang]}>
        {before}
        <input
          ref={inputRef}
          className={`study-cloze__input${check ? (check.correct ? ' is-right' : ' is-wrong') : ''}`}
          type="text"
          value={value}
          size={Math.max(6, Math.min(24, value.length + 2))}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          readOnly={check !== null}
          aria-label={t('study.cloze.inputLabel')}
          aria-describedby={hintId}
          aria-invalid={check ? !check.correct : undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
        />
        {after}
      </p>
      {showBoth && (
        <p className="study-other-lang" lang={HTML_LANG[other]}>
          {cloze.text[other].replace(CLOZE_GAP, '____')}
        </p>
      )}
      {!check && (
        <p className="study-hint" id={hintId}>
          {t('study.cloze.hint')}
        </p>
      )}
      {check && (
        <p id={hintId} className={`study-cloze__result ${check.correct ? 'is-right' : 'is-wrong'}`} role="status" data-testid="cloze-result" data-correct={check.correct}>
          <strong>{check.correct ? t('study.cloze.right') : t('study.cloze.wrong')}</strong>{' '}
          {check.input.trim() === '' ? t('study.cloze.empty') : null}{' '}
          {t('study.cloze.accepted')} <code>{check.expected}</code>
        </p>
      )}
    </div>
  );
}
