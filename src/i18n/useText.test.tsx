// @vitest-environment happy-dom
// useText().t: i18next's t at run time (plurals, placeholders, the current language), typed by
// keys.ts at compile time. The `@ts-expect-error` lines are the compile-time half: `npm run
// typecheck` fails if a misspelt key, a key a code union cannot make, or a wrong value type
// ever compiles.
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n, useText, type TextFunction, type TextKey } from './index';

beforeAll(() => {
  initI18n('en');
});

afterEach(() => {
  cleanup();
  applyLanguage('en');
});

function t(): TextFunction {
  return renderHook(() => useText()).result.current.t;
}

describe('useText().t', () => {
  it('looks a key up and fills its placeholders', () => {
    expect(t()('train.status.paused')).toBe('Paused');
    expect(t()('train.notice.saved', { name: 'run 1' })).toBe('Saved “run 1”.');
  });

  it('picks the plural form by count', () => {
    expect(t()('study.progress.days', { count: 1 })).toBe('1 day');
    expect(t()('study.progress.days', { count: 3 })).toBe('3 days');
  });

  it('takes keys built from typed codes', () => {
    const codes = ['quota', 'unavailable'] as const;
    expect(codes.map((code) => t()(`train.storage.${code}`))).toEqual([
      expect.stringContaining('full'),
      expect.stringContaining('private mode'),
    ]);
  });

  it('follows the interface language', () => {
    applyLanguage('zh');
    expect(t()('train.status.paused')).not.toBe('Paused');
  });
});

// Compile-time checks (never called: they exist for tsc).
export function typeChecks(tf: TextFunction, code: 'quota' | 'unavailable', anyCode: string): TextKey[] {
  tf('train.error.device', { message: 'x' });
  tf(`train.storage.${code}`, { detail: 'x' });
  // @ts-expect-error: a misspelt key does not compile
  tf('train.status.pausd');
  // @ts-expect-error: a plural form is asked for by its base key and a count
  tf('study.progress.days_one', { count: 1 });
  // @ts-expect-error: a code union with a code that has no string does not compile
  tf(`train.storage.${code === 'quota' ? code : 'full'}`);
  // @ts-expect-error: a key from an unchecked string does not compile
  tf(`train.storage.${anyCode}`);
  // @ts-expect-error: a placeholder value has the wrong name
  tf('train.notice.saved', { nam: 'run 1' });
  // @ts-expect-error: count is a number
  tf('study.progress.days', { count: '3' });
  // @ts-expect-error: a plural key needs its count
  tf('study.progress.days', {});
  return ['app.name', 'gpu.reason.no-webgpu'];
}
