// Keep the step or not: the shown model changes only when the learner applies the step
// (ctx.applyStep); reset goes back to the model as loaded (ctx.resetSteps).
import { useText } from '../../../../i18n';
import type { BackwardPanelProps } from '../../types';
import { text } from './content';

export function ApplyControls({ ctx }: BackwardPanelProps) {
  const { text: tx } = useText();
  const none = ctx.appliedSteps === 0;
  return (
    <section className="stat-box" data-testid="update-apply">
      <h3>{tx(text.applyTitle)}</h3>
      <p>{tx(text.applyIntro)}</p>
      <p role="status" data-testid="update-applied">
        {tx(text.applied, { n: ctx.appliedSteps })}
      </p>
      <div>
        <button type="button" className="button" onClick={() => ctx.applyStep()} data-testid="update-apply-step">
          {tx(text.apply)}
        </button>{' '}
        <button
          type="button"
          className="button button--secondary"
          // aria-disabled, not disabled: a disabled button drops keyboard focus.
          aria-disabled={none || undefined}
          onClick={() => {
            if (!none) ctx.resetSteps();
          }}
          data-testid="update-reset"
        >
          {tx(text.reset)}
        </button>
      </div>
    </section>
  );
}
