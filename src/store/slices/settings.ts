// User settings: for now the interface language. The starting language comes from the URL
// (lang=en|zh, in the hash query or the page query), then the remembered choice, then the
// browser; only an explicit switch is remembered.
import { applyLanguage, chooseLanguage, LANGUAGE_STORAGE_KEY, type Language } from '../../i18n';
import { defineSlice } from '../slice';

export interface SettingsSlice {
  language: Language;
  /** Switch the interface language and remember it in localStorage. */
  setLanguage: (language: Language) => void;
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
  const hashQuery = loc?.hash.includes('?') ? loc.hash.slice(loc.hash.indexOf('?') + 1) : '';
  return chooseLanguage({
    urlParams: [new URLSearchParams(hashQuery).get('lang'), new URLSearchParams(loc?.search ?? '').get('lang')],
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
}));
