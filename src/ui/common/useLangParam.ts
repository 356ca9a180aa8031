// A lang= in a link is honoured on every navigation, not only on a full load: following
// `#/study?lang=zh` inside the app switches to Chinese (for this tab; not remembered, as on a
// full load). A URL without lang= leaves the language as it is (languageAfterNavigation).
import { useEffect } from 'react';
import { languageAfterNavigation, urlLanguageParams } from '../../i18n/language';
import { appStore } from '../../store';

export function followLangParam(): void {
  const { language, showLanguage } = appStore.getState().settings;
  const next = languageAfterNavigation(urlLanguageParams(window.location.hash, window.location.search), language);
  if (next !== language) showLanguage(next);
}

/** Listens for hash changes (links, navigate(), back and forward) while the shell is mounted. */
export function useLangParam(): void {
  useEffect(() => {
    window.addEventListener('hashchange', followLangParam);
    return () => window.removeEventListener('hashchange', followLangParam);
  }, []);
}
