// Training the two one-stack families in the tab through the Train view: the family chosen in
// the setup (keyboard), a tiny model trained a few steps on WebGPU or in the CPU worker, the
// accuracy chart naming the family's metric, the attention replay with the family's one block,
// save / export / load, the divergence guard (decoder-only), experiments filtered per family and
// "Open in walkthrough" into the family's walkthrough — English for one family, Chinese for the
// other, with axe.
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { expect, test } from './fixtures/test';
import { TrainPage } from './fixtures/TrainPage';
import { TrainingApi } from './fixtures/training';
import { seriousViolations } from './fixtures/axe';

test.describe.configure({ timeout: 180_000 });

const TINY = { dModel: '16', nHeads: '2', dFF: '32', batchSize: '8', lr: '0.003', warmup: '5' };
/** Measure early and often: an evaluation at step 6, a snapshot every 2 steps. */
const CADENCE = { cadence: { evalEvery: 6, validationSize: 8, samples: 2, attentionEvery: 2, snapshotEvery: 2 } };

for (const family of ['decoder', 'encoder'] as const) {
  test(`${family === 'encoder' ? 'an' : 'a'} ${family}-only model trains in the tab`, async ({ app, page, gpuMode }) => {
    // Each family in both languages across the two engines: decoder-only in English on WebGPU
    // and in Chinese on the CPU, encoder-only the other way round.
    const lang = (family === 'decoder') === (gpuMode === 'webgpu') ? 'en' : 'zh';
    const words = lang === 'en' ? en : zh;
    const train = new TrainPage(app);
    const training = new TrainingApi(page);
    await train.open('#/train', { lang });
    await training.ready();

    // The family is a setup choice: a labelled radio group, its layer field for the other stack hidden.
    const group = page.getByRole('group', { name: words.families.train.family });
    await group.getByRole('radio', { name: new RegExp(words.families.name[family]) }).check();
    await expect(train.field(family === 'decoder' ? 'nEncoderLayers' : 'nDecoderLayers')).toHaveCount(0);
    await train.configure({ ...TINY, [family === 'decoder' ? 'nDecoderLayers' : 'nEncoderLayers']: '1' });
    await training.configure(CADENCE);
    await expect(page.getByTestId('experiments-family')).toBeVisible();
    await expect(page.locator('[data-experiment="head-off"]')).toHaveCount(0);
    await expect(page.locator('[data-experiment="causal-mask-off"]')).toHaveCount(family === 'decoder' ? 1 : 0);

    await training.start();
    const running = await training.waitFor({ step: 8 }, 150_000);
    expect(running.engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu-worker');
    await training.pause();
    const paused = await training.waitFor({ status: ['paused'] });
    // The evaluation runs beside training (prompted generation takes a while): wait for it.
    await expect.poll(async () => (await training.state()).evals, { timeout: 120_000 }).toBeGreaterThan(0);
    expect(paused.lastLoss!).toBeLessThan(paused.firstLoss! * 1.5);

    // The accuracy chart names the family's own metric; the replay has the family's one block.
    const metric = family === 'decoder' ? words.families.train.promptedExact : words.families.train.maskedTop1;
    await expect(page.getByTestId('accuracy-chart')).toContainText(metric);
    await expect(train.replaySlider).toBeVisible();
    await expect(page.getByTestId('probe-cross')).toHaveCount(0);
    await expect(page.getByTestId('probe-self-side')).toHaveCount(0);
    await expect(page.getByTestId('probe-self')).toBeVisible();
    if (family === 'encoder') await expect(train.samples).toContainText(words.families.train.maskedSource);

    // Save, export (the file says its family), load back.
    const saved = await training.save(`tiny ${family}`);
    expect(saved).toBeTruthy();
    const exported = await training.exportText();
    expect(JSON.parse(exported!).config.family).toBe(family);
    const list = await training.list();
    expect(list.some((m) => m.name === `tiny ${family}`)).toBe(true);
    expect(await training.load(saved!.id)).toBe(true);
    await training.waitFor({ status: ['paused'] });

    expect(await seriousViolations(page)).toEqual([]);

    if (family === 'decoder') {
      // The divergence guard stops a learning rate far too high, as for the translator.
      await training.configure({ optimizer: { lr: 1e3 }, schedule: { kind: 'constant', warmup: 0 }, cadence: { snapshotEvery: 1 } });
      await training.start();
      const diverged = await training.waitFor({ noticeKind: 'divergence', status: ['diverged'] }, 150_000);
      expect(diverged.status).toBe('diverged');
      const weights = await training.inspectWeights();
      expect(weights.finite).toBe(true);
    }

    // "Open in walkthrough" opens the family's walkthrough on the trained model.
    expect(await training.openInWalkthrough()).toBe(true);
    await train.openWalkthrough.click();
    await expect(page).toHaveURL(new RegExp(`family=${family}`));
    const shown = await page.evaluate(async () => {
      const w = window.__attentionLab!;
      for (let i = 0; i < 200 && !w.waitForWalkthrough; i++) await new Promise((r) => setTimeout(r, 50));
      return w.waitForWalkthrough!();
    });
    expect(shown.resultFamily).toBe(family);
    expect(shown.modelId).toMatch(/^(trained|imported)-/);
  });
}
