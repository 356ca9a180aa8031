// axe finds no serious or critical problems on any view, in either language.
import type { Language } from '../src/i18n/language';
import { expect, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';

const routes = ['#/walkthrough/overview', '#/train', '#/study'];
const languages: Language[] = ['en', 'zh'];

for (const lang of languages) {
  for (const hash of routes) {
    test(`axe: ${hash} in ${lang}`, async ({ app, page, gpuMode }) => {
      // The CPU fallback differs from WebGPU by its notices, not by language: one is enough there.
      test.skip(gpuMode === 'cpu-fallback' && lang === 'zh', 'both languages are checked in the webgpu project');
      await app.goto(hash, { lang });
      await expect(app.heading).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('axe: the GPU failure banner', async ({ app, page, gpuMode }) => {
  test.skip(gpuMode !== 'webgpu', 'needs a WebGPU device to lose');
  await app.goto('#/walkthrough/overview', { lang: 'zh' });
  await app.destroyDevice();
  await expect(app.failureBanner).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
