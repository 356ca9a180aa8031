// axe finds no serious or critical problems on any view, in either language: one test per
// language, each view opened as a fresh page load (app.gotoFresh) in its own step.
import type { Language } from '../src/i18n/language';
import { expect, onlyIn, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';

const routes = ['#/walkthrough/overview', '#/train', '#/study'];
const languages: Language[] = ['en', 'zh'];

for (const lang of languages) {
  // The CPU fallback differs from WebGPU by its notices, not by language: one is enough there.
  const only = lang === 'zh' ? onlyIn('webgpu', 'both languages are checked in the webgpu project') : {};
  test(`axe: every view in ${lang}${lang === 'zh' ? ', and the GPU failure banner' : ''}`, only, async ({ app, page }) => {
    for (const hash of routes) {
      await test.step(hash, async () => {
        await app.gotoFresh(hash, { lang });
        await expect(app.heading).toBeVisible();
        expect(await seriousViolations(page), `${hash} in ${lang}`).toEqual([]);
      });
    }
    // The banner needs a WebGPU device to lose: this test runs in the webgpu project only.
    if (lang === 'zh') {
      await test.step('the GPU failure banner', async () => {
        await app.gotoFresh('#/walkthrough/overview', { lang });
        expect(await app.destroyDevice()).toBe(true);
        await expect(app.failureBanner).toBeVisible();
        expect(await seriousViolations(page), 'the GPU failure banner').toEqual([]);
      });
    }
  });
}
