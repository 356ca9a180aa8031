// One drill question: the clock runs while you answer (aloud, or typed); reveal stops it and
// shows the model answer; your grade goes to the scheduler as a drill review.
import { useId, useMemo, useState } from 'react';
import { useText } from '../../i18n';
import {
  cardById,
  currentQuestion,
  gradeAnswer,
  masteryOf,
  revealAnswer,
  skipQuestion,
  type DrillSession,
  type GradeName,
} from '../../study';
import { useAppStore } from '../../store';
import { CardMeta } from './CardMeta';
import { CardText } from './CardText';
import { Checklist } from './Checklist';
import { GradeButtons } from './GradeButtons';
import { useCardKeys, useFocusOnMount, useNow } from './hooks';
import { ShowMe } from './ShowMe';
import { Formula } from '../../viz/Formula';
import { TimerView } from './TimerView';
import { LabCode } from './LabCode';

export function DrillQuestionView({ session, onSession }: { session: DrillSession; onSession: (s: DrillSession) => void }) {
  const question = currentQuestion(session)!;
  // A fresh question view (typed answer, focus) for every question.
  return <DrillQuestionCard key={session.index} session={session} onSession={onSession} cardId={question.cardId} />;
}

function DrillQuestionCard({ session, onSession, cardId }: { session: DrillSession; onSession: (s: DrillSession) => void; cardId: string }) {
  const { t, lang } = useText();
  const showBoth = useAppStore((s) => s.study.showBothLanguages);
  const snapshot = useAppStore((s) => s.study.snapshot);
  const service = useAppStore((s) => s.study.service);
  const grade = useAppStore((s) => s.study.grade);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const questionId = useId();
  const answerId = useId();
  const revealed = session.phase === 'revealed';
  const now = useNow(revealed ? 60_000 : 250);
  const revealRef = useFocusOnMount<HTMLButtonElement>();
  const card = cardById(cardId)!;

  const preview = useMemo(() => {
    const svc = service();
    return revealed && svc && snapshot ? svc.preview(cardId, snapshot) : null;
  }, [revealed, service, snapshot, cardId]);

  const reveal = () => onSession(revealAnswer(session, Date.now()));
  const onGrade = async (g: GradeName) => {
    if (busy || !revealed) return;
    setBusy(true);
    setFailure(null);
    const { session: next, result } = gradeAnswer(session, g, Date.now());
    try {
      await grade(result.cardId, g, { source: 'drill', durationMs: result.thinkingMs });
      onSession(next);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  useCardKeys({ enabled: true, revealed, onReveal: reveal, onGrade: (g) => void onGrade(g) });

  return (
    <article className="study-card study-drill" aria-labelledby={questionId} data-card-id={card.id} data-testid="drill-card">
      <div className="study-drill__top">
        <p className="study-drill__count">{t('study.drill.progress', { n: session.index + 1, total: session.questions.length })}</p>
        <TimerView timer={session.timer} now={now} />
      </div>
      <CardMeta card={card} lang={lang} mastery={masteryOf(snapshot?.progress.get(card.id))} />
      <CardText as="h3" id={questionId} className="study-card__question" text={card.question} lang={lang} showBoth={showBoth} />

      <label htmlFor={answerId} className="study-field-label">
        {t('study.drill.typeLabel')}
      </label>
      <textarea
        id={answerId}
        className="study-textarea"
        rows={4}
        value={typed}
        readOnly={revealed}
        placeholder={t('study.drill.typePlaceholder')}
        onChange={(e) => setTyped(e.target.value)}
      />

      {!revealed && (
        <p className="study-card__reveal">
          <button type="button" className="button" ref={revealRef} onClick={reveal} aria-keyshortcuts="Space">
            {t('study.card.revealModel')} <kbd aria-hidden="true">Space</kbd>
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => onSession(skipQuestion(session, Date.now()))}>
            {t('study.drill.skip')}
          </button>
        </p>
      )}

      {revealed && (
        <>
          <section className="study-answer" aria-label={t('study.card.modelAnswer')} data-testid="study-answer">
            <h4 className="study-answer__title">{t('study.card.modelAnswer')}</h4>
            <CardText text={card.answer} lang={lang} showBoth={showBoth} className="study-answer__text" />
            {card.formula && <Formula tex={card.formula} display />}
            {card.labCode && <LabCode code={card.labCode} />}
            {card.practice && <Checklist points={card.practice.checklist} lang={lang} showBoth={showBoth} />}
            <p className="study-hint">
              {t('study.drill.yourTime', { seconds: Math.round((session.revealedAfterMs ?? 0) / 1000) })}
            </p>
          </section>
          <div className="study-card__grading">
            <p className="study-hint">{t('study.grade.hint')}</p>
            <GradeButtons preview={preview} lang={lang} onGrade={(g) => void onGrade(g)} busy={busy} focusGrade="good" />
          </div>
        </>
      )}
      {failure && (
        <p className="study-error" role="alert">
          {t('study.review.saveFailed')} <code>{failure}</code>
        </p>
      )}
      <ShowMe card={card} lang={lang} showBoth={showBoth} />
    </article>
  );
}
