// The experiments of the curriculum as one-click presets: a list (title + Run), and the open
// one's explanation, plan, progress, numbers (baseline, variant, difference) and charts. The
// open experiment is in the URL (?experiment=<id>), so a study card can link straight to it.
import { useEffect, useId, useRef, useState } from 'react';
import { useText } from '../../i18n';
import { appStore, useAppStore } from '../../store';
import type { ExperimentState } from '../../store/slices/training';
import type { ExperimentId } from '../../train/experimentIds';
import { experimentList, getExperiment, type Experiment } from '../../train/experiments';
import { modelFamily } from '../../model/config';
import { FAMILY_EXPERIMENTS } from './familyTrain';
import type { TrainingLive } from '../../train/live';
import { ExperimentCharts } from './ExperimentCharts';
import { formatDifference, formatMetric, type MetricWords } from './experimentFormat';
import { NumberField } from './fields';
import { useLiveVersion } from './useLive';

export interface ExperimentsPanelProps {
  openId: ExperimentId | null;
  onOpen: (id: ExperimentId | null) => void;
  /** Link to the walkthrough's decoding stage (decode-steps). */
  decodingHref: string;
  /** A "Back to the card" link to show in the open experiment. */
  backToCard: { href: string } | null;
  /** Start the open experiment once on arrival (a study card's "predict, then see"). */
  autoRun: boolean;
}

