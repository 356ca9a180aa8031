import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../i18n/language';

function stubBrowser({ hash = '', search = '', stored = null as string | null, browser = 'en-US' }) {
  const storage = new Map<string, string>(stored ? [[LANGUAGE_STORAGE_KEY, stored]] : []);
  vi.stubGlobal('location', { hash, search });
  vi.stubGlobal('navigator', { language: browser });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
  });
  return storage;
}

async function freshStore() {
  vi.resetModules(); // the slice reads the browser when the store is created
  const { createAppStore } = await import('..');
  const { default: settings } = await import('./settings');
  return createAppStore([settings]);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('settings slice', () => {
  it('starts from the browser language', async () => {
    stubBrowser({ browser: 'zh-CN' });
    expect((await freshStore()).getState().settings.language).toBe('zh');
  });

  it('prefers the remembered choice, and a lang URL parameter over that', async () => {
    stubBrowser({ stored: 'en', browser: 'zh-CN' });
    expect((await freshStore()).getState().settings.language).toBe('en');
    stubBrowser({ stored: 'en', search: '?lang=zh' });
    expect((await freshStore()).getState().settings.language).toBe('zh');
    stubBrowser({ stored: 'zh', search: '?lang=zh', hash: '#/walkthrough/qkv?lang=en' });
    expect((await freshStore()).getState().settings.language).toBe('en');
  });

  it('remembers an explicit switch', async () => {
    const storage = stubBrowser({});
    const store = await freshStore();
    store.getState().settings.setLanguage('zh');
    expect(store.getState().settings.language).toBe('zh');
    expect(storage.get(LANGUAGE_STORAGE_KEY)).toBe('zh');
  });
});
