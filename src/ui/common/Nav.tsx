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
    // The families compared on the sentence of the walkthrough last open (none: the view's default).
    compare: compareHref(lastWalkthroughText(here('walkthrough') ? formatHash(route) : lastWalkthrough)),
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

/** The `text` of a walkthrough hash, if it has one. */
function lastWalkthroughText(hash: string): string | null {
  const q = hash.indexOf('?');
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get('text');
}

function compareHref(text: string | null): string {
  return formatHash({ view: 'compare', query: text ? [['text', text]] : [] });
}
