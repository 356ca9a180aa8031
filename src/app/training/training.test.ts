// The training slice with the app's training service and an in-memory library on the CPU engine (Node has neither WebGPU nor
// workers): config changes ask before discarding a model, models save/load/export/import, a
// refused file changes nothing, the walkthrough receives the trained model, and a new store on
// the same library restores the session.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../store';
import { applyLanguage, initI18n } from '../../i18n';
import { parseCheckpoint } from '../../model/checkpoint';
import { SMALL_TRAINING_PATCH } from '../../train/testing';
import { createMemoryLibrary } from '../persistence/memoryLibrary';
import type { ModelLibrary } from '../persistence/modelLibrary';
import gpuSlice from '../../store/slices/gpu';
import { createModelSlice } from '../../store/slices/model';
import { createTrainingSlice } from '../../store/slices/training';
import { trainingService } from '.';

const shippedText = readFileSync('public/checkpoints/en-zh-toy.json', 'utf8');

function makeStore(lib: ModelLibrary) {
  const model = createModelSlice({ autoLoad: false, fetch: async () => ({ ok: true, status: 200, text: async () => shippedText }), baseUrl: 'http://test/' });
  return createAppStore([gpuSlice, model, createTrainingSlice({ autoInit: false })], {
    services: { training: trainingService({ openLibrary: async () => lib }) },
  });
}

async function weightsOf(store: ReturnType<typeof makeStore>): Promise<string> {
  const exported = await store.getState().training.exportModel();
  return exported ? JSON.stringify(parseCheckpoint(exported.text).weights.get('out.bias')) : 'none';
}

