// One card in full: review it now (any time, due or not), its schedule and history, and the
// way back to the list. `#/study?card=<id>` opens this.
import { useState } from 'react';
import { useText } from '../../i18n';
import { formatInterval, GRADE_LABELS, masteryOf, MASTERY_LABELS, type Card, type GradeName } from '../../study';
import { useAppStore } from '../../store';
import { CardReviewer } from './CardReviewer';
import { useNow } from './hooks';

function formatDate(ms: number, lang: string): string {
  return new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function CardDetail({ card, listHash }: { card: Card; listHash: string }) {
  const { t, lang } = useText();
  const now = useNow(30_000);
  const grade = useAppStore((s) => s.study.grade);
  const progress = useAppStore((s) => s.study.snapshot?.progress.get(card.id));
  const reviews = useAppStore((s) => s.study.snapshot?.reviews);
  // A new reviewer after each grade, so the card can be practised again from its question.
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<{ grade: GradeName; dueInMs: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const history = (reviews ?? []).filter((r) => r.cardId === card.id).slice(-10).reverse();
  const mastery = masteryOf(progress);

  const onGrade = async (g: GradeName, durationMs: number) => {
    setFailure(null);
    try {
      const outcome = await grade(card.id, g, { durationMs, source: 'review' });
      setSaved({ grade: g, dueInMs: outcome.progress.due - outcome.review.reviewedAt });
      setRound((r) => r + 1);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="study-detail" data-testid="card-detail">
      <p className="study-detail__back">
        <a href={listHash}>{t('study.detail.backToList')}</a>
      </p>
      {failure && (
        <p className="study-error" role="alert">
          {t('study.review.saveFailed')} <code>{failure}</code>
        </p>
      )}
      <CardReviewer key={`${card.id}:${round}`} card={card} onGrade={onGrade} keyboard autoFocus={round > 0} />
      <p role="status" className="study-review__status study-detail__status" data-testid="detail-status">
        {saved && t('study.review.saved', { grade: GRADE_LABELS[saved.grade][lang], interval: formatInterval(saved.dueInMs, lang) })}
      </p>

      <section className="study-section" aria-labelledby="study-detail-schedule">
        <h3 id="study-detail-schedule">{t('study.detail.schedule')}</h3>
        <dl className="facts" data-testid="card-schedule">
          <dt>{t('study.detail.mastery')}</dt>
          <dd>{MASTERY_LABELS[mastery][lang]}</dd>
          <dt>{t('study.detail.due')}</dt>
          <dd data-testid="card-due">
            {!progress || progress.state === 'new'
              ? t('study.detail.notYet')
              : progress.due <= now
                ? t('study.detail.dueNow')
                : t('study.detail.dueIn', { interval: formatInterval(progress.due - now, lang), date: formatDate(progress.due, lang) })}
          </dd>
          <dt>{t('study.detail.reviews')}</dt>
          <dd>{t('study.detail.reviewCount', { reps: progress?.reps ?? 0, lapses: progress?.lapses ?? 0 })}</dd>
          <dt>{t('study.detail.tags')}</dt>
          <dd>{card.tags.join(', ')}</dd>
          <dt>{t('study.detail.id')}</dt>
          <dd>
            <code>{card.id}</code>
          </dd>
        </dl>
        {history.length > 0 && (
          <>
            <h4>{t('study.detail.history')}</h4>
            <ol className="study-history" data-testid="card-history">
              {history.map((r) => (
                <li key={r.reviewedAt}>
                  <time dateTime={new Date(r.reviewedAt).toISOString()}>{formatDate(r.reviewedAt, lang)}</time> ·{' '}
                  {GRADE_LABELS[r.grade][lang]}
                  {r.source === 'drill' ? ` · ${t('study.detail.fromDrill')}` : ''}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
