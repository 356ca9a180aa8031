// The header tells the truth about the compute device, and the app works either way.
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { expect, onlyIn, test } from './fixtures/test';

test('the header names the SwiftShader adapter', onlyIn('webgpu', 'needs a WebGPU adapter'), async ({ app }) => {
  await app.goto();
  await expect(app.gpuStatus).toHaveAttribute('data-state', 'ready');
  await expect(app.gpuStatus).toContainText(en.gpu.webgpu);
  await expect(app.gpuStatus).toContainText(/swiftshader/i);
  expect((await app.gpuSnapshot()).adapter).toMatch(/swiftshader/i);
});

test('without an adapter the header says CPU fallback and why, and the views still work', onlyIn('cpu-fallback', 'runs without WebGPU'), async ({ app }) => {
  await app.goto();
  await expect(app.gpuStatus).toHaveAttribute('data-state', 'fallback');
  await expect(app.gpuStatus).toContainText(en.gpu.fallback);
  await expect(app.gpuStatus).toContainText(en.gpu.reason['no-adapter']);
  expect(await app.gpuSnapshot()).toMatchObject({ state: 'fallback', reason: 'no-adapter' });
  await expect(app.failureBanner).toHaveCount(0); // a missing GPU is not an error

  for (const view of ['train', 'study', 'walkthrough'] as const) {
    await app.navLink(view).click();
    await expect(app.heading).toHaveText(en.views[view].title);
    await expect(app.navLink(view)).toHaveAttribute('aria-current', 'page');
  }
});

test('a lost device shows the banner, and "Restart GPU" brings a new one', onlyIn('webgpu', 'needs a WebGPU device to lose'), async ({ app }) => {
  await app.goto('#/train');
  expect(await app.destroyDevice()).toBe(true);

  await expect(app.failureBanner).toBeVisible();
  await expect(app.failureBanner).toContainText(en.gpu.lost.lost);
  await expect(app.gpuStatus).toHaveAttribute('data-state', 'lost');
  await expect(app.gpuStatus).toContainText(en.gpu.fallback);
  await expect(app.heading).toHaveText(en.views.train.title); // the view stays usable

  await app.failureBanner.getByRole('button', { name: en.gpu.lost.restart }).click();
  await expect(app.failureBanner).toHaveCount(0);
  await expect(app.main).toBeFocused(); // keyboard users continue where the banner was
  await expect(app.gpuStatus).toHaveAttribute('data-state', 'ready');
  await expect(app.gpuStatus).toContainText(/swiftshader/i);
  expect(await app.gpuSnapshot()).toMatchObject({ state: 'ready', generation: 2, restarting: false });
});

test('the status and its reason are translated', async ({ app, gpuMode }) => {
  await app.goto('', { lang: 'zh' });
  if (gpuMode === 'webgpu') {
    await expect(app.gpuStatus).toContainText(zh.gpu.webgpu);
  } else {
    await expect(app.gpuStatus).toContainText(zh.gpu.fallback);
    await expect(app.gpuStatus).toContainText(zh.gpu.reason['no-adapter']);
  }
});
