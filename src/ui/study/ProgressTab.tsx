// Progress: today's numbers, retention and streak, mastery by section and topic, the settings,
// and the progress file (export, import, reset).
import type { ReactNode } from 'react';
import { useText } from '../../i18n';
import { RETENTION_WINDOW_DAYS } from '../../study';
import { useAppStore } from '../../store';
import { DataPanel } from './DataPanel';
import { useNow } from './hooks';
import { MasteryTable } from './MasteryTable';
import { SettingsForm } from './SettingsForm';
import { useStats } from './useStudyData';

function Tile({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div className="study-tile">
      <dt>{label}</dt>
      <dd className="study-tile__value" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="study-tile__note">{note}</dd>}
    </div>
  );
}

export function ProgressTab() {
  const { t, lang } = useText();
  const now = useNow(30_000);
  const stats = useStats(now);
  const snapshot = useAppStore((s) => s.study.snapshot);
  if (!stats || !snapshot) return null;

  const { retention, streak } = stats;
  const rate = retention.rate === null ? '—' : `${Math.round(retention.rate * 100)}%`;
  return (
    <div className="study-progress">
      <dl className="study-tiles">
        <Tile
          label={t('study.progress.dueNow')}
          value={stats.dueNow}
          note={t('study.progress.dueToday', { count: stats.dueToday })}
          testId="stat-due"
        />
        <Tile
          label={t('study.progress.newToday')}
          value={stats.newAvailableToday}
          note={t('study.progress.newLimit', { count: snapshot.settings.newPerDay })}
          testId="stat-new"
        />
        <Tile
          label={t('study.progress.reviewedToday')}
          value={stats.reviewedToday}
          note={t('study.progress.cardsToday', { count: stats.cardsReviewedToday })}
          testId="stat-reviewed"
        />
        <Tile
          label={t('study.progress.retention', { days: RETENTION_WINDOW_DAYS })}
          value={rate}
          note={
            retention.total === 0
              ? t('study.progress.retentionNone')
              : t('study.progress.retentionNote', { passed: retention.passed, total: retention.total })
          }
          testId="stat-retention"
        />
        <Tile
          label={t('study.progress.streak')}
          value={t('study.progress.days', { count: streak.current })}
          note={t('study.progress.longest', { count: streak.longest })}
          testId="stat-streak"
        />
      </dl>

      <section aria-labelledby="study-mastery-title" className="study-section">
        <h3 id="study-mastery-title">{t('study.progress.masteryTitle')}</h3>
        <p className="study-hint">{t('study.progress.masteryHint')}</p>
        <MasteryTable stats={stats} lang={lang} />
      </section>

      <section aria-labelledby="study-settings-title" className="study-section">
        <h3 id="study-settings-title">{t('study.settings.title')}</h3>
        <SettingsForm settings={snapshot.settings} />
      </section>

      <section aria-labelledby="study-data-title" className="study-section">
        <h3 id="study-data-title">{t('study.data.title')}</h3>
        <DataPanel snapshot={snapshot} />
      </section>
    </div>
  );
}