describe('training slice', () => {
  it('trains, asks before discarding, saves, loads, exports, imports and refuses a bad file', async () => {
    const lib = createMemoryLibrary();
    const store = makeStore(lib);
    const t = () => store.getState().training;
    await t().init();
    expect(await t().setConfig({ batchSize: 0 })).toMatchObject({ kind: 'invalid' });
    expect(await t().setConfig(SMALL_TRAINING_PATCH)).toEqual({ kind: 'applied', discarded: false });

    await t().step(4);
    expect(t()).toMatchObject({ status: 'paused', engineKind: 'cpu', steps: 4 });
    expect(t().live.loss.length).toBe(4);

    // An optimizer change keeps the model; a model change asks first.
    expect(await t().setConfig({ optimizer: { lr: 1e-3 } })).toEqual({ kind: 'applied', discarded: false });
    expect(await t().setConfig({ model: { dFF: 48 } })).toEqual({ kind: 'needs-confirmation' });
    expect(t().config.model.dFF).toBe(32);
    expect(t().steps).toBe(4);

    // Without a name, the model is named for its dataset and steps, in the interface language.
    initI18n('zh');
    expect(await t().saveModel('  ')).toMatchObject({ name: '玩具语法 · 4 步', steps: 4 });
    applyLanguage('en');
    for (const m of t().library.models) await t().deleteModel(m.id);

    const saved = await t().saveModel('four steps');
    expect(saved).toMatchObject({ name: 'four steps', steps: 4, dataset: 'toy' });
    expect(t().library.models.map((m) => m.name)).toEqual(['four steps']);
    const before = await weightsOf(store);

    // A broken file: refused with its code, nothing else changes.
    expect(await t().importModel('{"format": "attention-lab/checkpoint@1", "config": {', 'broken.json')).toBe(false);
    expect(t().notice).toMatchObject({ kind: 'import-refused', code: 'not-json' });
    expect(t().origin).toMatchObject({ kind: 'saved', name: 'four steps' });
    expect(t().live.step).toBe(4);
    expect(await weightsOf(store)).toBe(before);
    expect(t().library.models.length).toBe(1);

    // Discard, then load the saved model back.
    expect(await t().setConfig({ model: { dFF: 48 } }, { confirm: true })).toEqual({ kind: 'applied', discarded: true });
    expect(t().status).toBe('empty');
    expect(await t().loadModel(saved!.id)).toBe(true);
    expect(t().config.model.dFF).toBe(32);
    expect(t().steps).toBe(4);
    expect(await weightsOf(store)).toBe(before);

    // Export → import gives the same weights, listed as a new model.
    const exported = await t().exportModel();
    expect(exported!.fileName).toMatch(/\.json$/);
    expect(await t().importModel(exported!.text, 'copy.json')).toBe(true);
    expect(t().origin).toEqual({ kind: 'imported', name: 'copy' });
    expect(await weightsOf(store)).toBe(before);
    expect(t().library.models.length).toBe(2);

    await t().deleteModel(saved!.id);
    expect(t().library.models.map((m) => m.name)).toEqual(['copy']);
  });

  it('asks before an import replaces the model, and only once the file is valid', async () => {
    const store = makeStore(createMemoryLibrary());
    const t = () => store.getState().training;
    await t().setConfig(SMALL_TRAINING_PATCH);
    await t().step(2);
    const exported = await t().exportModel();
    await t().step(1);
    const before = await weightsOf(store);
    const asked: string[] = [];

    expect(await t().importModel('not json', 'bad.json', async () => (asked.push('bad'), true))).toBe(false);
    expect(asked).toEqual([]); // a refused file asks nothing

    expect(await t().importModel(exported!.text, 'two.json', async () => (asked.push('declined'), false))).toBe(false);
    expect(asked).toEqual(['declined']);
    expect(t()).toMatchObject({ steps: 3, origin: { kind: 'new' } });
    expect(await weightsOf(store)).toBe(before);
    expect(t().library.models).toEqual([]);

    expect(await t().importModel(exported!.text, 'two.json', async () => true)).toBe(true);
    expect(t()).toMatchObject({ steps: 2, origin: { kind: 'imported', name: 'two' } });
  });

  it('opens the trained model in the walkthrough (model slice)', async () => {
    const store = makeStore(createMemoryLibrary());
    const t = () => store.getState().training;
    expect(await t().openInWalkthrough()).toBe(false); // nothing trained yet
    expect(t().notice).toEqual({ kind: 'walkthrough-unavailable' });
    await t().setConfig(SMALL_TRAINING_PATCH);
    await t().step(2);
    expect(await t().openInWalkthrough()).toBe(true);
    const active = store.getState().model.active!;
    expect(active.source).toBe('trained');
    expect(active.checkpoint.config.dModel).toBe(16);
    expect(active.checkpoint.meta.steps).toBe(2);
  });

  it('a reload (new store, same library) restores the model and its history', async () => {
    const lib = createMemoryLibrary();
    const first = makeStore(lib);
    await first.getState().training.setConfig(SMALL_TRAINING_PATCH);
    await first.getState().training.step(3);
    await first.getState().training.pause();
    // The session save is debounced and asynchronous: wait for it, however busy the machine.
    await vi.waitFor(async () => expect((await lib.readSession())?.start).toMatchObject({ kind: 'state', state: { step: 3 } }), { timeout: 30_000, interval: 50 });
    const weights = await weightsOf(first);

    const second = makeStore(lib);
    // Every state an observer can see: 'paused' never comes without the restored session's flag
    // and config (a test or a render reading between the two would see a half-restored run).
    const seen: { status: string; restored: boolean; dModel: number }[] = [];
    second.subscribe((s) => seen.push({ status: s.training.status, restored: s.training.restored, dModel: s.training.config.model.dModel }));
    await second.getState().training.init();
    const t = second.getState().training;
    expect(t).toMatchObject({ restored: true, status: 'paused', steps: 3 });
    const paused = seen.filter((s) => s.status === 'paused');
    expect(paused.length).toBeGreaterThan(0);
    expect(paused.every((s) => s.restored && s.dModel === 16)).toBe(true);
    expect(t.live.loss.length).toBe(3);
    expect(t.config.model.dModel).toBe(16);
    expect(await weightsOf(second)).toBe(weights);
  });

  it('starts from the pretrained model when the config matches it, and says why not otherwise', async () => {
    const store = makeStore(createMemoryLibrary());
    const t = () => store.getState().training;
    await t().setConfig({ fromPretrained: true, cadence: { validationSize: 8, evalEvery: 1000 } });
    await t().step(1);
    expect(t().origin).toEqual({ kind: 'pretrained' });
    expect(t().live.loss.values[0]).toBeLessThan(1.2); // a trained model's loss, not ln V ≈ 4.2

    const other = makeStore(createMemoryLibrary());
    await other.getState().training.setConfig({ ...SMALL_TRAINING_PATCH, fromPretrained: true });
    await other.getState().training.start();
    expect(other.getState().training).toMatchObject({ status: 'failed', notice: { kind: 'error', error: { code: 'pretrained-mismatch' } } });
  });

  it('explains a full storage quota and keeps the model', async () => {
    const lib = createMemoryLibrary();
    lib.put = async () => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    };
    const store = makeStore(lib);
    const t = () => store.getState().training;
    await t().setConfig(SMALL_TRAINING_PATCH);
    await t().step(2);
    expect(await t().saveModel('too big')).toBeNull();
    expect(t().notice).toMatchObject({ kind: 'storage', code: 'quota' });
    expect(t().library.models).toEqual([]);
    expect(t()).toMatchObject({ status: 'paused', steps: 2 });
  });
});
