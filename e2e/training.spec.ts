// Training in the tab, through the window test API (the Train view's controls come next):
// a small model learns and pauses, its model opens in the walkthrough, survives a reload in
// IndexedDB, a broken import is refused, lr = 1e3 trips the divergence guard, a destroyed GPU
// device is recovered from, an experiment runs — on WebGPU, and in a CPU worker without it.
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

test('a small model trains: the step counter advances, the loss falls, pause holds', async ({ app, page, gpuMode }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  await training.start();
  const running = await training.waitFor({ step: 50 }, 150_000);
  expect(running.engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu-worker');
  await training.pause();
  const paused = await training.state();
  expect(paused.status).toBe('paused');
  await page.waitForTimeout(700);
  expect((await training.state()).step).toBe(paused.step);

  const first = (await training.loss(1))!;
  const late: number[] = [];
  for (let s = 46; s <= 50; s++) {
    const l = await training.loss(s);
    if (l !== null) late.push(l);
  }
  expect(late.length).toBeGreaterThan(0);
  expect(late.reduce((a, b) => a + b, 0) / late.length).toBeLessThan(first);
  expect(paused.evals).toBeGreaterThan(0);
  expect(paused.attentionSnapshots).toBeGreaterThan(1);

  await training.step(2);
  expect((await training.state()).step).toBe(paused.step + 2);
});

test('the trained model opens in the walkthrough', async ({ app, page }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  await training.step(3);
  expect(await training.openInWalkthrough()).toBe(true);
  await page.evaluate(() => (window.location.hash = '#/walkthrough/overview'));
  const shown = await page.evaluate(async () => {
    const w = window.__attentionLab as unknown as { waitForWalkthrough?: () => Promise<{ modelId: string | null }> };
    for (let i = 0; i < 200 && !w.waitForWalkthrough; i++) await new Promise((r) => setTimeout(r, 50));
    return w.waitForWalkthrough ? (await w.waitForWalkthrough()).modelId : 'no walkthrough helper';
  });
  expect(shown).toMatch(/^trained-/);
});

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

test('lr = 1e3 trips the divergence guard, which restores finite weights', async ({ app, page }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  await training.configure({ optimizer: { lr: 1e3 }, schedule: { kind: 'constant', warmup: 0 }, cadence: { snapshotEvery: 1 } });
  await training.start();
  const stopped = await training.waitFor({ noticeKind: 'divergence', status: ['diverged'] }, 120_000);
  const info = (stopped.notice as { info: { step: number; restoredStep: number; restoredFinite: boolean } }).info;
  expect(info.restoredStep).toBeLessThan(info.step);
  expect(info.restoredFinite).toBe(true);
  const weights = await training.inspectWeights();
  expect(weights).toMatchObject({ finite: true, equalsLastGood: true, step: info.restoredStep });
});

test('a destroyed GPU device: training recovers and continues', async ({ app, page, gpuMode }) => {
  test.skip(gpuMode !== 'webgpu', 'needs a GPU device to lose');
  const training = new TrainingApi(page);
  await openTrain(app, training);
  await training.start();
  await training.waitFor({ step: 10 }, 120_000);
  expect(await training.destroyDevice()).toBe(true);
  const recovered = await training.waitFor({ noticeKind: 'device-recovered', status: ['running'] }, 120_000);
  const notice = recovered.notice as { engine: string; step: number; resumed: boolean };
  expect(notice.resumed).toBe(true);
  expect(['webgpu', 'cpu-worker']).toContain(notice.engine);
  await training.waitFor({ step: notice.step + 5 }, 120_000);
  await training.pause();
  expect((await training.inspectWeights()).finite).toBe(true);
});

test('an experiment preset runs both sides and reports numbers', async ({ app, page }) => {
  const training = new TrainingApi(page);
  await openTrain(app, training);
  const result = await training.runExperiment('gelu', 4);
  expect(result).not.toBeNull();
  expect(result!.rows.map((r) => r.metric)).toEqual(['trainLoss', 'validLoss', 'exactMatch']);
  for (const row of result!.rows) {
    expect(typeof row.baseline).toBe('number');
    expect(typeof row.variant).toBe('number');
  }
  expect(result!.variantConfig!.model.activation).toBe('gelu');
  expect((await training.state()).experiment).toMatchObject({ id: 'gelu', status: 'done' });
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
