// The walkthrough: a sentence, its translation, and the model's computation on it stage by
// stage. The URL holds stage, sentence, layer, head and side (reloading restores the view);
// the store holds what was computed (by src/app/walkthrough).
import { useCallback, useEffect, useMemo } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatHash, queryGet, type WalkthroughRoute } from '../common/route';
import { navigate } from '../common/useRoute';
import { familyStages, stageById, stageTexts } from '../stages';
import { DEFAULT_FAMILY, FAMILY_STAGE_IDS, familyStage, type FamilyId, type StageId } from '../../model/stageIds';
import { FamilySwitch } from './FamilySwitch';
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
import { STAGE_TITLES } from '../stages/titles';
import './walkthrough.css';
import './testHelpers';

export function WalkthroughView({ route }: { route: WalkthroughRoute }) {
  const { t, text: tx, lang } = useText();
  const params = useMemo(() => readParams(route), [route]);
  const setText = useAppStore((s) => s.walkthrough.setText);
  const result = useAppStore((s) => s.walkthrough.result);
  const problem = useAppStore((s) => s.walkthrough.problem);
  const currentText = useAppStore((s) => s.walkthrough.text);
  const sampled = useAppStore((s) => s.walkthrough.sampled);
  const sample = useAppStore((s) => s.walkthrough.sample);
  const gpuFailure = useAppStore((s) => s.walkthrough.gpuFailure);

  const { family } = params;
  useEffect(() => setText(params.text, family), [params.text, family, setText]);
  // The decoding stage's sampled run: wanted while that stage is open with a seed in the URL.
  const { temperature, topP, seed } = params.sampling;
  const topK = Math.min(params.sampling.topK, result?.vocabSizes.tgt || Infinity); // as the stage context clamps it
  const onDecoding = route.stage === 'decoding' && family !== 'encoder';
  useEffect(() => {
    sample(onDecoding && seed !== null ? { text: params.text, temperature, topK, topP, seed } : null);
  }, [sample, onDecoding, params.text, temperature, topK, topP, seed]);

  // The family's own stage list; a stage it lacks (a shared link) shows its stand-in.
  const shownId = familyStage(family, route.stage);
  const goToStage = useCallback<StageContext['goToStage']>((id, picks) => navigate(stageRoute(route, id, picks)), [route]);
  useStageKeys(FAMILY_STAGE_IDS[family], shownId, goToStage);
  const stageHref = useCallback((id: StageId) => formatHash(stageRoute(route, id)), [route]);
  const chooseFamily = useCallback(
    (next: FamilyId) => {
      const changes = { family: next === DEFAULT_FAMILY ? undefined : next, side: next === 'encoder-decoder' ? queryGet(route.query, 'side') : undefined };
      navigate({ ...withParams(route, changes), stage: familyStage(next, route.stage) });
    },
    [route],
  );
  const compareHref = formatHash({ view: 'compare', query: [['text', params.text], ...route.query.filter(([k]) => k === 'lang')] });

  const applyText = useCallback((text: string) => navigate(withParams(route, { text }), { replace: true }), [route]);
  const pick = useCallback(
    (changes: Partial<PickerValues>) => navigate(withParams(route, changes), { replace: true }),
    [route],
  );

  const setSampling = useCallback<StageContext['sampling']['set']>(
    (patch) => navigate(withParams(route, samplingQuery(patch)), { replace: true }),
    [route],
  );
  const stage = stageById(shownId);
  const navStages = useMemo(() => familyStages(family).map((s) => ({ id: s.id, title: stageTexts(s, family).title })), [family]);
  // A result of another family (the switch was just used) is not shown with this family's stages.
  const shown = result && result.family === family ? result : null;
  const ctx = useMemo(
    () => (shown ? buildStageContext(shown, stage, params, lang, goToStage, { state: sampled, set: setSampling }) : null),
    [shown, stage, params, lang, goToStage, sampled, setSampling],
  );
  const stale = !!shown && shown.text !== currentText;

  return (
    <section className="view walkthrough" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.walkthrough.title')}</h1>
      <p className="walkthrough__intro">{family === 'encoder-decoder' ? t('walkthrough.intro') : t(`families.intro.${family}`)}</p>
      <FamilySwitch family={family} onChange={chooseFamily} compareHref={compareHref} />
      <ModelBar engine={shown?.backend ?? null} gpuFailure={gpuFailure} family={family} />
      <ModelError family={family} />
      <SentenceBox text={params.text} onApply={applyText} family={family} />
      <StatusLine />
      {problem?.kind === 'failed' && (
        <ErrorBanner title={t('walkthrough.error.failed')} detail={problem.message} testId="walkthrough-error" />
      )}
      {shown && <TranslationStrip result={shown} stale={stale} />}
      <div className="walkthrough__body">
        <StageList stages={navStages} current={shownId} hrefFor={stageHref} />
        {ctx ? (
          <div className={stale ? 'walkthrough__stage walkthrough__stage--stale' : 'walkthrough__stage'}>
            {shownId !== route.stage && (
              <p className="note stand-in-note" role="status" data-testid="stand-in-note">
                {t('families.standIn', { family: t(`families.name.${family}`), missing: tx(STAGE_TITLES[route.stage]), shown: tx(stageTexts(stage, family).title) })}
              </p>
            )}
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
