// The Train view through its controls: a small model set up in the form trains (counter and
// loss chart advance, the loss falls, pause holds, one step, the replay slider), opens in the
// walkthrough, runs an experiment preset, survives a reload in the library, refuses a broken
// file and asks before a valid one replaces the model, trips the divergence guard, recovers from a lost GPU device; on WebGPU and, in the
// cpu-fallback project, in a CPU worker. Test hooks only where noted.
import { readFileSync } from 'node:fs';
import { en } from '../src/i18n/en';
import { expect, onlyIn, test } from './fixtures/test';
import { TrainPage } from './fixtures/TrainPage';
import { TrainingApi } from './fixtures/training';

test.describe.configure({ timeout: 180_000 });

const words = en.train;

test('a small model set up in the form trains: counter and loss chart advance, the loss falls, pause holds', async ({ app, page, gpuMode }) => {
  const train = new TrainPage(app);
  await train.open();
  await expect(train.status).toHaveAttribute('data-status', 'empty');
  await expect(train.status).toContainText(words.status.empty);
  await train.configureSmall();
  await expect(train.field('dModel')).toHaveValue('16');

  await train.toggle.click();
  await expect(train.toggle).toHaveText(words.controls.pause);
  await expect(train.status).toContainText(words.status.running);
  const engine = gpuMode === 'webgpu' ? 'webgpu' : 'cpu-worker';
  await expect(train.engine).toHaveAttribute('data-engine', engine);
  await expect(train.engine).toContainText(words.engine[engine]);
  // The CPU worker trains data parallel: one worker per core the browser reports, as many as
  // the batch of 16 splits into (8 rows each), so 2 on any machine with 2 cores or more.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = gpuMode === 'webgpu' ? 1 : Math.max(1, Math.min(cores, 2));
  await expect(train.engine).toHaveAttribute('data-workers', String(workers));
  if (workers > 1) await expect(train.engine).toContainText(words.controls.workers.replace('{{n}}', String(workers)));
  // 20 steps: the warm-up (10) is over and the loss has clearly fallen; two attention snapshots
  // (every 10 steps) for the replay below.
  await train.waitForSteps(20);

  await train.toggle.click(); // Pause
  await expect(train.status).toContainText(words.status.paused);
  await expect(train.toggle).toHaveText(words.controls.resume);
  const held = await train.stepCount();
  await page.waitForTimeout(800);
  expect(await train.stepCount()).toBe(held);
  await expect(train.page.getByTestId('train-steps-per-sec')).not.toHaveText('0.0');

  // The loss chart has the run's points; read them from its table.
  await expect.poll(async () => Number(await train.lossChart.getAttribute('data-points'))).toBeGreaterThanOrEqual(20);
  const rows = (await train.lossTable()).filter((r) => r.series === words.charts.trainLoss);
  expect(rows[0].step).toBe(1);
  const late = rows.slice(-5).map((r) => r.value);
  expect(late.reduce((a, b) => a + b, 0) / late.length).toBeLessThan(rows[0].value);

  // One step, then pause again.
  await train.stepTo(held + 1);
  await expect(train.status).toContainText(words.status.paused);

  // The replay slider scrubs back through the attention snapshots with the arrow keys.
  const newest = Number(await train.replaySlider.getAttribute('data-step'));
  expect(newest).toBeGreaterThanOrEqual(10);
  await train.replaySlider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Number(await train.replaySlider.getAttribute('data-step'))).toBeLessThan(newest);
  await expect(train.replayPosition).toContainText(words.probe.showing.split('{{')[0]);
  await page.keyboard.press('Home');
  await expect(train.replaySlider).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('probe-cross')).toContainText(words.probe.crossTitle.replace('{{layer}}', '1').replace('{{head}}', '1').replace('{{step}}', '0'));
});

test('“Open in walkthrough” shows the trained model there, with the probe sentence', async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open();
  await train.configureSmall();
  await expect(train.openWalkthrough).toBeDisabled();
  await train.stepTo(1);
  await train.probeInput().fill('the cat sat .');
  await train.probeInput().press('Enter');
  await train.openWalkthrough.click();
  await expect(page).toHaveURL(/#\/walkthrough\/overview\?text=the\+cat\+sat\+\.$/);
  const bar = page.getByTestId('model-bar');
  await expect(bar).toContainText(en.walkthrough.model.trained);
  await expect(page.getByTestId('model-name')).toContainText('D=16, H=2, 1+1 layers, F=32');
});

