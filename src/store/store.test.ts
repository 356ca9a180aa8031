import { describe, expect, it } from 'vitest';
import { createAppStore, installServices, SLICES, type StoreServices } from '.';
import gpuSlice from './slices/gpu';
import settingsSlice from './slices/settings';
import backwardSlice from './slices/backward';
import walkthroughSlice from './slices/walkthrough';

describe('app store', () => {
  it('lists every slice under its own key', () => {
    for (const [key, slice] of Object.entries(SLICES)) expect(slice.key).toBe(key);
    expect(Object.keys(createAppStore().getState()).sort()).toEqual(Object.keys(SLICES).sort());
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

  it('hands the slices the services given at creation or installed later', () => {
    const asked: string[] = [];
    const walkthrough: StoreServices['walkthrough'] = () => ({ request: (text) => void asked.push(text), sample: () => undefined, dispose: () => undefined });
    const store = createAppStore([walkthroughSlice]);
    expect(() => store.getState().walkthrough.setText('a')).toThrow(/no walkthrough service installed/);
    installServices(store, { walkthrough });
    store.getState().walkthrough.setText('b');
    createAppStore([walkthroughSlice], { services: { walkthrough } }).getState().walkthrough.setText('c');
    expect(asked).toEqual(['b', 'c']);
  });

  it('the backward slice starts its service on the first request and hands it every action', () => {
    const calls: string[] = [];
    const backward: StoreServices['backward'] = () => ({
      request: (req) => void calls.push(`request ${req.target} ${req.smoothing}`),
      flowComparison: (layers) => void calls.push(`flow ${layers}`),
      check: (name) => void calls.push(`check ${name}`),
      applyStep: () => void calls.push('apply'),
      resetSteps: () => void calls.push('reset'),
      dispose: () => undefined,
    });
    const store = createAppStore([backwardSlice]);
    const req = { text: 'the cat sat .', target: '猫 坐 了 。', smoothing: 0.1, lr: 1e-3 };
    expect(() => store.getState().backward.setRequest(req)).toThrow(/no backward service installed/);
    installServices(store, { backward });
    const bw = () => store.getState().backward;
    bw().setRequest(req);
    expect(bw()).toMatchObject({ request: req, status: 'running', appliedSteps: 0, checks: {}, flow: { status: 'idle' } });
    bw().setRequest({ ...req }); // an equal request is not asked again
    bw().setRequest({ ...req, smoothing: 0 });
    bw().requestFlowComparison(6);
    bw().checkNumerically('grad:logits');
    bw().applyStep();
    bw().resetSteps();
    expect(calls).toEqual(['request 猫 坐 了 。 0.1', 'request 猫 坐 了 。 0', 'flow 6', 'check grad:logits', 'apply', 'reset']);
  });

  it('refuses two slices with the same key', () => {
    expect(() => createAppStore([gpuSlice, gpuSlice])).toThrow(/two slices use the key 'gpu'/);
  });
});
