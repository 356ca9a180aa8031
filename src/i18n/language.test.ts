import { describe, expect, it } from 'vitest';
import { chooseLanguage, parseLanguage } from './language';

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
