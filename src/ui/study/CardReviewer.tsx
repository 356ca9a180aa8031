// One card, front then back: the question (and, by kind, a gap to fill, a prediction to write or
// a timer to speak against), then the answer with its formula, then Again / Hard / Good / Easy.
// Used by the Review tab and by a card's detail in Browse.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useText } from '../../i18n';
import {
  checkCloze,
  createTimer,
  elapsedMs,
  isRunning,
  masteryOf,
  pauseTimer,
  startTimer,
  type Card,
  type ClozeCheck,
  type GradeName,
  type TimerState,
} from '../../study';
import { useAppStore } from '../../store';
import { CardMeta } from './CardMeta';
import { CardText } from './CardText';
import { Checklist } from './Checklist';
import { ClozeField } from './ClozeField';
import { GradeButtons } from './GradeButtons';
import { useCardKeys, useNow } from './hooks';
import { PredictField } from './PredictField';
import { ShowMe } from './ShowMe';
import { Formula } from '../../viz/Formula';
import { TimerView } from './TimerView';
import { LabCode } from './LabCode';

export interface CardReviewerProps {
  card: Card;
  /** Stores the grade; the parent then shows the next card (or this one again). */
  onGrade: (grade: GradeName, durationMs: number) => Promise<void>;
  /** Space and 1–4 act on this card (only one card listens at a time). */
  keyboard: boolean;
  /** Put keyboard focus on the card's first control when it appears (after a grade). */
  autoFocus?: boolean;
}

export function CardReviewer({ card, onGrade, keyboard, autoFocus = false }: CardReviewerProps) {
  const { t, lang } = useText();
  const showBoth = useAppStore((s) => s.study.showBothLanguages);
  const snapshot = useAppStore((s) => s.study.snapshot);
  const service = useAppStore((s) => s.study.service);
  const questionId = useId();

  const [shownAt] = useState(() => Date.now());
  const [revealed, setRevealed] = useState(false);
  const [focusGrade, setFocusGrade] = useState<GradeName | undefined>();
  const [clozeInput, setClozeInput] = useState('');
  const [clozeCheck, setClozeCheck] = useState<(ClozeCheck & { input: string }) | null>(null);
  const [timer, setTimer] = useState<TimerState | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow(timer && isRunning(timer) ? 250 : 60_000);

  const preview = useMemo(() => {
    const svc = service();
    return revealed && svc && snapshot ? svc.preview(card.id, snapshot) : null;
  }, [revealed, service, snapshot, card.id]);

  const reveal = (suggested: GradeName = 'good') => {
    if (revealed) return;
    setTimer((tm) => (tm ? pauseTimer(tm, Date.now()) : tm));
    setRevealed(true);
    setFocusGrade(suggested);
  };

  const toggleTimer = () =>
    setTimer((tm) => {
      const at = Date.now();
      if (!tm) return startTimer(createTimer(card.practice!.seconds * 1000), at);
      return isRunning(tm) ? pauseTimer(tm, at) : startTimer(tm, at);
    });

  const checkGap = (input: string) => {
    if (!card.cloze || clozeCheck) return;
    const result = checkCloze(card.cloze, input);
    setClozeCheck({ ...result, input });
    reveal(result.correct ? 'good' : 'again');
  };

  const grade = async (g: GradeName) => {
    if (busy || !revealed) return;
    setBusy(true);
    try {
      await onGrade(g, Date.now() - shownAt);
    } finally {
      setBusy(false);
    }
  };

  useCardKeys({ enabled: keyboard, revealed, onReveal: () => reveal(), onGrade: (g) => void grade(g) });

  const mastery = masteryOf(snapshot?.progress.get(card.id));
  const predictionLink = card.kind === 'predict';

  return (
    <article
      className={`study-card study-card--${card.kind}`}
      aria-labelledby={questionId}
      data-card-id={card.id}
      data-kind={card.kind}
      data-testid="study-card"
    >
      <CardMeta card={card} lang={lang} mastery={mastery} />
      <CardText as="h3" id={questionId} className="study-card__question" text={card.question} lang={lang} showBoth={showBoth} />

      {card.kind === 'cloze' && card.cloze && (
        <ClozeField
          cloze={card.cloze}
          lang={lang}
          showBoth={showBoth}
          value={clozeInput}
          onChange={setClozeInput}
          check={clozeCheck}
          autoFocus={autoFocus}
          onCheck={checkGap}
        />
      )}

      {predictionLink && <PredictField card={card} revealed={revealed} />}

      {card.kind === 'practice' && card.practice && (
        <div className="study-practice">
          {timer && revealed ? (
            <p className="study-hint">{t('study.practice.spoke', { seconds: Math.round(elapsedMs(timer, now) / 1000) })}</p>
          ) : timer ? (
            <TimerView timer={timer} now={now} />
          ) : (
            <p className="study-hint">{t('study.practice.intro', { seconds: card.practice.seconds })}</p>
          )}
        </div>
      )}

      {!revealed && (
        <p className="study-card__reveal">
          {card.kind === 'cloze' && (
            <button type="button" className="button" onClick={() => checkGap(clozeInput)} data-testid="cloze-check">
              {t('study.cloze.check')} <kbd aria-hidden="true">Enter</kbd>
            </button>
          )}
          {card.kind === 'practice' && card.practice && (
            <button type="button" className="button button--secondary" onClick={toggleTimer} data-testid="practice-timer">
              {!timer ? t('study.practice.start') : isRunning(timer) ? t('study.practice.pause') : t('study.practice.resume')}
            </button>
          )}
          <RevealButton
            secondary={card.kind === 'cloze'}
            autoFocus={autoFocus && card.kind !== 'cloze'}
            label={card.kind === 'practice' ? t('study.card.revealModel') : t('study.card.reveal')}
            onClick={() => reveal()}
          />
        </p>
      )}

      {revealed && (
        <section className="study-answer" aria-label={t('study.card.answer')} data-testid="study-answer">
          <h4 className="study-answer__title">{card.kind === 'practice' ? t('study.card.modelAnswer') : t('study.card.answer')}</h4>
          <CardText text={card.answer} lang={lang} showBoth={showBoth} className="study-answer__text" />
          {card.formula && <Formula tex={card.formula} display />}
          {card.labCode && <LabCode code={card.labCode} />}
          {card.kind === 'practice' && card.practice && <Checklist points={card.practice.checklist} lang={lang} showBoth={showBoth} />}
        </section>
      )}

      {revealed && (
        <div className="study-card__grading">
          <p className="study-hint" id={`${questionId}-grade-hint`}>
            {t('study.grade.hint')}
          </p>
          <GradeButtons preview={preview} lang={lang} onGrade={(g) => void grade(g)} busy={busy} focusGrade={focusGrade} />
        </div>
      )}

      <ShowMe card={card} lang={lang} showBoth={showBoth} />
    </article>
  );
}

function RevealButton({ label, onClick, autoFocus, secondary = false }: { label: string; onClick: () => void; autoFocus: boolean; secondary?: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <button type="button" className={secondary ? 'button button--secondary' : 'button'} aria-keyshortcuts="Space" ref={ref} onClick={onClick}>
      {label} <kbd aria-hidden="true">Space</kbd>
    </button>
  );
}
