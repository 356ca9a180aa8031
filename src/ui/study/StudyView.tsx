// The Study view: review today's cards, see progress, browse the deck, or drill for an
// interview. The open tab and card live in the URL (#/study?tab=…&card=…); progress lives in
// the store's study slice, which opens IndexedDB on the first visit.
import { useEffect, useId, useState } from 'react';
import { useText } from '../../i18n';
import type { DrillSession } from '../../study';
import { useAppStore } from '../../store';
import { ErrorBanner } from '../common/ErrorBanner';
import type { StudyRoute } from '../common/route';
import { navigate } from '../common/useRoute';
import { BrowseTab } from './BrowseTab';
import { EMPTY_FILTERS, type BrowseFilterState } from './BrowseFilters';
import { DrillTab } from './DrillTab';
import { ProgressTab } from './ProgressTab';
import { ReviewTab } from './ReviewTab';
import { studyParams, studyRouteFor, type StudyTab } from './studyRoute';
import { panelId, StudyTabs, tabId } from './StudyTabs';
import './study.css';
import './testHelpers';

export function StudyView({ route }: { route: StudyRoute }) {
  const { t } = useText();
  const init = useAppStore((s) => s.study.init);
  const status = useAppStore((s) => s.study.status);
  const problem = useAppStore((s) => s.study.problem);
  const showBoth = useAppStore((s) => s.study.showBothLanguages);
  const setShowBoth = useAppStore((s) => s.study.setShowBothLanguages);
  const bothId = useId();
  // Kept here so that switching tabs (or opening a card) keeps the list filters and a drill.
  const [filters, setFilters] = useState<BrowseFilterState>(EMPTY_FILTERS);
  const [drill, setDrill] = useState<DrillSession | null>(null);

  useEffect(() => {
    void init();
  }, [init]);

  const params = studyParams(route.query);
  const select = (tab: StudyTab) => navigate(studyRouteFor(route.query, tab));

  return (
    <section className="view study" aria-labelledby="view-title">
      <div className="study__head">
        <h1 id="view-title">{t('views.study.title')}</h1>
        <label className="study-both" htmlFor={bothId}>
          <input id={bothId} type="checkbox" checked={showBoth} onChange={(e) => setShowBoth(e.target.checked)} data-testid="both-languages" />{' '}
          {t('study.bothLanguages')}
        </label>
      </div>
      <p className="study__intro">{t('study.intro')}</p>

      {problem?.kind === 'no-indexeddb' && (
        <p className="notice" role="status" data-testid="study-memory-only">
          {t('study.problem.memoryOnly')}
        </p>
      )}
      {status === 'error' && problem && (
        <ErrorBanner
          title={problem.kind === 'closed' ? t('study.problem.closed') : t('study.problem.loadFailed')}
          detail={problem.detail}
          action={{ label: t('study.problem.reload'), onClick: () => window.location.reload() }}
          testId="study-error"
        >
          {t('study.problem.kept')}
        </ErrorBanner>
      )}

      <StudyTabs current={params.tab} onSelect={select} />
      <div className="study-panel" role="tabpanel" id={panelId(params.tab)} aria-labelledby={tabId(params.tab)} data-testid="study-panel">
        <h2 className="visually-hidden">{t(`study.tabs.${params.tab}`)}</h2>
        {status === 'idle' || status === 'loading' ? (
          <p className="view-loading" data-testid="study-loading">
            {t('study.loading')}
          </p>
        ) : status === 'error' ? null : params.tab === 'review' ? (
          <ReviewTab onGoToTab={select} />
        ) : params.tab === 'progress' ? (
          <ProgressTab />
        ) : params.tab === 'browse' ? (
          <BrowseTab
            query={route.query}
            cardId={params.cardId}
            unknownCardId={params.unknownCardId}
            filters={filters}
            onFiltersChange={setFilters}
          />
        ) : (
          <DrillTab session={drill} onSession={setDrill} />
        )}
      </div>
    </section>
  );
}
