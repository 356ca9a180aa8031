// The training step (#/backward/<stage>): a sentence pair, the model, and one real training step
// on them, stage by stage from the loss down to the updated weights. The URL holds the stage, the
// pair, ε, lr, layer, head and side (reloading restores the view); the store holds what was
// computed (by src/app/backward).
import { useCallback, useEffect, useMemo } from 'react';
import { useText } from '../../i18n';
import { BACKWARD_STAGE_IDS, type BackwardStageId } from '../../model/stageIds';
import { useAppStore } from '../../store';
import { DATASET_TAG } from '../../train/checkpointing';
import { formatHash, type BackwardRoute } from '../common/route';
import { navigate } from '../common/useRoute';
import { ModelBar } from '../walkthrough/ModelBar';
import { ModelError } from '../walkthrough/ModelError';
import { stageRoute, withParams } from '../walkthrough/params';
import type { PickerValues } from '../walkthrough/StagePickers';
import { StageList } from '../walkthrough/StageNav';
import { useStageKeys } from '../walkthrough/useStageKeys';
import { BackwardFrame } from './BackwardFrame';
import { BackwardStatus } from './BackwardStatus';
import { buildBackwardContext } from './context';
import { PairForm, type PairChanges } from './PairForm';
import { backwardRequest, readBackwardParams, toyReference } from './params';
import { ProblemMessage } from './ProblemMessage';
import { sameRequest } from './requests';
import { BACKWARD_STAGES, backwardStageById } from './stages';
import { StepSummary } from './StepSummary';
import type { BackwardStageContext } from './types';
import '../walkthrough/walkthrough.css';
import './backward.css';
import './testHelpers';

export function BackwardView({ route }: { route: BackwardRoute }) {
  const { t, lang } = useText();
  const params = useMemo(() => readBackwardParams(route), [route]);
  const active = useAppStore((s) => s.model.active);
  // The toy grammar's translation is a reference only for models of the toy language.
  const toyModel = !active || active.checkpoint.dataset !== DATASET_TAG.tatoeba;
  const reference = useMemo(() => (toyModel ? toyReference(params.text) : null), [toyModel, params.text]);
  const request = useMemo(() => backwardRequest(params, reference), [params, reference]);

  const setRequest = useAppStore((s) => s.backward.setRequest);
  const result = useAppStore((s) => s.backward.result);
  const gpuFailure = useAppStore((s) => s.backward.gpuFailure);
  const flowComparison = useAppStore((s) => s.backward.flow);
  const requestFlowComparison = useAppStore((s) => s.backward.requestFlowComparison);
  const appliedSteps = useAppStore((s) => s.backward.appliedSteps);
  const applyStep = useAppStore((s) => s.backward.applyStep);
  const resetSteps = useAppStore((s) => s.backward.resetSteps);

  useEffect(() => setRequest(request), [request, setRequest]);

  const goToStage = useCallback<BackwardStageContext['goToStage']>((id, picks) => navigate(stageRoute(route, id, picks)), [route]);
  useStageKeys(BACKWARD_STAGE_IDS, route.stage, goToStage);
  const stageHref = useCallback((id: BackwardStageId) => formatHash(stageRoute(route, id)), [route]);

  const applyPair = useCallback(
    (c: PairChanges) => navigate(withParams(route, { text: c.text, target: c.target, eps: c.eps, lr: c.lr }), { replace: true }),
    [route],
  );
  const pick = useCallback((changes: Partial<PickerValues>) => navigate(withParams(route, changes), { replace: true }), [route]);

  const stage = backwardStageById(route.stage);
  const ctx = useMemo(
    () =>
      result
        ? buildBackwardContext(result, stage, params, route, lang, {
            goToStage,
            flowComparison,
            requestFlowComparison,
            appliedSteps,
            applyStep,
            resetSteps,
          })
        : null,
    [result, stage, params, route, lang, goToStage, flowComparison, requestFlowComparison, appliedSteps, applyStep, resetSteps],
  );
  const stale = !!result && !sameRequest(result.request, request);

  return (
    <section className="view walkthrough backward" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.backward.title')}</h1>
      <p className="walkthrough__intro">{t('backward.intro')}</p>
      <ModelBar engine={result?.backend ?? null} gpuFailure={gpuFailure} />
      <ModelError />
      <PairForm params={params} toyModel={toyModel} onApply={applyPair} />
      <BackwardStatus />
      <ProblemMessage />
      {result && <StepSummary result={result} stale={stale} />}
      <div className="walkthrough__body">
        <StageList stages={BACKWARD_STAGES} current={route.stage} hrefFor={stageHref} />
        {ctx ? (
          <div className={stale ? 'walkthrough__stage backward__stage--stale' : 'walkthrough__stage'}>
            <BackwardFrame stage={stage} ctx={ctx} fromCard={params.fromCard} onGo={goToStage} onPick={pick} />
          </div>
        ) : (
          <div className="walkthrough__stage walkthrough__stage--empty" />
        )}
      </div>
      <p className="walkthrough__keys">{t('walkthrough.stages.keys')}</p>
    </section>
  );
}
