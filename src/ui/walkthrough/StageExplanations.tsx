// A stage's three explanations (what happens, why it exists, what problem it solves): the same
// block in the forward walkthrough's frame and the training step's.
import { useText } from '../../i18n';
import type { StageExplanation } from '../stages/types';

export function StageExplanations({ explain }: { explain: StageExplanation }) {
  const { t, text: tx } = useText();
  return (
    <div className="stage__explain" data-testid="stage-explain">
      <section>
        <h3>{t('walkthrough.explain.what')}</h3>
        <p>{tx(explain.what)}</p>
      </section>
      <section>
        <h3>{t('walkthrough.explain.why')}</h3>
        <p>{tx(explain.why)}</p>
      </section>
      <section>
        <h3>{t('walkthrough.explain.problem')}</h3>
        <p>{tx(explain.problem)}</p>
      </section>
    </div>
  );
}
