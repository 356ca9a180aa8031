// The walkthrough's service with the family switch: each family's shipped model is fetched when
// first asked for, the result is that family's (prompted continuation, fill-mask), a trained model
// of a family is used for that family only, and the compare service computes all three at once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../model/checkpoint';
import { createAppStore } from '../../store';
import compareSlice from '../../store/slices/compare';
import gpuSlice from '../../store/slices/gpu';
import { createModelSlice } from '../../store/slices/model';
import walkthroughSlice from '../../store/slices/walkthrough';
import { compareComputeService } from './compareService';
import { walkthroughComputeService } from './service';

const FILES: Record<string, string> = {
  'en-zh-toy.json': readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'),
  'en-zh-decoder.json': readFileSync('public/checkpoints/en-zh-decoder.json', 'utf8'),
  'en-encoder-mlm.json': readFileSync('public/checkpoints/en-encoder-mlm.json', 'utf8'),
};
const noAdapter = { requestAdapter: async () => null } as unknown as GPU;

function setup() {
  const fetches: string[] = [];
  const model = createModelSlice({
    autoLoad: false,
    baseUrl: 'http://127.0.0.1:4173/',
    fetch: async (url) => {
      fetches.push(url);
      const text = FILES[url.split('/').pop()!];
      return { ok: !!text, status: text ? 200 : 404, text: async () => text ?? '' };
    },
  });
  const fast = { yieldToUi: () => Promise.resolve() };
  const store = createAppStore([gpuSlice, model, walkthroughSlice, compareSlice], {
    services: { walkthrough: walkthroughComputeService(fast), compare: compareComputeService(fast) },
  });
  return { store, fetches };
}

function until(store: ReturnType<typeof createAppStore>, pred: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (pred()) return resolve();
    const stop = store.subscribe(() => {
      if (!pred()) return;
      stop();
      resolve();
    });
  });
}

describe('the walkthrough per family', () => {
  it('fetches a family’s shipped model on first use and computes that family’s result', async () => {
    const { store, fetches } = setup();
    await Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(noAdapter)]);
    const wt = () => store.getState().walkthrough;
    wt().setText('the <mask> sat .', 'encoder');
    await until(store, () => wt().status === 'ready' && wt().result?.family === 'encoder');
    expect(fetches.filter((u) => u.endsWith('en-encoder-mlm.json'))).toHaveLength(1);
    expect(wt().result!.fill!.masks).toHaveLength(1);
    expect(wt().result!.modelId).toBe('shipped-encoder');

    wt().setText('the cat sat .', 'decoder');
    await until(store, () => wt().status === 'ready' && wt().result?.family === 'decoder');
    const r = wt().result!;
    expect(r.targetInput.slice(0, r.promptLength!)).toEqual(['<bos>', 'the', 'cat', 'sat', '.', '<sep>']);
    expect(r.translation.text).toBe('猫 坐 了 。');

    // A trained decoder-only model becomes the decoder family's model; the translator stays shipped.
    const cp = parseCheckpoint(FILES['en-zh-decoder.json']);
    store.getState().model.setActiveCheckpoint(cp, { label: 'mine', source: 'trained' });
    await until(store, () => wt().status === 'ready' && wt().result?.modelId === 'trained-1');
    wt().setText('the cat sat .', 'encoder-decoder');
    await until(store, () => wt().status === 'ready' && wt().result?.family === 'encoder-decoder');
    expect(wt().result!.modelId).toBe('shipped');
  });

  it('the compare service computes the three families side by side', async () => {
    const { store } = setup();
    await Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(noAdapter)]);
    store.getState().compare.setRequest({ 'encoder-decoder': 'the cat sat .', decoder: 'the cat sat .', encoder: 'the <mask> sat .' });
    const c = () => store.getState().compare.families;
    await until(store, () => (['encoder-decoder', 'decoder', 'encoder'] as const).every((f) => c()[f].status === 'ready'));
    expect(c()['encoder-decoder'].result!.translation.text).toBe('猫 坐 了 。');
    expect(c().decoder.result!.family).toBe('decoder');
    expect(c().encoder.result!.fill!.masks[0].position).toBe(1);
  });
});
