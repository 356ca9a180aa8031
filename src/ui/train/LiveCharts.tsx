// The run's charts: training and validation loss (log scale on request), validation exact
// match and token accuracy, the learning rate used against the planned schedule (warm-up
// marked), and the gradient norm with the clipping threshold and divergence marks. They read
// the live record a few times a second; nothing else re-renders per step.
import { useMemo, useState } from 'react';
import { useText } from '../../i18n';
import type { TrainingLive } from '../../train/live';
import type { TrainingConfig } from '../../train/trainingConfig';
import { LineChart, type LineMarker, type LineSeries } from '../../viz';
import { evalXY, plannedSchedule, scheduleHorizon, seriesXY } from './chartData';
import { formatRate } from './format';
import { Highlight } from './Highlight';
import type { TrainHighlight } from './trainRoute';
import { useLiveVersion } from './useLive';
import { modelFamily } from '../../model/config';
import { metricKeys } from './familyTrain';

// Mid-tone lines: ≥ 3:1 against the light and the dark scheme's surfaces alike, so the picture
// and its export need no second palette.
const COLORS = { train: '#2f74e0', valid: '#d9480f', exact: '#1e9e50', token: '#9b51e0', planned: '#7a8494', clip: '#dc3b3b' };

export function LiveCharts({ live, config, highlight }: { live: TrainingLive; config: TrainingConfig; highlight: TrainHighlight | null }) {
  const { t } = useText();
  const version = useLiveVersion(live, 400);
  const [logScale, setLogScale] = useState(false);
  const stepLabel = t('train.charts.step');

  const data = useMemo(() => {
    const loss = seriesXY(live.loss);
    const evals = live.evals;
    const horizon = scheduleHorizon(config, live.step);
    const divergence = live.lastDivergence;
    const planned = plannedSchedule(config, horizon);
    return {
      loss,
      validLoss: evalXY(evals, (r) => r.validLoss),
      exact: evalXY(evals, (r) => r.exactMatch * 100),
      token: evalXY(evals, (r) => r.tokenAccuracy * 100),
      lr: seriesXY(live.lr),
      planned,
      grad: seriesXY(live.gradNorm),
      horizon,
      lrTop: Math.max(maxOf(planned.y), maxOf(live.lr.values)),
      divergenceStep: divergence ? divergence.step : null,
      first: loss.y.length ? loss.y[0] : null,
      last: loss.y.length ? loss.y[loss.y.length - 1] : null,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the live record's contents
  }, [live, version, config]);

  const divergenceMarkers: LineMarker[] = data.divergenceStep !== null ? [{ x: data.divergenceStep, label: t('train.charts.diverged') }] : [];
  const lossSeries: LineSeries[] = [
    { label: t('train.charts.trainLoss'), ...data.loss, color: COLORS.train },
    { label: t('train.charts.validLoss'), ...data.validLoss, color: COLORS.valid },
  ];
  // Each family's own metric: translation, prompted translation, or the masked word's rank.
  const metric = metricKeys(modelFamily(config.model));
  const accuracySeries: LineSeries[] = [
    { label: t(metric.exact), ...data.exact, color: COLORS.exact },
    { label: t(metric.token), ...data.token, color: COLORS.token },
  ];
  const lrSeries: LineSeries[] = [
    { label: t('train.charts.lrPlanned'), ...data.planned, color: COLORS.planned, dashed: true },
    { label: t('train.charts.lrUsed'), ...data.lr, color: COLORS.train },
  ];
  const maxNorm = config.optimizer.maxNorm;
  const gradSeries: LineSeries[] = [
    { label: t('train.charts.gradNormSeries'), ...data.grad, color: COLORS.train },
    ...(maxNorm > 0 ? [{ label: t('train.charts.clipAt'), x: [1, Math.max(2, data.horizon)], y: [maxNorm, maxNorm], color: COLORS.clip, dashed: true }] : []),
  ];
  const warmup = config.schedule.warmup;

  return (
    <section className="train-panel train-charts" aria-labelledby="train-charts-title">
      <h2 id="train-charts-title">{t('train.charts.title')}</h2>
      <div className="train-charts__grid">
        <Highlight id="loss-curve" active={highlight === 'loss-curve'}>
          <div className="train-chart" data-testid="loss-chart-box" data-points={data.loss.x.length} data-first-loss={data.first ?? ''} data-last-loss={data.last ?? ''}>
            <LineChart
              title={t('train.charts.loss')}
              series={lossSeries}
              xLabel={stepLabel}
              yLabel={t('train.charts.lossAxis')}
              yScale={logScale ? 'log' : 'linear'}
              markers={divergenceMarkers}
              height={220}
              exportName="training-loss"
              testId="loss-chart"
            />
            <label className="train-check train-check--inline">
              <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} data-testid="loss-log" />
              {t('train.charts.logScale')}
            </label>
            <p className="train-chart__note">{t('train.charts.lossNote', { eps: config.optimizer.labelSmoothing })}</p>
          </div>
        </Highlight>
        <div className="train-chart">
          <LineChart
            title={t('train.charts.accuracy')}
            series={accuracySeries}
            xLabel={stepLabel}
            yLabel={t('train.charts.accuracyAxis')}
            yDomain={[0, 100]}
            digits={1}
            height={220}
            exportName="validation-accuracy"
            testId="accuracy-chart"
          />
          <p className="train-chart__note">{t(metric.note, { n: config.cadence.validationSize, every: config.cadence.evalEvery })}</p>
        </div>
        <Highlight id="lr-schedule" active={highlight === 'lr-schedule'}>
          <div className="train-chart">
            <LineChart
              title={t('train.charts.lr')}
              series={lrSeries}
              xLabel={stepLabel}
              yLabel={t('train.charts.lrAxis')}
              markers={warmup > 0 ? [{ x: warmup, label: t('train.charts.warmupEnd') }] : []}
              xDomain={[1, Math.max(2, data.horizon)]}
              yDomain={data.lrTop > 0 && Number.isFinite(data.lrTop) ? [0, data.lrTop * 1.05] : undefined}
              digits={6}
              height={220}
              exportName="learning-rate"
              testId="lr-chart"
            />
            <p className="train-chart__note">
              {t('train.charts.lrNote', { warmup, after: t(`train.setup.${config.schedule.kind}`).toLowerCase(), peak: formatRate(config.optimizer.lr) })}
            </p>
          </div>
        </Highlight>
        <Highlight id="grad-norm" active={highlight === 'grad-norm'}>
          <div className="train-chart">
            <LineChart
              title={t('train.charts.gradNorm')}
              series={gradSeries}
              xLabel={stepLabel}
              yLabel={t('train.charts.gradNormAxis')}
              markers={divergenceMarkers}
              height={220}
              exportName="gradient-norm"
              testId="grad-chart"
            />
            <p className="train-chart__note">{t('train.charts.gradNote')}</p>
          </div>
        </Highlight>
      </div>
    </section>
  );
}

/** The largest finite value (0 when there is none). */
function maxOf(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] > m) m = values[i];
  return m;
}
