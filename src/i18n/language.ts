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

/** URL parameter beats the remembered choice, which beats the browser: zh* → zh, else en. */
export function chooseLanguage({ urlParams, stored, browser }: LanguageSources): Language {
  for (const p of urlParams) {
    const lang = parseLanguage(p);
    if (lang) return lang;
  }
  return parseLanguage(stored) ?? (parseLanguage(browser) === 'zh' ? 'zh' : 'en');
}
