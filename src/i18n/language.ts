// The two interface languages, how the starting one is chosen, and their HTML lang tags.
// Pure functions: the browser globals are passed in, so tests can exercise every rule.

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Value for `<html lang>`: the Chinese interface is Simplified Chinese. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

/** localStorage key holding the language the user picked last. */
export const LANGUAGE_STORAGE_KEY = 'attention-lab.language';

/** 'en', 'en-GB', 'zh', 'zh-Hans-CN'… → a Language; anything else → undefined. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_')) return 'zh';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}

export interface LanguageSources {
  /** `lang` URL parameters, strongest first (e.g. from the hash query, then location.search). */
  urlParams: readonly (string | null | undefined)[];
  /** What localStorage remembers from the last explicit switch. */
  stored: string | null | undefined;
  /** navigator.language. */
  browser: string | null | undefined;
}

/**
 * The `lang` values a URL carries, strongest first: the hash query's (`#/study?lang=zh`), then
 * the page query's (`?lang=zh#/study`). Absent ones are null.
 */
export function urlLanguageParams(hash: string, search: string): (string | null)[] {
  const q = hash.indexOf('?');
  const hashQuery = q < 0 ? '' : hash.slice(q + 1);
  return [new URLSearchParams(hashQuery).get('lang'), new URLSearchParams(search).get('lang')];
}

/** URL parameter beats the remembered choice, which beats the browser: zh* → zh, else en. */
export function chooseLanguage({ urlParams, stored, browser }: LanguageSources): Language {
  for (const p of urlParams) {
    const lang = parseLanguage(p);
    if (lang) return lang;
  }
  return parseLanguage(stored) ?? (parseLanguage(browser) === 'zh' ? 'zh' : 'en');
}

/**
 * The language after an in-app navigation (a hash change): a valid `lang=` in the new URL wins,
 * as on a full load; without one the language stays as it is (the remembered choice and the
 * browser only pick the starting language, so following a link never undoes the switch or an
 * earlier link's lang=). Like on a full load, a language from the URL is shown, not remembered.
 */
export function languageAfterNavigation(urlParams: readonly (string | null | undefined)[], current: Language): Language {
  for (const p of urlParams) {
    const lang = parseLanguage(p);
    if (lang) return lang;
  }
  return current;
}
