// Training in the tab, through the window test API, for what the Train view's own spec
// (train-view.spec.ts: training, pausing, Open in walkthrough, the divergence guard, a lost
// device, experiments, through the controls) does not reach: a saved model survives a reload
// with its session and history, an import of the wrong shape is refused with the weights
// untouched, real sentences train, and two tabs share one library — on WebGPU, and in a CPU
// worker without it.
import { expect, test } from './fixtures/test';
import { SMALL_PATCH, TrainingApi } from './fixtures/training';

test.describe.configure({ timeout: 180_000 });

async function openTrain(app: { goto(hash: string): Promise<void> }, training: TrainingApi): Promise<void> {
  await app.goto('#/train');
  await training.ready();
  await training.waitFor({ status: ['empty', 'paused'] }); // the library has opened
  // These tests exercise the WebGPU trainer where there is a GPU (no effect without one);
  // engine-choice.spec.ts covers the measured choice.
  await training.preferEngine('webgpu');
  // Each test gets a fresh browser context, so nothing was saved before.
  await training.configure(SMALL_PATCH, true);
}

test('a saved model survives a reload, with the session and its history', async ({ app, page }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  await training.step(5);
  const saved = await training.save('e2e model');
  expect(saved).toMatchObject({ name: 'e2e model', steps: 5, dataset: 'toy' });

  await page.reload();
  await app.waitForGpu();
  await training.ready();
  const restored = await training.waitFor({ status: ['paused'] });
  expect(restored).toMatchObject({ restored: true, step: 5, losses: 5, library: { kind: 'indexeddb', count: 1 } });
  const [model] = await training.list();
  expect(model).toMatchObject({ name: 'e2e model', steps: 5 });
  expect(await training.load(model.id)).toBe(true);
  expect((await training.state()).origin).toMatchObject({ kind: 'saved', name: 'e2e model' });
});

test('a broken import is refused and the current model stays', async ({ app, page }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  await training.step(3);
  const before = await training.inspectWeights();

  expect(await training.importText('{"format": "attention-lab/checkpoint@1", "config": {', 'cut.json')).toBe(false);
  expect((await training.state()).notice).toMatchObject({ kind: 'import-refused', code: 'not-json' });

  const good = (await training.exportText())!;
  const wrongShape = good.replace(/"out\.bias": \{"shape":\[(\d+)\]/, (_, v) => `"out.bias": {"shape":[${Number(v) + 1}]`);
  expect(wrongShape).not.toBe(good);
  expect(await training.importText(wrongShape, 'shape.json')).toBe(false);
  expect((await training.state()).notice).toMatchObject({ kind: 'import-refused', code: 'shape' });

  const after = await training.inspectWeights();
  expect(after.fingerprint).toBe(before.fingerprint);
  expect(after.step).toBe(3);
  expect((await training.state()).library.count).toBe(0);
});

test('real sentences (Tatoeba) load and train in this engine', async ({ app, page, gpuMode }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  expect(await training.configure({ dataset: 'tatoeba' })).toMatchObject({ kind: 'applied' });
  await training.step(2);
  const s = await training.state();
  expect(s).toMatchObject({ status: 'paused', step: 2, engine: gpuMode === 'webgpu' ? 'webgpu' : 'cpu-worker' });
  expect(s.losses).toBe(2);
});

test('two tabs save models side by side; each sees the other’s', async ({ app, page, context }) => {
  const first = new TrainingApi(page);
  await openTrain(app, first);
  const other = await context.newPage();
  await other.goto('/?test=1#/train');
  const second = new TrainingApi(other);
  await second.ready();
  await second.waitFor({ status: ['empty', 'paused'] });
  await second.configure(SMALL_PATCH, true);
  await Promise.all([first.step(2), second.step(3)]);
  const [a, b] = await Promise.all([first.save('tab one'), second.save('tab two')]);
  expect(a).toMatchObject({ name: 'tab one', steps: 2 });
  expect(b).toMatchObject({ name: 'tab two', steps: 3 });
  await expect.poll(async () => (await first.list()).map((m) => m.name).sort()).toEqual(['tab one', 'tab two']);
  await expect.poll(async () => (await second.list()).map((m) => m.name).sort()).toEqual(['tab one', 'tab two']);
  expect(await first.load(b!.id)).toBe(true);
  expect((await first.state()).step).toBe(3);
  await other.close();
});
