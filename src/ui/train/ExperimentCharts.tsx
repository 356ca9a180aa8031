// What an experiment shows besides its table: baseline and variant as curves while they train
// (training loss, and the one measure that tells the story — exact match for the causal mask,
// attention entropy for the missing scaling, validation loss for the architecture switches),
// the swapped-sentence translations without positions, exact match per silenced head, and the
// divergence guard's report for a learning rate far too high.
import { useMemo } from 'react';
import { useText } from '../../i18n';
import type { ExperimentResult } from '../../train/experimentRun';
import type { Experiment } from '../../train/experiments';
import type { TrainingLive } from '../../train/live';
import type { OrderExample } from '../../train/measureRequests';
import type { ExperimentState } from '../../store/slices/training';
import { BarChart, formatShort, LineChart, type LineSeries } from '../../viz';
import { entropyXY, evalXY, seriesXY, type XY } from './chartData';
import { formatRate } from './format';
import { useLiveVersion } from './useLive';

// ≥ 3:1 against the light and the dark scheme's surfaces alike (as LiveCharts' lines).
const BASELINE_COLOR = '#2f74e0';
const VARIANT_COLOR = '#d9480f';

type Extra = 'exactMatch' | 'entropy' | 'validLoss' | null;

function extraChart(exp: Experiment): Extra {
  switch (exp.id) {
    case 'causal-mask-off':
    case 'positions-off':
      return 'exactMatch';
    case 'no-scaling':
      return 'entropy';
    case 'one-head':
    case 'pre-norm':
    case 'gelu':
      return 'validLoss';
    default:
      return null;
  }
}

export function ExperimentCharts({ exp, state }: { exp: Experiment; state: ExperimentState }) {
  const result = state.result;
  return (
    <div className="train-exp-charts">
      {result && exp.id === 'lr-too-high' && <DivergenceReport result={result} />}
      {exp.plan.mode === 'train-both' && <CurveCharts exp={exp} baseline={state.baseline} variant={state.variant} />}
      {result?.order && <OrderExamples order={result.order} />}
      {result?.headsOff && <HeadsOff result={result} />}
    </div>
  );
}

function CurveCharts({ exp, baseline, variant }: { exp: Experiment; baseline: TrainingLive; variant: TrainingLive }) {
  const { t } = useText();
  const vb = useLiveVersion(baseline, 500);
  const vv = useLiveVersion(variant, 500);
  const extra = extraChart(exp);
  const data = useMemo(() => {
    const pick = (live: TrainingLive): Record<'loss' | 'exactMatch' | 'entropy' | 'validLoss', XY> => ({
      loss: seriesXY(live.loss),
      exactMatch: evalXY(live.evals, (r) => r.exactMatch * 100),
      entropy: entropyXY(live.attention.list()),
      validLoss: evalXY(live.evals, (r) => r.validLoss),
    });
    return { baseline: pick(baseline), variant: pick(variant) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for the live records' contents
  }, [baseline, variant, vb, vv]);
  const pair = (key: keyof (typeof data)['baseline']): LineSeries[] => [
    { label: t('train.experiment.baseline'), ...data.baseline[key], color: BASELINE_COLOR },
    { label: t('train.experiment.variant'), ...data.variant[key], color: VARIANT_COLOR, dashed: true },
  ];
  const step = t('train.charts.step');
  return (
    <div className="train-exp-charts__grid">
      <LineChart title={t('train.experiments.lossChart')} series={pair('loss')} xLabel={step} yLabel={t('train.charts.lossAxis')} height={200} exportName={`${exp.id}-loss`} testId="experiment-loss-chart" />
      {extra === 'exactMatch' && (
        <LineChart title={t('train.experiments.exactMatchChart')} series={pair('exactMatch')} xLabel={step} yLabel={t('train.charts.accuracyAxis')} yDomain={[0, 100]} digits={1} height={200} exportName={`${exp.id}-exact-match`} testId="experiment-extra-chart" />
      )}
      {extra === 'entropy' && (
        <LineChart title={t('train.experiments.entropyChart')} series={pair('entropy')} xLabel={step} yLabel={t('train.experiments.entropyAxis')} digits={3} height={200} exportName={`${exp.id}-entropy`} testId="experiment-extra-chart" />
      )}
      {extra === 'validLoss' && (
        <LineChart title={t('train.experiments.validLossChart')} series={pair('validLoss')} xLabel={step} yLabel={t('train.charts.lossAxis')} height={200} exportName={`${exp.id}-valid-loss`} testId="experiment-extra-chart" />
      )}
    </div>
  );
}

function OrderExamples({ order }: { order: NonNullable<ExperimentResult['order']> }) {
  const { t } = useText();
  const baseline = order.baseline?.examples ?? [];
  const variant = order.variant?.examples ?? [];
  const rows: { source: string[]; base: string[]; vari: string[]; pair: number }[] = [];
  baseline.forEach((ex: OrderExample, i) => {
    for (const side of [0, 1] as const) rows.push({ source: ex.sources[side], base: ex.outputs[side], vari: variant[i]?.outputs[side] ?? [], pair: i });
  });
  if (!rows.length) return null;
  return (
    <div className="train-table-wrap" role="region" aria-labelledby="train-order-caption" tabIndex={0}>
      <table className="train-table train-table--order" data-testid="order-examples">
        <caption id="train-order-caption">{t('train.experiments.orderTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('train.experiments.orderSource')}</th>
            <th scope="col">{t('train.experiment.baseline')}</th>
            <th scope="col">{t('train.experiment.variant')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.pair % 2 ? 'train-table__pair--odd' : undefined}>
              <th scope="row" lang="en">
                {r.source.join(' ')}
              </th>
              <td lang="zh-CN">{r.base.join(' ')}</td>
              <td lang="zh-CN">{r.vari.join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DivergenceReport({ result }: { result: ExperimentResult }) {
  const { t } = useText();
  const d = result.divergence;
  if (!d) return <p className="train-field__hint">{t('train.experiments.noDivergence', { steps: result.steps })}</p>;
  return (
    <div className="train-notice train-notice--alert train-notice--inline" data-testid="experiment-divergence">
      <div className="train-notice__text">
        <p className="train-notice__title">{t('train.experiments.divergedTitle')}</p>
        <p>{t('train.notice.divergence.title', { step: d.step })}</p>
        <p>{t(`train.notice.divergence.${d.reason}`, { loss: formatShort(d.loss), gradNorm: formatShort(d.gradNorm), lr: formatRate(d.lr) })}</p>
        <p>{t('train.notice.divergence.restored', { restoredStep: d.restoredStep })}</p>
      </div>
    </div>
  );
}

function HeadsOff({ result }: { result: ExperimentResult }) {
  const { t } = useText();
  const report = result.headsOff!;
  const items = [
    { label: t('train.experiments.allHeads'), value: report.baseline.exactMatch },
    ...report.heads.map((h) => {
      const [, layer, , head] = h.head.split('.'); // 'dec.1.cross.2'
      return { label: t('train.experiments.headLabel', { layer: Number(layer) + 1, head: Number(head) + 1 }), value: h.exactMatch };
    }),
  ];
  return <BarChart title={t('train.experiments.headsChart')} items={items} labelHeader={t('train.experiments.headsAxis')} valueHeader={t('train.metric.exactMatch')} exportName="heads-off" testId="experiment-heads-chart" />;
}