test('an experiment preset runs from its button and shows its numbers', async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open();
  await train.experimentPreset('gelu').getByRole('button', { name: 'ReLU vs GELU', exact: true }).click();
  await expect(page).toHaveURL(/experiment=gelu/);
  await expect(train.experimentDetail).toContainText('GELU weights its input by the probability');
  await train.experimentDetail.getByTestId('experiment-steps').fill('4');
  await train.experimentDetail.getByTestId('experiment-run').click();
  await expect(train.experimentStatus).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  const rows = train.experimentResults.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const metric of ['trainLoss', 'validLoss', 'exactMatch'] as const) {
    const row = train.experimentResults.locator(`tr[data-metric="${metric}"]`);
    await expect(row.locator('th')).toHaveText(words.metric[metric]);
    await expect(row.locator('td').nth(0)).toHaveText(/^\d+(\.\d+)?%?$/);
    await expect(row.locator('td').nth(1)).toHaveText(/^\d+(\.\d+)?%?$/);
    // A number on both sides (the attributes are empty when a side has no value).
    await expect(row).toHaveAttribute('data-baseline', /^-?\d/);
    await expect(row).toHaveAttribute('data-variant', /^-?\d/);
  }
  await expect(train.experimentResults.locator('caption')).toContainText('Result after 4 steps');
  await expect(page.getByTestId('experiment-loss-chart')).toBeVisible();
});

test('a study card’s link opens its experiment with the way back; a study highlight is marked', onlyIn('webgpu', 'does not depend on the engine: the webgpu project runs it'), async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open('#/train?experiment=decode-steps&from=study&card=f35-decode-steps');
  await expect(train.experimentDetail).toHaveAttribute('data-experiment', 'decode-steps');
  await expect(page.getByTestId('back-to-card')).toHaveAttribute('href', '#/study?card=f35-decode-steps');
  await expect(page.getByTestId('experiment-open-decoding')).toHaveAttribute('href', /^#\/walkthrough\/decoding\?text=the\+big\+dog/);

  await train.open('#/train?highlight=lr-schedule&from=study&card=f39-schedule');
  await expect(page.getByTestId('highlight-lr-schedule')).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('highlight-lr-schedule')).toContainText(words.view.fromCard);
  await expect(page.getByTestId('highlight-loss-curve')).toBeVisible();
  await expect(page.getByTestId('highlight-loss-curve')).not.toHaveAttribute('data-highlighted');
});

test('a model saved to the library survives a reload and loads back', async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open();
  await train.configureSmall();
  await train.stepTo(1);
  await train.stepTo(2);
  await train.libraryName.fill('e2e model');
  await train.librarySave.click();
  await expect(train.notice).toContainText('Saved “e2e model”.');
  await expect(train.libraryRows).toHaveCount(1);

  await page.reload();
  await app.waitForGpu();
  await expect(train.libraryRows).toHaveCount(1);
  const row = train.libraryRows.first();
  await expect(row.locator('th')).toContainText('e2e model');
  await expect(row).toContainText(words.library.datasetToy);
  await expect(row.locator('td').nth(2)).toHaveText('2');
  await expect(train.status).toContainText(words.status.paused); // the session came back too
  await row.getByRole('button', { name: 'Load “e2e model”' }).click();
  await expect(train.dialog).toBeVisible();
  await train.dialog.getByTestId('confirm-action').click();
  await expect(train.origin).toContainText('saved model “e2e model”');
  await train.waitForStepCount(2);
});

