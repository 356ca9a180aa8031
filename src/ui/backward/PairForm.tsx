// The pair form: the English sentence, its reference translation (the toy grammar's while the
// learner has not typed one: it follows the sentence), label smoothing ε and the learning rate.
// Submitting (Enter or the button) writes them into the URL (replace), which recomputes the step;
// a field the form refuses says why beside it, and nothing is applied until all are valid.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useText } from '../../i18n';
import { checkLr, checkSmoothing, DEFAULT_LR, DEFAULT_SMOOTHING, toyReference, type BackwardParams, type NumberProblem } from './params';

export interface PairChanges {
  text: string;
  /** undefined: follow the toy grammar's translation. */
  target: string | undefined;
  eps: string;
  lr: string;
}

interface Drafts {
  text: string;
  target: string;
  /** The reference is the toy grammar's and follows the sentence. */
  follows: boolean;
  eps: string;
  lr: string;
}

function draftsFrom(params: BackwardParams, toyModel: boolean): Drafts {
  const follows = params.target === null;
  return {
    text: params.text,
    target: follows ? ((toyModel && toyReference(params.text)) || '') : (params.target ?? ''),
    follows,
    eps: String(params.smoothing),
    lr: String(params.lr),
  };
}

export function PairForm({ params, toyModel, onApply }: { params: BackwardParams; toyModel: boolean; onApply: (changes: PairChanges) => void }) {
  const { t } = useText();
  const [d, setDrafts] = useState<Drafts>(() => draftsFrom(params, toyModel));
  const [tried, setTried] = useState(false);
  const ids = { text: useId(), target: useId(), eps: useId(), lr: useId(), hint: useId() };
  const refs = { text: useRef<HTMLInputElement>(null), target: useRef<HTMLInputElement>(null), eps: useRef<HTMLInputElement>(null), lr: useRef<HTMLInputElement>(null) };

  // The pair in the URL changed (back/forward, a link, this form): show what it says. A stage
  // or picker change keeps what is being typed.
  const { text, target, smoothing, lr: rate } = params;
  useEffect(() => {
    setDrafts(draftsFrom({ text, target, smoothing, lr: rate, fromCard: null }, toyModel));
    setTried(false);
  }, [text, target, smoothing, rate, toyModel]);

  const toy = toyModel ? toyReference(d.text) : null;
  const eps = checkSmoothing(d.eps);
  const lr = checkLr(d.lr);
  const numberError = (c: { ok: true } | { ok: false; problem: NumberProblem }, range: 'backward.form.smoothingRange' | 'backward.form.lrRange', example: number) =>
    c.ok ? null : c.problem === 'out-of-range' ? t(range) : t('backward.form.notANumber', { example });
  const errors = {
    text: d.text.trim() === '' ? t('backward.form.emptyText') : null,
    target: d.target.trim() === '' ? (toyModel && d.follows ? t('backward.form.noToy') : t('backward.form.emptyTarget')) : null,
    eps: numberError(eps, 'backward.form.smoothingRange', DEFAULT_SMOOTHING),
    lr: numberError(lr, 'backward.form.lrRange', DEFAULT_LR),
  };
  const firstError = (['text', 'target', 'eps', 'lr'] as const).find((k) => errors[k] !== null);

  function setText(text: string) {
    setDrafts((prev) => ({ ...prev, text, target: prev.follows ? ((toyModel && toyReference(text)) || '') : prev.target }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (firstError || !eps.ok || !lr.ok) {
      setTried(true);
      refs[firstError ?? 'text'].current?.focus();
      return;
    }
    setTried(false);
    onApply({ text: d.text, target: d.follows ? undefined : d.target, eps: String(eps.value), lr: String(lr.value) });
  }

  const errorId = (k: keyof typeof errors) => `${ids[k]}-error`;
  const describedBy = (k: keyof typeof errors, hint?: string) => [errors[k] ? errorId(k) : null, hint].filter(Boolean).join(' ') || undefined;
  const fieldError = (k: keyof typeof errors) =>
    errors[k] && (
      <p id={errorId(k)} className="pair-form__error" data-testid={`pair-error-${k}`}>
        {errors[k]}
      </p>
    );

  return (
    <form className="pair-form" onSubmit={submit} noValidate aria-label={t('backward.form.legend')} data-testid="pair-form">
      <div className="pair-form__row">
        <div className="pair-form__field pair-form__field--wide">
          <label htmlFor={ids.text}>{t('backward.form.text')}</label>
          <input
            id={ids.text}
            ref={refs.text}
            type="text"
            lang="en"
            value={d.text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={describedBy('text')}
            data-testid="pair-text"
          />
          {fieldError('text')}
        </div>
        <div className="pair-form__field pair-form__field--wide">
          <label htmlFor={ids.target}>{t('backward.form.target')}</label>
          <input
            id={ids.target}
            ref={refs.target}
            type="text"
            lang="zh-CN"
            value={d.target}
            onChange={(e) => setDrafts((prev) => ({ ...prev, target: e.target.value, follows: false }))}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={describedBy('target', ids.hint)}
            data-testid="pair-target"
          />
          {fieldError('target')}
          <p id={ids.hint} className="pair-form__hint">
            {d.follows && toy !== null ? t('backward.form.toyFollows') : t('backward.form.targetHint')}
          </p>
          {toy !== null && !d.follows && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setDrafts((prev) => ({ ...prev, target: toy, follows: true }))}
              data-testid="pair-use-toy"
            >
              {t('backward.form.useToy')}
            </button>
          )}
        </div>
      </div>
      <div className="pair-form__row">
        <div className="pair-form__field">
          <label htmlFor={ids.eps}>{t('backward.form.smoothing')}</label>
          <input
            id={ids.eps}
            ref={refs.eps}
            type="text"
            inputMode="decimal"
            value={d.eps}
            onChange={(e) => setDrafts((prev) => ({ ...prev, eps: e.target.value }))}
            autoComplete="off"
            aria-invalid={errors.eps ? true : undefined}
            aria-describedby={describedBy('eps', `${ids.eps}-hint`)}
            data-testid="pair-eps"
          />
          {fieldError('eps')}
          <p id={`${ids.eps}-hint`} className="pair-form__hint">
            {t('backward.form.smoothingHint')}
          </p>
        </div>
        <div className="pair-form__field">
          <label htmlFor={ids.lr}>{t('backward.form.lr')}</label>
          <input
            id={ids.lr}
            ref={refs.lr}
            type="text"
            inputMode="decimal"
            value={d.lr}
            onChange={(e) => setDrafts((prev) => ({ ...prev, lr: e.target.value }))}
            autoComplete="off"
            aria-invalid={errors.lr ? true : undefined}
            aria-describedby={describedBy('lr', `${ids.lr}-hint`)}
            data-testid="pair-lr"
          />
          {fieldError('lr')}
          <p id={`${ids.lr}-hint`} className="pair-form__hint">
            {t('backward.form.lrHint')}
          </p>
        </div>
        <div className="pair-form__actions">
          <button type="submit" className="button" data-testid="pair-run">
            {t('backward.form.run')}
          </button>
          {tried && firstError && (
            <span className="pair-form__error" role="alert">
              {t('backward.form.fixFirst')}
            </span>
          )}
        </div>
      </div>
    </form>
  );
}