export function ExperimentsPanel({ openId: wanted, onOpen, decodingHref, backToCard, autoRun }: ExperimentsPanelProps) {
  const { t, text } = useText();
  // Only the experiments that apply to the family set up (an open one of another family is not shown).
  const family = useAppStore((s) => modelFamily(s.training.config.model));
  const allowed = FAMILY_EXPERIMENTS[family];
  const openId = wanted && allowed.includes(wanted) ? wanted : null;
  const state = useAppStore((s) => s.training.experiment);
  const run = useAppStore((s) => s.training.runExperiment);
  const [steps, setSteps] = useState<Partial<Record<ExperimentId, string>>>({});
  const [ranSteps, setRanSteps] = useState<Partial<Record<ExperimentId, number>>>({});
  const [focusDetail, setFocusDetail] = useState(false);
  const stepsFor = (exp: Experiment) => steps[exp.id] ?? String(exp.plan.steps);
  const start = (exp: Experiment) => {
    const n = Number(stepsFor(exp));
    const count = Number.isInteger(n) && n > 0 ? n : exp.plan.steps;
    setRanSteps((r) => ({ ...r, [exp.id]: count }));
    void run(exp.id, { steps: count });
  };

  // Arriving with ?experiment=<id>: show it; from a study card, also run it (once per arrival).
  const sectionRef = useRef<HTMLElement>(null);
  const arrived = useRef<{ id: ExperimentId | null; ran: boolean }>({ id: null, ran: false });
  useEffect(() => {
    if (!openId || arrived.current.id === openId) return;
    arrived.current = { id: openId, ran: false };
    sectionRef.current?.querySelector('[data-testid="experiment-detail"]')?.scrollIntoView({ block: 'start' });
  }, [openId]);
  useEffect(() => {
    if (!autoRun || !openId || arrived.current.ran) return;
    arrived.current.ran = true;
    const exp = getExperiment(openId);
    const current = appStore.getState().training.experiment;
    if (exp.plan.mode === 'walkthrough' || (current?.id === openId && current.status !== 'failed' && current.status !== 'cancelled')) return;
    start(exp);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per arrival, with the steps shown then
  }, [autoRun, openId]);

  return (
    <section ref={sectionRef} className="train-panel train-experiments" aria-labelledby="train-experiments-title" id="train-experiments">
      <h2 id="train-experiments-title">{t('train.experiments.title')}</h2>
      <p className="train-field__hint">{t('train.experiments.intro')}</p>
      {family !== 'encoder-decoder' && (
        <p className="train-field__hint" data-testid="experiments-family">
          {t('families.train.experimentsHidden', { family: t(`families.name.${family}`) })}
        </p>
      )}
      <div className="train-experiments__body">
        <ul className="train-presets" data-testid="experiment-presets">
          {experimentList()
            .filter((exp) => allowed.includes(exp.id))
            .map((exp) => {
            const running = state?.id === exp.id && state.status === 'running';
            return (
              <li key={exp.id} className={exp.id === openId ? 'train-preset train-preset--open' : 'train-preset'} data-experiment={exp.id}>
                <button
                  type="button"
                  className="train-preset__title"
                  aria-current={exp.id === openId ? 'true' : undefined}
                  onClick={() => {
                    setFocusDetail(true);
                    onOpen(exp.id);
                  }}
                >
                  {text(exp.title)}
                </button>
                {exp.plan.mode === 'walkthrough' ? (
                  <a className="button button--secondary button--small" href={decodingHref}>
                    {t('train.experiments.openDecoding')}
                  </a>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${t('train.experiments.run')}: ${text(exp.title)}`}
                    disabled={running}
                    onClick={() => {
                      onOpen(exp.id);
                      start(exp);
                    }}
                    data-testid={`experiment-run-${exp.id}`}
                  >
                    {running ? t('train.experiments.running') : t('train.experiments.run')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {openId ? (
          <ExperimentDetail
            exp={getExperiment(openId)}
            state={state?.id === openId ? state : null}
            steps={stepsFor(getExperiment(openId))}
            plannedSteps={ranSteps[openId] ?? getExperiment(openId).plan.steps}
            onSteps={(v) => setSteps((s) => ({ ...s, [openId]: v }))}
            onRun={() => start(getExperiment(openId))}
            onClose={() => onOpen(null)}
            focus={focusDetail}
            onFocused={() => setFocusDetail(false)}
            decodingHref={decodingHref}
            backToCard={backToCard}
          />
        ) : (
          <p className="train-probe__empty">{t('train.experiments.choose')}</p>
        )}
      </div>
    </section>
  );
}

function ExperimentDetail({
  exp,
  state,
  steps,
  plannedSteps,
  onSteps,
  onRun,
  onClose,
  focus,
  onFocused,
  decodingHref,
  backToCard,
}: {
  exp: Experiment;
  state: ExperimentState | null;
  steps: string;
  /** Steps of the run shown (for its progress). */
  plannedSteps: number;
  onSteps: (v: string) => void;
  onRun: () => void;
  onClose: () => void;
  focus: boolean;
  onFocused: () => void;
  decodingHref: string;
  backToCard: { href: string } | null;
}) {
  const { t, text } = useText();
  const cancel = useAppStore((s) => s.training.cancelExperiment);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!focus) return;
    headingRef.current?.focus();
    onFocused();
  }, [focus, onFocused, exp.id]);
  const running = state?.status === 'running';
  const n = Number(steps);
  const stepsError = Number.isInteger(n) && n >= 1 && n <= 5000 ? undefined : t('train.setup.invalid.int', { min: 1, max: 5000 });
  const planText =
    exp.plan.mode === 'inference'
      ? t('train.experiments.plan.inference')
      : exp.plan.init === 'pretrained'
        ? t('train.experiments.plan.pretrained', { steps: exp.plan.steps })
        : t('train.experiments.plan.scratch', { steps: exp.plan.steps });

  return (
    <section className="train-experiment" aria-labelledby={titleId} data-testid="experiment-detail" data-experiment={exp.id}>
      <div className="train-experiment__head">
        <h3 id={titleId} ref={headingRef} tabIndex={-1}>
          {text(exp.title)}
        </h3>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('train.experiments.close')}
        </button>
      </div>
      {backToCard && (
        <p>
          <a href={backToCard.href} data-testid="experiment-back-to-card">
            ← {t('train.view.backToCard')}
          </a>
        </p>
      )}
      <p data-testid="experiment-explain">{text(exp.explain)}</p>
      <p>
        <strong>{t('train.experiments.expect')}:</strong> {text(exp.expect)}
      </p>
      {exp.plan.mode === 'walkthrough' ? (
        <>
          <p className="train-field__hint">{t('train.experiments.decodeHint')}</p>
          <a className="button" href={decodingHref} data-testid="experiment-open-decoding">
            {t('train.experiments.openDecoding')}
          </a>
        </>
      ) : (
        <>
          <p className="train-field__hint">{planText}</p>
          <div className="train-experiment__run">
            {exp.plan.mode === 'train-both' && (
              <NumberField
                label={t('train.experiments.steps')}
                value={steps}
                onChange={onSteps}
                error={stepsError}
                hint={t('train.experiments.stepsHint', { steps: exp.plan.steps })}
                range={{ min: 1, max: 5000, step: 1 }}
                testId="experiment-steps"
              />
            )}
            <div className="train-experiment__buttons">
              {running ? (
                <button type="button" className="button button--secondary" onClick={cancel} data-testid="experiment-cancel">
                  {t('train.experiments.cancel')}
                </button>
              ) : (
                <button type="button" className="button" disabled={!!stepsError && exp.plan.mode === 'train-both'} onClick={onRun} data-testid="experiment-run">
                  {state ? t('train.experiments.rerun') : t('train.experiments.run')}
                </button>
              )}
            </div>
          </div>
        </>
      )}
      {state && <ExperimentStatus exp={exp} state={state} plannedSteps={plannedSteps} />}
      {state && <ExperimentCharts exp={exp} state={state} />}
    </section>
  );
}

function ExperimentStatus({ exp, state, plannedSteps }: { exp: Experiment; state: ExperimentState; plannedSteps: number }) {
  const { t } = useText();
  const words: MetricWords = {
    missing: t('train.experiments.missing'),
    never: t('train.experiments.never'),
    points: (v) => t('train.experiments.points', { value: v }),
  };
  const result = state.result;
  return (
    <div className="train-experiment__status" data-testid="experiment-status" data-status={state.status}>
      <div role="status">
        {state.status === 'running' && (exp.plan.mode === 'train-both' ? <Progress state={state} total={plannedSteps} /> : <p>{t('train.experiments.running')}</p>)}
        {state.status === 'failed' && state.error && <p className="train-field__error">{t('train.experiment.failed', { message: state.error.message })}</p>}
        {state.status === 'cancelled' && <p>{t('train.experiment.cancelled')}</p>}
      </div>
      {result && result.rows.length > 0 && (
        <div className="train-table-wrap" role="region" aria-labelledby="train-exp-result" tabIndex={0}>
          <table className="train-table" data-testid="experiment-results">
            <caption id="train-exp-result">
              {result.mode === 'inference'
                ? t('train.experiments.resultInference', { seconds: result.seconds.toFixed(1) })
                : t('train.experiments.result', { steps: result.steps, seconds: result.seconds.toFixed(1) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('train.experiments.metric')}</th>
                <th scope="col">{t('train.experiment.baseline')}</th>
                <th scope="col">{t('train.experiment.variant')}</th>
                <th scope="col">{t('train.experiments.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.metric} data-metric={r.metric} data-baseline={r.baseline ?? ''} data-variant={r.variant ?? ''}>
                  <th scope="row">{t(`train.metric.${r.metric}`)}</th>
                  <td>{formatMetric(r.metric, r.baseline, words)}</td>
                  <td>{formatMetric(r.metric, r.variant, words)}</td>
                  <td>{formatDifference(r.metric, r.baseline, r.variant, words)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Both runs' steps while they train. */
function Progress({ state, total }: { state: ExperimentState; total: number }) {
  return (
    <div className="train-experiment__progress">
      <RoleProgress role="baseline" live={state.baseline} planned={total} />
      <RoleProgress role="variant" live={state.variant} planned={total} />
    </div>
  );
}

function RoleProgress({ role, live, planned }: { role: 'baseline' | 'variant'; live: TrainingLive; planned: number }) {
  const { t } = useText();
  useLiveVersion(live, 500);
  const id = useId();
  return (
    <div className="train-progress">
      <span id={id}>{t('train.experiments.progress', { role: t(`train.experiment.${role}`), step: live.step, total: planned })}</span>
      <progress aria-labelledby={id} max={Math.max(1, planned)} value={Math.min(live.step, planned)} />
    </div>
  );
}
