// One training-step stage: title and place in the sequence, the way back to a study card, the
// cards about it and the forward stage it reverses, the three explanations, pickers, the formula
// with this pair's shapes, the panel (inside an error boundary), "check numerically", and where
// the numbers came from (kernels, GPU time, GPU − CPU difference over the stage's gradients).
import { useEffect, useRef } from 'react';
import { useText } from '../../i18n';
import type { BackwardStageId } from '../../model/stageIds';
import { backwardCardStage } from '../../study/types';
import { Formula } from '../../viz/Formula';
import { ViewErrorBoundary } from '../common/ViewErrorBoundary';
import { STAGE_TITLES } from '../stages/titles';
import { StageExplanations } from '../walkthrough/StageExplanations';
import { StagePickers, type PickerValues } from '../walkthrough/StagePickers';
import { StageStepper } from '../walkthrough/StageNav';
import { StudyThis } from '../walkthrough/StudyThis';
import { WhereFrom } from '../walkthrough/WhereFrom';
import { NumericCheck } from './NumericCheck';
import { BACKWARD_STAGES } from './stages';
import type { BackwardStageContext, BackwardStageDefinition } from './types';

export function BackwardFrame({
  stage,
  ctx,
  fromCard,
  onGo,
  onPick,
}: {
  stage: BackwardStageDefinition;
  ctx: BackwardStageContext;
  fromCard: string | null;
  onGo: (id: BackwardStageId) => void;
  onPick: (changes: Partial<PickerValues>) => void;
}) {
  const { t, text: tx } = useText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(stage.id);

  // A stage change moves focus to the new title, unless the user is on the stepper or typing.
  useEffect(() => {
    if (shown.current === stage.id) return;
    shown.current = stage.id;
    const active = document.activeElement;
    const keep = active instanceof HTMLElement && (active.closest('.stepper') || active.matches('input, select, textarea'));
    if (!keep) headingRef.current?.focus({ preventScroll: true });
  }, [stage.id]);

  const { Panel, pickers } = stage;
  const values: PickerValues = { side: ctx.side, layer: ctx.layer, head: ctx.head };
  const forwardPicks = {
    ...(pickers.side ? { side: ctx.side } : {}),
    ...(pickers.layer ? { layer: ctx.layer } : {}),
    ...(pickers.head ? { head: ctx.head } : {}),
  };
  const checks = stage.checks(ctx);
  return (
    <article className="stage" aria-labelledby="stage-title" data-testid="stage" data-stage={stage.id}>
      <header className="stage__header">
        <div className="stage__titles">
          <h2 id="stage-title" ref={headingRef} tabIndex={-1}>
            {tx(stage.title)}
          </h2>
          <code className="stage__id" data-testid="stage-id">
            {stage.id}
          </code>
        </div>
        <StageStepper stages={BACKWARD_STAGES} stage={stage.id} onGo={onGo} />
      </header>
      <div className="stage__tools">
        {fromCard && (
          <a className="stage__back" href={`#/study?card=${encodeURIComponent(fromCard)}`} data-testid="back-to-card">
            ← {t('walkthrough.study.back')}
          </a>
        )}
        <StudyThis stage={backwardCardStage(stage.id)} />
        <a className="stage__forward" href={ctx.forwardHref(stage.forwardStage, forwardPicks)} title={t('backward.frame.forwardHint')} data-testid="forward-stage">
          {t('backward.frame.forward', { title: tx(STAGE_TITLES[stage.forwardStage]) })} →
        </a>
      </div>
      <StageExplanations explain={stage.explain} />
      <StagePickers spec={pickers} config={ctx.config} values={values} onChange={onPick} />
      <section className="stage__formula" aria-label={t('walkthrough.explain.formula')} tabIndex={0} data-testid="stage-formula">
        <Formula tex={stage.formula(ctx)} display />
      </section>
      <div className="stage__panel" data-testid="stage-panel">
        <ViewErrorBoundary key={stage.id}>
          <Panel ctx={ctx} />
        </ViewErrorBoundary>
      </div>
      {checks.length > 0 && <NumericCheck key={stage.id} targets={checks} result={ctx.result} />}
      <WhereFrom result={ctx.result} kernels={stage.kernels} traceNames={stage.traceNames(ctx)} scopes={stage.scopes(ctx)} pass="step" />
    </article>
  );
}
