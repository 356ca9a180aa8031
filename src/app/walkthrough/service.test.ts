// The runtime inside a store: waits for the model and the GPU question, computes, caches, and
// follows model switches. The GPU here is absent (a fake adapter-less navigator.gpu).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import gpuSlice from '../../store/slices/gpu';
import { createModelSlice } from '../../store/slices/model';
import walkthroughSlice from '../../store/slices/walkthrough';
import { gpuRequired } from '../../engine/webgpu/testing/harness';
import { walkthroughComputeService } from './service';
import { parseCheckpoint } from '../../model/checkpoint';

const text = readFileSync('public/checkpoints/en-zh-toy.json', 'utf8');

/** Resolves once the store satisfies pred (checked now and after every change). */
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
const noAdapter = { requestAdapter: async () => null } as unknown as GPU;

function setup() {
  const fetches: string[] = [];
  const model = createModelSlice({
    autoLoad: false,
    baseUrl: 'http://127.0.0.1:4173/sub/path/index.html',
    fetch: async (url) => {
      fetches.push(url);
      return { ok: true, status: 200, text: async () => text };
    },
  });
  const store = createAppStore([gpuSlice, model, walkthroughSlice], {
    services: { walkthrough: walkthroughComputeService({ yieldToUi: () => Promise.resolve() }) },
  });
  const settled = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        const s = store.getState().walkthrough.status;
        if (s === 'ready' || s === 'error' || s === 'idle') {
          stop();
          resolve();
        }
      };
      const stop = store.subscribe(check);
      check();
    });
  return { store, fetches, settled, wt: () => store.getState().walkthrough };
}

describe('walkthrough runtime in the store', () => {
  it('waits for the model and the GPU, then computes on the CPU fallback', async () => {
    const { store, fetches, settled, wt } = setup();
    wt().setText('the cat sat .');
    expect(wt().status).toBe('waiting');
    await store.getState().model.loadShipped();
    expect(fetches).toEqual(['http://127.0.0.1:4173/sub/path/checkpoints/en-zh-toy.json']);
    expect(store.getState().model.active?.source).toBe('shipped');
    expect(wt().status).toBe('waiting'); // the GPU question is still open
    await store.getState().gpu.init(noAdapter);
    await settled();
    expect(wt().status).toBe('ready');
    expect(wt().result?.translation.text).toBe('猫 坐 了 。');
    expect(wt().result?.backend.kind).toBe('cpu');
  });

  it('serves a repeated sentence from the cache and reports empty input', async () => {
    const { store, settled, wt } = setup();
    await Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(noAdapter)]);
    wt().setText('the cat sat .');
    await settled();
    const first = wt().result;
    wt().setText('i ate the apple yesterday .');
    await settled();
    expect(wt().result?.translation.text).toBe('我 昨天 吃 了 苹果 。');
    wt().setText('the cat sat .');
    expect(wt().status).toBe('ready'); // synchronously, from the cache
    expect(wt().result).toBe(first);
    wt().setText('  ');
    expect(wt()).toMatchObject({ status: 'idle', problem: { kind: 'empty' } });
  });

  it('computes a sampled translation on request, waits for the model, caches it, and clears it', async () => {
    const { store, wt } = setup();
    const request = { text: 'the cat sat .', temperature: 0, topK: 0, topP: 1, seed: 3 };
    wt().sample(request);
    expect(wt().sampled.status).toBe('idle'); // no model yet
    await Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(noAdapter)]);
    await until(store, () => wt().sampled.status === 'ready');
    const first = wt().sampled.view;
    expect(first?.text).toBe('猫 坐 了 。'); // temperature 0: the greedy translation
    expect(first?.backend.kind).toBe('cpu');
    expect(wt().sampled.request).toEqual(request);
    wt().sample({ ...request, temperature: 1.5, topK: 3 });
    expect(wt().sampled.status).toBe('running');
    await until(store, () => wt().sampled.status === 'ready');
    expect(wt().sampled.view?.request.topK).toBe(3);
    wt().sample({ ...request });
    expect(wt().sampled.view).toBe(first); // synchronously, from the cache
    wt().sample(null);
    expect(wt().sampled).toMatchObject({ status: 'idle', view: null, request: null });
  });

  it('recomputes when another model becomes active, and can go back to the shipped one', async () => {
    const { store, settled, wt } = setup();
    await Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(noAdapter)]);
    wt().setText('the cat sat .');
    await settled();
    expect(wt().result?.modelId).toBe('shipped');
    store.getState().model.setActiveCheckpoint(parseCheckpoint(text), { label: 'my run', source: 'trained' });
    expect(wt().status).toBe('running');
    await settled();
    expect(wt().result?.modelId).toBe('trained-1');
    await store.getState().model.restoreShipped();
    expect(wt().result?.modelId).toBe('shipped'); // cached
  });

  it('reports a refused checkpoint as a typed error and keeps no model', async () => {
    const model = createModelSlice({
      autoLoad: false,
      baseUrl: 'http://127.0.0.1/',
      fetch: async () => ({ ok: true, status: 200, text: async () => '{"format": "something-else"' }),
    });
    const store = createAppStore([gpuSlice, model, walkthroughSlice], { services: { walkthrough: walkthroughComputeService() } });
    await store.getState().model.loadShipped();
    expect(store.getState().model).toMatchObject({ status: 'error', active: null, error: { kind: 'checkpoint', code: 'not-json' } });
    store.getState().walkthrough.setText('the cat sat .');
    expect(store.getState().walkthrough).toMatchObject({ status: 'error', problem: { kind: 'no-model' } });
  });

  it('reports an HTTP failure with the URL and status', async () => {
    const model = createModelSlice({
      autoLoad: false,
      baseUrl: 'http://127.0.0.1/',
      fetch: async () => ({ ok: false, status: 404, text: async () => '' }),
    });
    const store = createAppStore([model]);
    await store.getState().model.loadShipped();
    expect(store.getState().model.error).toEqual({ kind: 'http', url: 'http://127.0.0.1/checkpoints/en-zh-toy.json', status: 404 });
  });
});

