// The shell: skip link, header (name, GPU status, language, nav), the GPU failure banner,
// and the view the hash route names. Views are loaded on first visit.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useText } from '../i18n';
import { GpuFailureBanner } from './common/GpuFailureBanner';
import { Header } from './common/Header';
import { MAIN_CONTENT_ID } from './common/ids';
import type { Route } from './common/route';
import { useColorScheme } from './common/useColorScheme';
import { SkipLink } from './common/SkipLink';
import { useLangParam } from './common/useLangParam';
import { useRoute } from './common/useRoute';
import { ViewErrorBoundary } from './common/ViewErrorBoundary';

const WalkthroughView = lazy(() => import('./walkthrough/WalkthroughView').then((m) => ({ default: m.WalkthroughView })));
const BackwardView = lazy(() => import('./backward/BackwardView').then((m) => ({ default: m.BackwardView })));
const TrainView = lazy(() => import('./train/TrainView').then((m) => ({ default: m.TrainView })));
const StudyView = lazy(() => import('./study/StudyView').then((m) => ({ default: m.StudyView })));
const BenchView = lazy(() => import('./bench/BenchView').then((m) => ({ default: m.BenchView })));

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'walkthrough':
      return <WalkthroughView route={route} />;
    case 'backward':
      return <BackwardView route={route} />;
    case 'train':
      return <TrainView route={route} />;
    case 'study':
      return <StudyView route={route} />;
    case 'bench':
      return <BenchView route={route} />;
  }
}

export function App() {
  const { t } = useText();
  useLangParam();
  useColorScheme();
  const current = useRoute();
  const { route, notFound } = current;
  const mainRef = useRef<HTMLElement>(null);
  const shownView = useRef(route.view);

  useEffect(() => {
    document.title = `${t(`nav.${route.view}`)} · ${t('app.name')}`;
  }, [route.view, t]);

  // Moving to another view moves keyboard and screen-reader focus to its content.
  useEffect(() => {
    if (shownView.current === route.view) return;
    shownView.current = route.view;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.view]);

  return (
    <>
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <Header current={current} />
      <div className="app-alerts">
        <GpuFailureBanner />
      </div>
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="app-main">
        {notFound && (
          <p className="notice" role="status" data-testid="route-not-found">
            {t('route.notFound', { path: notFound.path })}
          </p>
        )}
        <ViewErrorBoundary key={route.view}>
          <Suspense fallback={<p className="view-loading">{t('app.loading')}</p>}>
            <CurrentView route={route} />
          </Suspense>
        </ViewErrorBoundary>
      </main>
    </>
  );
}
