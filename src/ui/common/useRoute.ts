// The browser side of the hash router: the current route as React state, and navigation.
// The URL is the single source of truth for which view and stage is open; nothing copies
// it into the store. Back/forward work because every navigation is a real history entry.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { formatHash, parseHash, updateHashParamIfPresent, type ParsedRoute, type Route } from './route';

// replaceState fires no hashchange, so our own replacements announce themselves with this.
const REPLACED_EVENT = 'attention-lab:route-replaced';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(REPLACED_EVENT, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(REPLACED_EVENT, onChange);
  };
}

const currentHash = () => window.location.hash;

/** Replace the current history entry's URL (no new back-button step). */
function replaceUrl(url: URL): void {
  if (url.href === window.location.href) return;
  window.history.replaceState(window.history.state, '', url.href);
  window.dispatchEvent(new Event(REPLACED_EVENT));
}

/**
 * The route shown now. A valid but non-canonical hash (empty, trailing slash, other
 * escaping) is quietly rewritten to the canonical one; an unknown one stays in the address
 * bar, and `notFound` tells the shell to say so while it shows the fallback.
 */
export function useRoute(): ParsedRoute {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  const parsed = useMemo(() => parseHash(hash), [hash]);
  useEffect(() => {
    if (parsed.notFound) return;
    const url = new URL(window.location.href);
    url.hash = formatHash(parsed.route);
    replaceUrl(url);
  }, [parsed]);
  return parsed;
}

/** Go to a route: a new history entry, or a replacement of the current one. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = formatHash(route);
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    replaceUrl(url);
  } else {
    window.location.hash = hash;
  }
}

/** Keep a `lang=` already in the URL (page query or hash query) equal to the chosen language. */
export function syncLangParam(language: string): void {
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) url.searchParams.set('lang', language);
  url.hash = updateHashParamIfPresent(url.hash, 'lang', language);
  replaceUrl(url);
}
