import { useEffect, useState } from 'react';
import { useText } from '../../i18n';
import { DEFAULT_ROUTE, formatHash, VIEWS, type ParsedRoute } from './route';

/** The three views. The Walkthrough link returns to the stage (and sentence) last open. */
export function Nav({ current }: { current: ParsedRoute }) {
  const { t } = useText();
  const { route, notFound } = current;
  const [lastWalkthrough, setLastWalkthrough] = useState(() => formatHash(DEFAULT_ROUTE));
  useEffect(() => {
    if (route.view === 'walkthrough' && !notFound) setLastWalkthrough(formatHash(route));
  }, [route, notFound]);

  const hrefs = {
    walkthrough: route.view === 'walkthrough' && !notFound ? formatHash(route) : lastWalkthrough,
    train: '#/train',
    study: '#/study',
  } as const;

  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {VIEWS.map((view) => (
          <li key={view}>
            <a href={hrefs[view]} aria-current={route.view === view ? 'page' : undefined} data-view={view}>
              {t(`nav.${view}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
