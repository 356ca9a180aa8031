// axe on the Train view in both languages: paused with charts and snapshots, with a notice
// (an import refusal), and with the confirm dialog open. One page and one trained model: the
// English states first, then the header's switch to Chinese and the same states again.
import { expect, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';
import { TrainPage } from './fixtures/TrainPage';

test.describe.configure({ timeout: 180_000 });

test('axe: the Train view in en and in zh, paused with charts, with a notice and with the dialog', async ({ app, page }) => {
  const train = new TrainPage(app);
  await train.open('#/train?experiment=gelu', { lang: 'en' });
  await train.configureSmall({}, {});
  await train.stepTo(1);
  await train.stepTo(2);

  for (const lang of ['en', 'zh'] as const) {
    await test.step(lang, async () => {
      if (lang === 'zh') {
        await app.switchLanguage('zh');
        expect(await app.language()).toBe('zh');
        await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
      }
      await expect(train.status).toHaveAttribute('data-status', 'paused');
      await expect(train.status).toContainText(TrainPage.words(lang).status.paused);
      await expect(page.getByTestId('probe-cross')).toBeVisible();
      expect(await seriousViolations(page), `paused, ${lang}`).toEqual([]);

      await train.libraryFile.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await expect(train.notice).toHaveAttribute('data-kind', 'import-refused');
      await expect(train.notice).toContainText(TrainPage.words(lang).notice.importRefused);
      expect(await seriousViolations(page), `notice, ${lang}`).toEqual([]);

      await train.resetButton.click();
      await expect(train.dialog).toBeVisible();
      expect(await seriousViolations(page), `dialog, ${lang}`).toEqual([]);
      await page.keyboard.press('Escape'); // keeps the model
      await expect(train.dialog).toHaveCount(0);
      await train.notice.getByRole('button', { name: TrainPage.words(lang).actions.dismiss }).click();
      await expect(train.notice).toHaveCount(0);
    });
  }
});
