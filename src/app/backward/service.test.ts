// The backward service inside a store: waits for the model and the GPU question, recomputes when
// the pair changes, drops superseded runs, reports refused pairs without losing the shown step,
// checks gradients numerically, compares residual layouts, and applies steps to a working copy.
// The GPU here is absent (a fake adapter-less navigator.gpu): everything runs on the CPU engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import type { BackwardRequest, BackwardResult } from '../../store/backwardResult';
import backwardSlice from '../../store/slices/backward';
import gpuSlice from '../../store/slices/gpu';
import { createModelSlice } from '../../store/slices/model';
import { parseCheckpoint } from '../../model/checkpoint';
import { backwardComputeService } from './service';
import { backwardComputeService as lazyService } from './lazy';
import { agrees } from './agreement';

const text = readFileSync('public/checkpoints/en-zh-toy.json', 'utf8');
const noAdapter = { requestAdapter: async () => null } as unknown as GPU;
const RIGHT: BackwardRequest = { text: 'the cat sat .', target: '猫 坐 了 。', smoothing: 0.1, lr: 1e-3 };
const WRONG: BackwardRequest = { ...RIGHT, target: '狗 坐 了 。' };

function setup(opts: { lazy?: boolean } = {}) {
  const model = createModelSlice({ autoLoad: false, baseUrl: 'http://127.0.0.1/', fetch: async () => ({ ok: true, status: 200, text: async () => text }) });
  const start = (opts.lazy ? lazyService : backwardComputeService)({ yieldToUi: () => Promise.resolve() });
  const store = createAppStore([gpuSlice, model, backwardSlice], { services: { backward: start } });
  const bw = () => store.getState().backward;
  /** Resolves once the store satisfies pred (checked now and after every change). */
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve) => {
      if (pred()) return resolve();
      const stop = store.subscribe(() => {
        if (!pred()) return;
        stop();
        resolve();
      });
    });
  const settled = () => until(() => ['ready', 'idle', 'error'].includes(bw().status));
  const ready = async () => Promise.all([store.getState().model.loadShipped(), store.getState().gpu.init(noAdapter)]);
  return { store, bw, until, settled, ready };
}

