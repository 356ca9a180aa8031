// The walkthrough: a sentence, its translation, and the model's computation on it stage by
// stage. The URL holds stage, sentence, layer, head and side (reloading restores the view);
// the store holds what was computed (by src/app/walkthrough).
import { useCallback, useEffect, useMemo } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatHash, type WalkthroughRoute } from '../common/route';
import { navigate } from '../common/useRoute';
import { STAGES, stageById } from '../stages';
import { STAGE_IDS, type StageId } from '../../model/stageIds';
import type { StageContext } from '../stages/types';
import { ModelBar } from './ModelBar';
import { readParams, samplingQuery, stageRoute, withParams } from './params';
import { SentenceBox } from './SentenceBox';
import { buildStageContext } from './stageContext';
import { StageFrame } from './StageFrame';
import type { PickerValues } from './StagePickers';
import { StageList } from './StageNav';
import { StatusLine } from './StatusLine';
import { TranslationStrip } from './TranslationStrip';
import { useStageKeys } from './useStageKeys';
import { ModelError } from './ModelError';
import './walkthrough.css';
import './testHelpers';

export function WalkthroughView({ route }: { route: WalkthroughRoute }) {
  const { t, lang } = useText();
  const params = useMemo(() => readParams(route), [route]);
  const setText = useAppStore((s) => s.walkthrough.setText);
  const result = useAppStore((s) => s.walkthrough.result);
  const problem = useAppStore((s) => s.walkthrough.problem);
  const currentText = useAppStore((s) => s.walkthrough.text);
  const sampled = useAppStore((s) => s.walkthrough.sampled);
  const sample = useAppStore((s) => s.walkthrough.sample);
  const gpuFailure = useAppStore((s) => s.walkthrough.gpuFailure);

  useEffect(() => setText(params.text), [params.text, setText]);
  // The decoding stage's sampled run: wanted while that stage is open with a seed in the URL.
  const { temperature, topP, seed } = params.sampling;
  const topK = Math.min(params.sampling.topK, result?.vocabSizes.tgt ?? Infinity); // as the stage context clamps it
  const onDecoding = route.stage === 'decoding';
  useEffect(() => {
    sample(onDecoding && seed !== null ? { text: params.text, temperature, topK, topP, seed } : null);
  }, [sample, onDecoding, params.text, temperature, topK, topP, seed]);

  const goToStage = useCallback<StageContext['goToStage']>((id, picks) => navigate(stageRoute(route, id, picks)), [route]);
  useStageKeys(STAGE_IDS, route.stage, goToStage);
  const stageHref = useCallback((id: StageId) => formatHash(stageRoute(route, id)), [route]);

  const applyText = useCallback((text: string) => navigate(withParams(route, { text }), { replace: true }), [route]);
  const pick = useCallback(
    (changes: Partial<PickerValues>) => navigate(withParams(route, changes), { replace: true }),
    [route],
  );

  const setSampling = useCallback<StageContext['sampling']['set']>(
    (patch) => navigate(withParams(route, samplingQuery(patch)), { replace: true }),
    [route],
  );
  const stage = stageById(route.stage);
  const ctx = useMemo(
    () => (result ? buildStageContext(result, stage, params, lang, goToStage, { state: sampled, set: setSampling }) : null),
    [result, stage, params, lang, goToStage, sampled, setSampling],
  );
  const stale = !!result && result.text !== currentText;

  return (
    <section className="view walkthrough" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.walkthrough.title')}</h1>
      <p className="walkthrough__intro">{t('walkthrough.intro')}</p>
      <ModelBar engine={result?.backend ?? null} gpuFailure={gpuFailure} />
      <ModelError />
      <SentenceBox text={params.text} onApply={applyText} />
      <StatusLine />
      {problem?.kind === 'failed' && (
        <ErrorBanner title={t('walkthrough.error.failed')} detail={problem.message} testId="walkthrough-error" />
      )}
      {result && <TranslationStrip result={result} stale={stale} />}
      <div className="walkthrough__body">
        <StageList stages={STAGES} current={route.stage} hrefFor={stageHref} />
        {ctx ? (
          <div className={stale ? 'walkthrough__stage walkthrough__stage--stale' : 'walkthrough__stage'}>
            <StageFrame stage={stage} ctx={ctx} fromCard={params.fromCard} onGo={goToStage} onPick={pick} />
          </div>
        ) : (
          <div className="walkthrough__stage walkthrough__stage--empty" />
        )}
      </div>
      <p className="walkthrough__keys">{t('walkthrough.stages.keys')}</p>
    </section>
  );
}