// Three dialogs and notices around a model being trained, as steps on one page (each step starts
// from a small model trained one step, as the separate tests did).
test('a broken import is refused and the model stays; changing the model asks first (keyboard); a valid import asks before it replaces the model', onlyIn('webgpu', 'does not depend on the engine: the webgpu project runs it'), async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open();
  await train.configureSmall();
  await train.stepTo(1);

  await test.step('a broken import file is refused with the reason, and the current model stays', async () => {
    const origin = await train.origin.textContent();

    await train.libraryFile.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "attention-lab/checkpoint@1", "config": {') });
    await expect(train.notice).toHaveAttribute('data-kind', 'import-refused');
    await expect(train.notice).toHaveAttribute('role', 'alert');
    await expect(train.notice).toContainText(words.notice.importRefused);
    await expect(train.notice).toContainText(en.data.checkpoint['not-json']);
    await expect(train.notice).toContainText(en.data.checkpoint.keptCurrent);
    await expect(train.notice).toBeFocused();
    expect(await train.stepCount()).toBe(1);
    await expect(train.origin).toHaveText(origin!);
    await expect(train.libraryRows).toHaveCount(0);

    await train.notice.getByRole('button', { name: words.actions.dismiss }).click();
    await expect(train.notice).toHaveCount(0);
    await expect(train.toggle).toBeFocused();
  });

  await test.step('changing the model asks first; the dialog works from the keyboard', async () => {
    // (The form's own validation is a component test: src/ui/train/SetupPanel.test.tsx.)
    await train.field('nHeads').fill('4');
    await train.field('nHeads').press('Enter'); // submits the form
    await expect(train.dialog).toBeVisible();
    await expect(train.dialog.getByRole('heading')).toHaveText(words.confirm.discardTitle);
    await expect(train.dialog.getByRole('button', { name: words.confirm.cancel })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(train.dialog).toHaveCount(0);
    expect(await train.stepCount()).toBe(1);
    await expect(train.field('nHeads')).toHaveValue('4'); // the edit is still there

    await train.applySetup.click();
    await expect(train.dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(train.dialog.getByTestId('confirm-action')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(train.dialog).toHaveCount(0);
    await expect(train.status).toHaveAttribute('data-status', 'empty');
    await expect(train.status).toContainText(words.status.empty);
    expect(await train.stepCount()).toBe(0);
  });

  await test.step('a valid import asks before it replaces the model being trained', async () => {
    await train.configureSmall(); // the model the step above discarded, again
    await train.stepTo(1);
    const origin = await train.origin.textContent();
    const file = { name: 'en-zh-toy.json', mimeType: 'application/json', buffer: readFileSync('public/checkpoints/en-zh-toy.json') };

    // Escape keeps everything as it was.
    await train.libraryFile.setInputFiles(file);
    await expect(train.dialog).toBeVisible();
    await expect(train.dialog).toContainText('Importing “en-zh-toy.json” replaces the model being trained.');
    await page.keyboard.press('Escape');
    await expect(train.dialog).toHaveCount(0);
    expect(await train.stepCount()).toBe(1);
    await expect(train.origin).toHaveText(origin!);

    // Confirming loads the file's model, with its recorded steps.
    await train.libraryFile.setInputFiles(file);
    await train.dialog.getByTestId('confirm-action').click();
    await expect(train.origin).toContainText('imported model “en-zh-toy”');
    await train.waitForStepCount(2000);
  });
});

test('lr = 1e3 trips the divergence guard: the notice explains, the weights are finite (test hook)', async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open();
  await train.configureSmall({ lr: '1e3', warmup: '0' });
  await train.toggle.click();
  await expect(train.notice).toHaveAttribute('data-kind', 'divergence', { timeout: 120_000 });
  await expect(train.status).toContainText(words.status.diverged);
  await expect(train.notice).toHaveAttribute('role', 'alert');
  await expect(train.notice).toContainText(words.notice.divergence.tryTitle);
  await expect(train.notice).toBeFocused();
  const weights = await new TrainingApi(page).inspectWeights();
  expect(weights).toMatchObject({ finite: true, equalsLastGood: true });

  // The notice's own remedy: a lower learning rate that keeps the model.
  await train.notice.getByRole('button', { name: 'Lower the learning rate to 100' }).click();
  await expect(train.notice).toHaveCount(0);
  await expect(train.field('lr')).toHaveValue('100');
  expect(await train.stepCount()).toBe(weights.step);
});

test('a destroyed GPU device (test hook): training recovers and goes on', onlyIn('webgpu', 'needs a GPU device to lose'), async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open();
  await train.configureSmall();
  await train.toggle.click();
  await train.waitForSteps(2); // the engine is built and trains
  expect(await new TrainingApi(page).destroyDevice()).toBe(true);
  await expect(train.notice).toHaveAttribute('data-kind', 'device-recovered', { timeout: 120_000 });
  await expect(train.notice).toContainText(/Recovered on .*training continues\./);
  await expect(train.status).toContainText(words.status.running);
  const after = await train.stepCount();
  await train.waitForSteps(after + 2);
  await train.toggle.click();
  await expect(train.status).toContainText(words.status.paused);
  expect((await new TrainingApi(page).inspectWeights()).finite).toBe(true);
});

