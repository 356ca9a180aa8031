// User settings: for now the interface language. The starting language comes from the URL
// (lang=en|zh, in the hash query or the page query), then the remembered choice, then the
// browser; only an explicit switch is remembered. A lang= in a link followed inside the app
// switches too (showLanguage), and is not remembered either: see languageAfterNavigation.
import { applyLanguage, chooseLanguage, LANGUAGE_STORAGE_KEY, urlLanguageParams, type Language } from '../../i18n';
import { defineSlice } from '../slice';

export interface SettingsSlice {
  language: Language;
  /** Switch the interface language and remember it in localStorage. */
  setLanguage: (language: Language) => void;
  /** Switch the interface language for this tab only (a `lang=` in a URL): not remembered. */
  showLanguage: (language: Language) => void;
}

declare module '../slice' {
  interface AppState {
    settings: SettingsSlice;
  }
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage can be blocked (private mode, sandboxed frames)
  }
}

function writeStored(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch itself still works.
  }
}

export function initialLanguage(): Language {
  const loc = globalThis.location;
  return chooseLanguage({
    urlParams: urlLanguageParams(loc?.hash ?? '', loc?.search ?? ''),
    stored: readStored(),
    browser: globalThis.navigator?.language,
  });
}

export default defineSlice('settings', ({ set }) => ({
  language: initialLanguage(),
  setLanguage: (language) => {
    writeStored(language);
    applyLanguage(language);
    set({ language });
  },
  showLanguage: (language) => {
    applyLanguage(language);
    set({ language });
  },
}));
