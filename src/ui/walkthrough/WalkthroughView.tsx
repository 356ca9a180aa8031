// Placeholder until the stage panels land: shows which stage and sentence the URL asks for.
import { useTranslation } from 'react-i18next';
import { walkthroughParams, type WalkthroughRoute } from '../common/route';

export function WalkthroughView({ route }: { route: WalkthroughRoute }) {
  const { t } = useTranslation();
  const { text } = walkthroughParams(route.query);
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.walkthrough.title')}</h1>
      <dl className="facts">
        <dt>{t('views.walkthrough.stage')}</dt>
        <dd data-testid="stage-id"><code>{route.stage}</code></dd>
        {text && (
          <>
            <dt>{t('views.walkthrough.sentence')}</dt>
            <dd lang="en">{text}</dd>
          </>
        )}
      </dl>
      <p className="coming-next">{t('views.walkthrough.comingNext')}</p>
    </section>
  );
}