describe('walkthrough runtime on a WebGPU device (Dawn)', async () => {
  const { existsSync } = await import('node:fs');
  if (!process.env.VK_ICD_FILENAMES && existsSync('/usr/lib/chromium/vk_swiftshader_icd.json')) {
    process.env.VK_ICD_FILENAMES = '/usr/lib/chromium/vk_swiftshader_icd.json';
  }
  const webgpu = await import('webgpu');
  Object.assign(globalThis, webgpu.globals);
  const api = webgpu.create([]);
  const adapter = await api.requestAdapter();
  if (!adapter && gpuRequired()) throw new Error('walkthrough service on WebGPU: no adapter, but one is required here');

  if (!adapter) console.warn('!! walkthrough service GPU test SKIPPED: no WebGPU adapter in Node (VK_ICD_FILENAMES / libvulkan1)');
  it.skipIf(!adapter)(`shows the CPU result while the GPU compiles, then the GPU result; falls back when the device is lost${adapter ? '' : ' [SKIPPED: no WebGPU adapter in Node]'}`, async () => {
    const { store, wt } = setup();
    await Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(api)]);
    expect(store.getState().gpu.state.kind).toBe('ready');
    const seen: string[] = [];
    const stop = store.subscribe((s) => {
      const r = s.walkthrough.result;
      if (r) seen.push(`${s.walkthrough.status}:${r.backend.kind}`);
    });
    wt().setText('the cat sat .');
    await until(store, () => wt().status === 'ready');
    stop();
    expect(seen[0]).toBe('running:cpu'); // the preview
    expect(seen.at(-1)).toBe('ready:webgpu');
    expect(wt().result?.comparison.sameBackend).toBe(false);

    // A second sentence on the warm GPU goes straight to the GPU.
    wt().setText('i ate the apple yesterday .');
    expect(wt().result?.text).toBe('the cat sat .'); // the previous result, shown as stale
    await until(store, () => wt().status === 'ready');
    expect(wt().result?.backend.kind).toBe('webgpu');

    // Losing the device recomputes on the CPU.
    const state = store.getState().gpu.state;
    if (state.kind === 'ready') state.ctx.device.destroy();
    await until(store, () => wt().status === 'ready' && wt().result?.backend.kind === 'cpu');
    expect(wt().result?.translation.text).toBe('我 昨天 吃 了 苹果 。');
  });
});
