// One stage: its title and place in the sequence, pickers, the three-part explanation, the
// formula with this sentence's shapes, the panel with the real numbers, and where those
// numbers came from.
import { useEffect, useRef } from 'react';
import { useText } from '../../i18n';
import type { StageId } from '../../model/stageIds';
import { Formula } from '../../viz/Formula';
import { ViewErrorBoundary } from '../common/ViewErrorBoundary';
import { STAGES } from '../stages';
import type { StageContext, StageDefinition } from '../stages/types';
import { StageExplanations } from './StageExplanations';
import { StagePickers, type PickerValues } from './StagePickers';
import { StageStepper } from './StageNav';
import { StudyThis } from './StudyThis';
import { WhereFrom } from './WhereFrom';
import { stageScopes } from '../stages/shared/scopes';

export function StageFrame({
  stage,
  ctx,
  fromCard,
  onGo,
  onPick,
}: {
  stage: StageDefinition;
  ctx: StageContext;
  fromCard: string | null;
  onGo: (id: StageId) => void;
  onPick: (changes: Partial<PickerValues>) => void;
}) {
  const { t, text: tx } = useText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(stage.id);

  // A stage change moves focus to the new title, unless the user is on the stepper (so
  // pressing Next repeatedly keeps working) or typing.
  useEffect(() => {
    if (shown.current === stage.id) return;
    shown.current = stage.id;
    const active = document.activeElement;
    const keep = active instanceof HTMLElement && (active.closest('.stepper') || active.matches('input, select, textarea'));
    if (!keep) headingRef.current?.focus({ preventScroll: true });
  }, [stage.id]);

  const { Panel } = stage;
  const values: PickerValues = { side: ctx.side, layer: ctx.layer, head: ctx.head };
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
        <StageStepper stages={STAGES} stage={stage.id} onGo={onGo} />
      </header>
      <div className="stage__tools">
        {fromCard && (
          <a className="stage__back" href={`#/study?card=${encodeURIComponent(fromCard)}`} data-testid="back-to-card">
            ← {t('walkthrough.study.back')}
          </a>
        )}
        <StudyThis stage={stage.id} />
      </div>
      <StageExplanations explain={stage.explain} />
      <StagePickers spec={stage.pickers} config={ctx.config} values={values} onChange={onPick} />
      {/* The frame scrolls a wide formula (focusable, so keyboard users can scroll it too). */}
      <section className="stage__formula" aria-label={t('walkthrough.explain.formula')} tabIndex={0} data-testid="stage-formula">
        <Formula tex={stage.formula(ctx)} display />
      </section>
      <div className="stage__panel" data-testid="stage-panel">
        <ViewErrorBoundary key={stage.id}>
          <Panel ctx={ctx} />
        </ViewErrorBoundary>
      </div>
      <WhereFrom
        result={ctx.result}
        kernels={stage.kernels}
        traceNames={stage.traceNames(ctx)}
        scopes={stageScopes(stage.id, ctx.side, ctx.layer)}
        computedBy={stage.computedBy && tx(stage.computedBy)}
      />
    </article>
  );
}
