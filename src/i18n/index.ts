// i18next set up synchronously from bundled resources (no network, no language detector
// plugin: the starting language is chosen in language.ts and held by the settings slice).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { HTML_LANG, type Language } from './language';

export * from './language';
export * from './text';
export { useText, type TextApi } from './useText';
export type { TextKey, TextParams, TextFunction } from './keys';
/** The i18next instance, for the few texts the store composes outside React (e.g. default names). */
export { i18n };
export type { Messages } from './en';

export const resources = {
  en: { translation: en },
  zh: { translation: zh },
} as const;

/** Initialise once, before the first render; later calls only switch the language. */
export function initI18n(language: Language): typeof i18n {
  if (i18n.isInitialized) {
    applyLanguage(language);
    return i18n;
  }
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh'],
    initAsync: false, // resources are bundled: t() works right after this call
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  setDocumentLanguage(language);
  return i18n;
}

/** Switch the interface language and the document's lang attribute together. */
export function applyLanguage(language: Language): void {
  if (i18n.isInitialized && i18n.language !== language) void i18n.changeLanguage(language);
  setDocumentLanguage(language);
}

function setDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[language];
}
