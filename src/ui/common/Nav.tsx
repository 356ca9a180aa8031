import { useEffect, useState } from 'react';
import { useText } from '../../i18n';
import { DEFAULT_BACKWARD_STAGE, DEFAULT_ROUTE, formatHash, VIEWS, type ParsedRoute } from './route';

/**
 * The views. The Walkthrough and Training step links return to the stage (and sentence) last
 * open in that view.
 */
export function Nav({ current }: { current: ParsedRoute }) {
  const { t } = useText();
  const { route, notFound } = current;
  const [lastWalkthrough, setLastWalkthrough] = useState(() => formatHash(DEFAULT_ROUTE));
  const [lastBackward, setLastBackward] = useState(() => formatHash({ view: 'backward', stage: DEFAULT_BACKWARD_STAGE, query: [] }));
  useEffect(() => {
    if (notFound) return;
    if (route.view === 'walkthrough') setLastWalkthrough(formatHash(route));
    if (route.view === 'backward') setLastBackward(formatHash(route));
  }, [route, notFound]);

  const here = (view: 'walkthrough' | 'backward') => route.view === view && !notFound;
  const hrefs = {
    walkthrough: here('walkthrough') ? formatHash(route) : lastWalkthrough,
    backward: here('backward') ? formatHash(route) : lastBackward,
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