describe('backward service in the store', () => {
  it('waits for the model and the GPU question, then records the step on the CPU; recomputes when the pair changes', async () => {
    const { store, bw, settled, ready } = setup({ lazy: true });
    bw().setRequest(RIGHT);
    await ready();
    await settled();
    expect(bw().status).toBe('ready');
    const right = bw().result!;
    expect(right.backend.kind).toBe('cpu');
    expect(right.request).toEqual(RIGHT);
    expect(right.labels.targetOutput).toEqual(['猫', '坐', '了', '。', '<eos>']);
    expect(right.modelId).toBe('shipped');

    bw().setRequest({ ...RIGHT }); // equal: nothing to do
    expect(bw().status).toBe('ready');

    bw().setRequest(WRONG);
    expect(bw().status).toBe('running');
    expect(bw().result).toBe(right); // the previous step stays on screen meanwhile
    await settled();
    expect(bw().result!.request.target).toBe(WRONG.target);
    expect(bw().result!.loss).toBeGreaterThan(right.loss + 1);

    bw().setRequest({ ...WRONG, smoothing: 0 }); // ε is part of the request
    await settled();
    expect(bw().result!.request.smoothing).toBe(0);
    bw().setRequest(RIGHT);
    expect(bw().status).toBe('ready'); // from the cache, synchronously
    expect(bw().result).toBe(right);
    void store;
  });

  it('drops a run that a newer request replaced', async () => {
    const { store, bw, settled, ready } = setup();
    await ready();
    const shown: BackwardResult[] = [];
    store.subscribe((s, prev) => {
      if (s.backward.result && s.backward.result !== prev.backward.result) shown.push(s.backward.result);
    });
    bw().setRequest(RIGHT);
    bw().setRequest(WRONG);
    await settled();
    expect(shown.map((r) => r.request.target)).toEqual([WRONG.target]);
  });

  it('names the problem of a refused pair and keeps the previous step', async () => {
    const { bw, settled, ready } = setup();
    await ready();
    bw().setRequest(RIGHT);
    await settled();
    const before = bw().result;
    bw().setRequest({ ...RIGHT, text: 'the zebra sat .' });
    await settled();
    expect(bw()).toMatchObject({ status: 'idle', problem: { kind: 'unknown', side: 'source', words: ['zebra'] } });
    expect(bw().result).toBe(before);
    bw().setRequest({ ...RIGHT, target: '' });
    await settled();
    expect(bw().problem).toEqual({ kind: 'empty', side: 'target' });
    bw().setRequest(RIGHT);
    expect(bw()).toMatchObject({ status: 'ready', problem: null });
  });

  it('reports a model that failed to load', async () => {
    const model = createModelSlice({ autoLoad: false, baseUrl: 'http://127.0.0.1/', fetch: async () => ({ ok: false, status: 404, text: async () => '' }) });
    const store = createAppStore([gpuSlice, model, backwardSlice], { services: { backward: backwardComputeService() } });
    await store.getState().model.loadShipped();
    store.getState().backward.setRequest(RIGHT);
    expect(store.getState().backward).toMatchObject({ status: 'error', problem: { kind: 'no-model' } });
  });

  it('checks a shown gradient against central differences and stores the agreement', async () => {
    const { bw, until, settled, ready } = setup();
    await ready();
    bw().setRequest(WRONG);
    await settled();
    bw().checkNumerically('grad:logits');
    expect(bw().checks['grad:logits'].status).toBe('running');
    await until(() => bw().checks['grad:logits'].status !== 'running');
    const check = bw().checks['grad:logits'];
    expect(check.status).toBe('done');
    expect(check.view!.engine).toBe('cpu');
    expect(check.view!.probes).toHaveLength(4);
    for (const p of check.view!.probes) {
      expect(p.target.kind).toBe('point');
      expect(agrees(p), JSON.stringify(p)).toBe(true);
    }

    bw().checkNumerically('param:out.bias');
    await until(() => bw().checks['param:out.bias']?.status === 'done');
    for (const p of bw().checks['param:out.bias'].view!.probes) expect(agrees(p), JSON.stringify(p)).toBe(true);
    expect(bw().checks['grad:logits'].status).toBe('done'); // checks are kept by name

    bw().checkNumerically('grad:nowhere');
    expect(bw().checks['grad:nowhere']).toMatchObject({ status: 'failed' });

    bw().setRequest(RIGHT); // another result: its checks start afresh
    await settled();
    expect(bw().checks).toEqual({});
  });

  it('compares post-norm, pre-norm and no residual on the shown pair', async () => {
    const { bw, until, settled, ready } = setup();
    await ready();
    bw().setRequest(RIGHT);
    await settled();
    bw().requestFlowComparison(2);
    expect(bw().flow.status).toBe('running');
    await until(() => bw().flow.status !== 'running');
    const { view } = bw().flow;
    expect(view?.layers).toBe(2);
    expect(view?.runs.map((r) => r.architecture)).toEqual(['post', 'pre', 'none']);
    for (const run of view!.runs) expect(run.norms.every((n) => Number.isFinite(n) && n >= 0)).toBe(true);
  });

  it('applies the shown update to a working copy, which lowers the loss of a wrong pair; reset restores it', async () => {
    const { store, bw, settled, ready } = setup();
    await ready();
    bw().setRequest(WRONG);
    await settled();
    const first = bw().result!;
    expect(first.after.loss).toBeLessThan(first.loss);

    bw().applyStep();
    expect(bw().appliedSteps).toBe(1);
    await settled();
    const second = bw().result!;
    expect(second.modelId).toBe('shipped+step1');
    // The working copy starts where the shown update ended.
    expect(second.loss).toBeCloseTo(first.after.loss, 3);
    expect(store.getState().model.active?.id).toBe('shipped'); // the loaded model is untouched

    bw().applyStep();
    await settled();
    expect(bw().appliedSteps).toBe(2);
    expect(bw().result!.loss).toBeLessThan(second.loss);

    bw().resetSteps();
    expect(bw().appliedSteps).toBe(0);
    await settled();
    expect(bw().result!.modelId).toBe('shipped');
    expect(bw().result!.loss).toBeCloseTo(first.loss, 5);

    // Another active model drops the applied steps.
    bw().applyStep();
    await settled();
    store.getState().model.setActiveCheckpoint(parseCheckpoint(text), { label: 'mine', source: 'trained' });
    expect(bw().appliedSteps).toBe(0);
    await settled();
    expect(bw().result!.modelId).toBe('trained-1');
  });
});
