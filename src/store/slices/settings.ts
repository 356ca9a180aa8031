// User settings: the interface language and the colour scheme. The starting language comes from the URL
// (lang=en|zh, in the hash query or the page query), then the remembered choice, then the
// browser; only an explicit switch is remembered. A lang= in a link followed inside the app
// switches too (showLanguage), and is not remembered either: see languageAfterNavigation.
import { applyLanguage, chooseLanguage, LANGUAGE_STORAGE_KEY, urlLanguageParams, type Language } from '../../i18n';
import { defineSlice } from '../slice';

/** The colour scheme switch: a fixed scheme, or whatever the system prefers. */
export const COLOR_SCHEME_CHOICES = ['light', 'dark', 'system'] as const;
export type ColorSchemeChoice = (typeof COLOR_SCHEME_CHOICES)[number];
/** localStorage key holding the scheme picked last (absent: follow the system). */
export const COLOR_SCHEME_STORAGE_KEY = 'attention-lab.color-scheme';

export function parseColorSchemeChoice(value: string | null | undefined): ColorSchemeChoice {
  return (COLOR_SCHEME_CHOICES as readonly string[]).includes(value ?? '') ? (value as ColorSchemeChoice) : 'system';
}

export interface SettingsSlice {
  language: Language;
  /** Switch the interface language and remember it in localStorage. */
  setLanguage: (language: Language) => void;
  /** Switch the interface language for this tab only (a `lang=` in a URL): not remembered. */
  showLanguage: (language: Language) => void;
  /** Light, dark or the system's; remembered in localStorage like the language. */
  colorScheme: ColorSchemeChoice;
  setColorScheme: (choice: ColorSchemeChoice) => void;
}

function readStored(key = LANGUAGE_STORAGE_KEY): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null; // storage can be blocked (private mode, sandboxed frames)
  }
}

function writeStored(value: string, key = LANGUAGE_STORAGE_KEY): void {
  try {
    globalThis.localStorage?.setItem(key, value);
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
  colorScheme: parseColorSchemeChoice(readStored(COLOR_SCHEME_STORAGE_KEY)),
  setColorScheme: (colorScheme) => {
    writeStored(colorScheme, COLOR_SCHEME_STORAGE_KEY);
    set({ colorScheme });
  },
}));
