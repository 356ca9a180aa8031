import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageAfterNavigation, parseLanguage, urlLanguageParams } from './language';

describe('parseLanguage', () => {
  it('maps regional and script variants onto the two interface languages', () => {
    expect(parseLanguage('zh')).toBe('zh');
    expect(parseLanguage('zh-CN')).toBe('zh');
    expect(parseLanguage('zh-Hant-TW')).toBe('zh');
    expect(parseLanguage('EN-gb')).toBe('en');
    expect(parseLanguage('en')).toBe('en');
  });

  it('rejects other languages and empty values', () => {
    expect(parseLanguage('fr')).toBeUndefined();
    expect(parseLanguage('zhx')).toBeUndefined();
    expect(parseLanguage('')).toBeUndefined();
    expect(parseLanguage(null)).toBeUndefined();
  });
});

describe('chooseLanguage', () => {
  it('follows the browser when nothing else is set: zh* gives Chinese, anything else English', () => {
    expect(chooseLanguage({ urlParams: [], stored: null, browser: 'zh-TW' })).toBe('zh');
    expect(chooseLanguage({ urlParams: [], stored: null, browser: 'de-DE' })).toBe('en');
    expect(chooseLanguage({ urlParams: [], stored: null, browser: undefined })).toBe('en');
  });

  it('prefers the remembered choice over the browser', () => {
    expect(chooseLanguage({ urlParams: [], stored: 'en', browser: 'zh-CN' })).toBe('en');
    expect(chooseLanguage({ urlParams: [], stored: 'zh', browser: 'en-US' })).toBe('zh');
  });

  it('lets a valid URL parameter override both, the first valid one winning', () => {
    expect(chooseLanguage({ urlParams: ['zh'], stored: 'en', browser: 'en-US' })).toBe('zh');
    expect(chooseLanguage({ urlParams: [null, 'en'], stored: 'zh', browser: 'zh' })).toBe('en');
    expect(chooseLanguage({ urlParams: ['klingon'], stored: 'zh', browser: 'en' })).toBe('zh');
  });
});

describe('urlLanguageParams', () => {
  it('reads lang= from the hash query first, then the page query', () => {
    expect(urlLanguageParams('#/study?lang=zh', '?test=1&lang=en')).toEqual(['zh', 'en']);
    expect(urlLanguageParams('#/walkthrough/qkv?layer=1', '?lang=zh')).toEqual([null, 'zh']);
    expect(urlLanguageParams('', '')).toEqual([null, null]);
  });
});

describe('languageAfterNavigation', () => {
  it('switches to a valid lang= in the new URL, the hash query first', () => {
    expect(languageAfterNavigation(['zh'], 'en')).toBe('zh');
    expect(languageAfterNavigation(['en', 'zh'], 'zh')).toBe('en');
    expect(languageAfterNavigation([null, 'zh'], 'en')).toBe('zh');
    expect(languageAfterNavigation(['fr', 'zh-CN'], 'en')).toBe('zh');
  });

  it('keeps the current language when the URL names none (or none valid)', () => {
    expect(languageAfterNavigation([null, null], 'zh')).toBe('zh');
    expect(languageAfterNavigation(['klingon'], 'en')).toBe('en');
  });
});
