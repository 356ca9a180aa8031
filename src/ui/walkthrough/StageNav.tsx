// The list of all stages in order (links, so they push history entries and open in new tabs),
// and the Previous/Next buttons.
import { useText } from '../../i18n';
import type { StageId } from '../../model/stageIds';
import { formatHash, type WalkthroughRoute } from '../common/route';
import { STAGES } from '../stages';
import { stageRoute } from './params';

export function StageList({ route }: { route: WalkthroughRoute }) {
  const { t, text: tx } = useText();
  return (
    <nav className="stage-list" aria-labelledby="stage-list-heading">
      <h2 id="stage-list-heading" className="stage-list__heading">
        {t('walkthrough.stages.heading')}
      </h2>
      <ol>
        {STAGES.map((s, i) => (
          <li key={s.id}>
            <a
              href={formatHash(stageRoute(route, s.id))}
              aria-current={s.id === route.stage ? 'step' : undefined}
              data-stage={s.id}
            >
              <span className="stage-list__n" aria-hidden="true">
                {i + 1}
              </span>
              {tx(s.title)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function StageStepper({ stage, onGo }: { stage: StageId; onGo: (id: StageId) => void }) {
  const { t, text: tx } = useText();
  const i = STAGES.findIndex((s) => s.id === stage);
  const prev = STAGES[i - 1];
  const next = STAGES[i + 1];
  return (
    <div className="stepper">
      <button
        type="button"
        className="button button--secondary"
        disabled={!prev}
        onClick={() => prev && onGo(prev.id)}
        title={prev ? t('walkthrough.stages.previousStage', { title: tx(prev.title) }) : undefined}
        data-testid="stage-previous"
      >
        ← {t('walkthrough.stages.previous')}
      </button>
      <span className="stepper__count">{t('walkthrough.stages.counter', { n: i + 1, total: STAGES.length })}</span>
      <button
        type="button"
        className="button"
        disabled={!next}
        onClick={() => next && onGo(next.id)}
        title={next ? t('walkthrough.stages.nextStage', { title: tx(next.title) }) : undefined}
        data-testid="stage-next"
      >
        {t('walkthrough.stages.next')} →
      </button>
    </div>
  );
}
