// Review: today's queue (due cards first, then new ones up to the daily limit), one card at a
// time. The card on screen stays put when another tab changes progress, unless that tab
// graded this very card.
import { useEffect, useState } from 'react';
import { useText } from '../../i18n';
import { formatInterval, GRADE_LABELS, type GradeName } from '../../study';
import { useAppStore } from '../../store';
import { CardReviewer } from './CardReviewer';
import { useNow } from './hooks';
import { useQueue, useStats } from './useStudyData';

interface LastGrade {
  grade: GradeName;
  dueInMs: number;
}

export function ReviewTab({ onGoToTab }: { onGoToTab: (tab: 'progress' | 'browse' | 'drill') => void }) {
  const { t, lang } = useText();
  const grade = useAppStore((s) => s.study.grade);
  const now = useNow(15_000);
  const queue = useQueue(now);
  const stats = useStats(now);
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState(false);
  const [last, setLast] = useState<LastGrade | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const cards = queue?.cards ?? [];
  const current = cards.find((c) => c.id === pinnedId) ?? cards[0] ?? null;
  useEffect(() => {
    setPinnedId(current?.id ?? null);
  }, [current?.id]);

  if (!queue) return null;

  const onGrade = async (g: GradeName, durationMs: number) => {
    if (!current) return;
    setFailure(null);
    try {
      const { progress } = await grade(current.id, g, { durationMs, source: 'review' });
      setLast({ grade: g, dueInMs: progress.due - (progress.lastReview ?? Date.now()) });
      setPinnedId(null);
      setFocusNext(true);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="study-review">
      <div className="study-review__bar">
        <dl className="study-counts" aria-label={t('study.review.countsLabel')}>
          <div>
            <dt>{t('study.review.due')}</dt>
            <dd data-testid="count-due">{queue.due.length}</dd>
          </div>
          <div>
            <dt>{t('study.review.new')}</dt>
            <dd data-testid="count-new">{queue.fresh.length}</dd>
          </div>
          <div>
            <dt>{t('study.review.reviewedToday')}</dt>
            <dd data-testid="count-reviewed">{stats?.reviewedToday ?? 0}</dd>
          </div>
        </dl>
        <p className="study-review__status" role="status" data-testid="review-status">
          {last && t('study.review.saved', { grade: GRADE_LABELS[last.grade][lang], interval: formatInterval(last.dueInMs, lang) })}
        </p>
      </div>
      {failure && (
        <p className="study-error" role="alert">
          {t('study.review.saveFailed')} <code>{failure}</code>
        </p>
      )}

      {current ? (
        <CardReviewer key={current.id} card={current} onGrade={onGrade} keyboard autoFocus={focusNext} />
      ) : (
        <div className="study-done" data-testid="review-done">
          <h3>{t('study.review.doneTitle')}</h3>
          <p>
            {queue.nextDueAt !== null
              ? t('study.review.nextDue', { interval: formatInterval(queue.nextDueAt - now, lang) })
              : t('study.review.nothingScheduled')}
          </p>
          {queue.newLeftToday === 0 && <p>{t('study.review.newLimitReached', { count: queue.newIntroducedToday })}</p>}
          <p className="study-done__actions">
            <button type="button" className="button button--secondary" onClick={() => onGoToTab('drill')}>
              {t('study.review.goDrill')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onGoToTab('browse')}>
              {t('study.review.goBrowse')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onGoToTab('progress')}>
              {t('study.review.goSettings')}
            </button>
          </p>
        </div>
      )}
      <p className="study-keys study-hint">{t('study.review.keys')}</p>
    </div>
  );
}
