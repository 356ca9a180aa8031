// The list of all stages in order (links, so they push history entries and open in new tabs),
// and the Previous/Next buttons. The stages are data: the forward walkthrough passes its
// STAGES, the training-step walkthrough its BACKWARD_STAGES.
import { useText } from '../../i18n';
import type { Bilingual } from '../../i18n/text';

/** What the navigation needs of a stage: its id and title. */
export interface NavStage<Id extends string> {
  id: Id;
  title: Bilingual;
}

export function StageList<Id extends string>({
  stages,
  current,
  hrefFor,
}: {
  stages: readonly NavStage<Id>[];
  current: Id;
  /** The link of a stage, keeping the view's parameters. */
  hrefFor: (id: Id) => string;
}) {
  const { t, text: tx } = useText();
  return (
    <nav className="stage-list" aria-labelledby="stage-list-heading">
      <h2 id="stage-list-heading" className="stage-list__heading">
        {t('walkthrough.stages.heading')}
      </h2>
      <ol>
        {stages.map((s, i) => (
          <li key={s.id}>
            <a href={hrefFor(s.id)} aria-current={s.id === current ? 'step' : undefined} data-stage={s.id}>
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

export function StageStepper<Id extends string>({ stages, stage, onGo }: { stages: readonly NavStage<Id>[]; stage: Id; onGo: (id: Id) => void }) {
  const { t, text: tx } = useText();
  const i = stages.findIndex((s) => s.id === stage);
  const prev = stages[i - 1];
  const next = stages[i + 1];
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
      <span className="stepper__count">{t('walkthrough.stages.counter', { n: i + 1, total: stages.length })}</span>
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
