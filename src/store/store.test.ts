import { describe, expect, it } from 'vitest';
import { createAppStore, SLICES } from '.';
import gpuSlice from './slices/gpu';
import settingsSlice from './slices/settings';

describe('app store', () => {
  it('finds every slice file by itself', () => {
    const keys = SLICES.map((s) => s.key);
    expect(keys).toContain('gpu');
    expect(keys).toContain('settings');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a slice's set merges into its own key and leaves other slices untouched", () => {
    const store = createAppStore([gpuSlice, settingsSlice]);
    const settingsBefore = store.getState().settings;
    const gpuBefore = store.getState().gpu;
    store.getState().settings.setLanguage(settingsBefore.language === 'en' ? 'zh' : 'en');
    expect(store.getState().settings.language).not.toBe(settingsBefore.language);
    expect(store.getState().settings.setLanguage).toBe(settingsBefore.setLanguage);
    expect(store.getState().gpu).toBe(gpuBefore);
  });

  it('refuses two slices with the same key', () => {
    expect(() => createAppStore([gpuSlice, gpuSlice])).toThrow(/two slices use the key 'gpu'/);
  });
});
