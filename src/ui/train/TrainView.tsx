// The Train view: set up a run, train it in the tab and watch it learn (charts, the probe
// sentence's attention with a replay slider, validation translations), run the curriculum's
// experiments, keep models in the library, and open the trained model in the walkthrough.
// The URL carries the open experiment, a study card's way back, and a study highlight.
import { useCallback, useEffect, useMemo } from 'react';
import { useText } from '../../i18n';
import { modelFamily } from '../../model/config';
import { useAppStore } from '../../store';
import type { ExperimentId } from '../../train/experimentIds';
import { formatHash, type TrainRoute } from '../common/route';
import { navigate } from '../common/useRoute';
import { ConfirmProvider } from './ConfirmDialog';
import { Controls } from './Controls';
import { ExperimentsPanel } from './ExperimentsPanel';
import { LibraryPanel } from './LibraryPanel';
import { LiveCharts } from './LiveCharts';
import { NoticeArea } from './NoticeArea';
import { ProbePanel } from './ProbePanel';
import { SamplesPanel } from './SamplesPanel';
import { SetupPanel } from './SetupPanel';
import { cardRoute, readTrainParams, walkthroughRoute, withExperiment } from './trainRoute';
import { useSetupDraft } from './useSetupDraft';
import { TOY_PROBE } from './probeText';
import './train.css';

export function TrainView({ route }: { route: TrainRoute }) {
  // The training code, the model library and the last session load when the view first opens.
  const init = useAppStore((s) => s.training.init);
  useEffect(() => {
    void init();
  }, [init]);
  return (
    <ConfirmProvider>
      <TrainViewBody route={route} />
    </ConfirmProvider>
  );
}

function TrainViewBody({ route }: { route: TrainRoute }) {
  const { t } = useText();
  const params = useMemo(() => readTrainParams(route), [route]);
  const setup = useSetupDraft();
  const live = useAppStore((s) => s.training.live);
  const config = useAppStore((s) => s.training.config);
  const probeText = useAppStore((s) => s.training.probeText);
  const info = useAppStore((s) => s.training.info);
  const openInWalkthrough = useAppStore((s) => s.training.openInWalkthrough);

  // The sentence the probe uses now: the user's, else the engine's default for the dataset.
  const probe = probeText || (info?.probe.ok ? info.probe.srcTokens.join(' ') : '') || (config.dataset === 'toy' ? TOY_PROBE : '');

  const family = modelFamily(config.model);
  const openWalkthrough = useCallback(async () => {
    if (await openInWalkthrough()) navigate(walkthroughRoute(route, probe, 'overview', family));
  }, [openInWalkthrough, route, probe, family]);
  const openExperiment = useCallback((id: ExperimentId | null) => navigate(withExperiment(route, id), { replace: true }), [route]);
  const backHref = params.fromCard ? formatHash(cardRoute(route, params.fromCard)) : null;

  return (
    <section className="view train" aria-labelledby="view-title">
      <div className="train__head">
        <h1 id="view-title">{t('views.train.title')}</h1>
        {backHref && (
          <a className="train__back" href={backHref} data-testid="back-to-card">
            ← {t('train.view.backToCard')}
          </a>
        )}
      </div>
      <p className="train__intro">{t('train.view.intro')}</p>
      <NoticeArea />
      <div className="train__layout">
        <SetupPanel state={setup} />
        <div className="train__main">
          <Controls beforeRun={setup.apply} onOpenWalkthrough={() => void openWalkthrough()} />
          <LiveCharts live={live} config={config} highlight={params.highlight} />
          <ProbePanel live={live} probeText={probe} />
          <SamplesPanel live={live} every={config.cadence.evalEvery} />
        </div>
      </div>
      <ExperimentsPanel
        openId={params.experiment}
        onOpen={openExperiment}
        decodingHref={formatHash(walkthroughRoute(route, probe, 'decoding', family))}
        backToCard={backHref ? { href: backHref } : null}
        autoRun={params.fromCard !== null}
      />
      <LibraryPanel />
    </section>
  );
}
