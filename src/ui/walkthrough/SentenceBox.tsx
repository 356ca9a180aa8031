// The sentence box: typing updates the URL (replace) after a short pause; Enter or the
// button applies at once. The box keeps exactly what the user typed — any markup is text.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useText } from '../../i18n';
import type { FamilyId } from '../../model/stageIds';
import { EXAMPLE_SENTENCES, MASKED_EXAMPLES } from './examples';

const TYPING_PAUSE_MS = 350;

/**
 * The box for the walkthrough's family: the encoder-only model reads `<mask>` where a word is
 * missing (a hint says so, and its examples have one); the button says what the model does.
 */
export function SentenceBox({
  text,
  onApply,
  family = 'encoder-decoder',
  runLabel,
}: {
  text: string;
  onApply: (text: string) => void;
  family?: FamilyId;
  /** The button's words when another view uses the box (default: what the family's model does). */
  runLabel?: string;
}) {
  const { t } = useText();
  const [draft, setDraft] = useState(text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputId = useId();
  const hintId = useId();
  const maskHintId = useId();
  const examples = family === 'encoder' ? MASKED_EXAMPLES : EXAMPLE_SENTENCES;

  // The URL changed by itself (back/forward, an example, a study link): show its sentence.
  useEffect(() => setDraft(text), [text]);
  useEffect(() => () => clearTimer(), []);

  function clearTimer() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  function change(value: string) {
    setDraft(value);
    clearTimer();
    timer.current = setTimeout(() => onApply(value), TYPING_PAUSE_MS);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    clearTimer();
    if (draft.trim() !== '') onApply(draft);
  }

  const empty = draft.trim() === '';
  return (
    <form className="sentence" onSubmit={submit} role="search">
      <div className="sentence__row">
        <label htmlFor={inputId} className="sentence__label">
          {t('walkthrough.sentence.label')}
        </label>
        <input
          id={inputId}
          className="sentence__input"
          type="text"
          lang="en"
          value={draft}
          onChange={(e) => change(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={[empty ? hintId : '', family === 'encoder' ? maskHintId : ''].filter(Boolean).join(' ') || undefined}
          data-testid="sentence-input"
        />
        <button type="submit" className="button" disabled={empty} data-testid="sentence-run">
          {runLabel ?? t(`families.run.${family}`)}
        </button>
      </div>
      {family === 'encoder' && (
        <p id={maskHintId} className="sentence__mask-hint muted" data-testid="sentence-mask-hint">
          {t('families.maskHint')}
        </p>
      )}
      {empty && (
        <p id={hintId} className="sentence__hint" data-testid="sentence-empty">
          {t('data.source.empty')} {t('walkthrough.sentence.emptyHint')}
        </p>
      )}
      <div className="sentence__examples" role="group" aria-label={t('walkthrough.sentence.examples')}>
        <span className="sentence__examples-label" title={t('walkthrough.sentence.examplesHint')}>
          {t('walkthrough.sentence.examples')}:
        </span>
        {examples.map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            lang="en"
            aria-pressed={s === text}
            onClick={() => {
              clearTimer();
              setDraft(s);
              onApply(s);
            }}
          >
            {s}
          </button>
        ))}
      </div>
    </form>
  );
}
