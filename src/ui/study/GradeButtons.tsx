// Again / Hard / Good / Easy, each with the wait it would schedule ("10 min", "2 d") and its key.
import { useEffect, useRef } from 'react';
import { type Language, useText } from '../../i18n';
import { gradeButtons, type GradeName, type IntervalPreview } from '../../study';

export function GradeButtons({
  preview,
  lang,
  onGrade,
  busy,
  focusGrade,
}: {
  /** What each grade would schedule; without it the buttons show no interval. */
  preview: Record<GradeName, IntervalPreview> | null;
  lang: Language;
  onGrade: (grade: GradeName) => void;
  busy: boolean;
  /** Move keyboard focus to this button when the buttons appear. */
  focusGrade?: GradeName;
}) {
  const { t } = useText();
  const refs = useRef<Partial<Record<GradeName, HTMLButtonElement | null>>>({});
  useEffect(() => {
    if (focusGrade) refs.current[focusGrade]?.focus();
  }, [focusGrade]);

  const zero = { due: 0, intervalMs: 0 };
  const buttons = gradeButtons(preview ?? { again: zero, hard: zero, good: zero, easy: zero }, lang);
  return (
    <div className="study-grades" role="group" aria-label={t('study.grade.label')}>
      {buttons.map((b, i) => (
        <button
          key={b.grade}
          ref={(el) => {
            refs.current[b.grade] = el;
          }}
          type="button"
          className={`study-grade study-grade--${b.grade}`}
          data-grade={b.grade}
          aria-keyshortcuts={String(i + 1)}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onGrade(b.grade);
          }}
        >
          <span className="study-grade__label">{b.label}</span>{' '}
          {preview && <span className="study-grade__interval">{b.interval}</span>}
          <kbd className="study-grade__key" aria-hidden="true">
            {i + 1}
          </kbd>
        </button>
      ))}
    </div>
  );
}
