// The dark colour scheme: it follows prefers-color-scheme unless the header's switch says
// otherwise, the choice survives a reload, and axe finds no contrast (or other serious)
// problem on the views in the dark scheme.
import { expect, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';
import { WalkthroughPage } from './fixtures/WalkthroughPage';

test.describe('with a dark system scheme', () => {
  test.use({ colorScheme: 'dark' });

  // One test, a step per view (each a fresh page load).
  test('axe in the dark scheme: a walkthrough stage with heatmaps, #/train, #/study, the Chinese interface', async ({ app, page }) => {
    await test.step('a walkthrough stage with heatmaps', async () => {
      const wt = new WalkthroughPage(app);
      await wt.open('#/walkthrough/decoder-self-attn');
      expect(await app.colorScheme()).toBe('dark');
      await expect(page.locator('[data-testid$="-svg"]').first()).toBeVisible();
      expect(await seriousViolations(page), 'decoder-self-attn').toEqual([]);
    });

    for (const hash of ['#/train', '#/study']) {
      await test.step(hash, async () => {
        await app.gotoFresh(hash);
        await expect(app.heading).toBeVisible();
        expect(await app.colorScheme()).toBe('dark');
        expect(await seriousViolations(page), hash).toEqual([]);
      });
    }

    await test.step('the Chinese interface', async () => {
      await app.gotoFresh('#/study', { lang: 'zh' });
      await expect(app.heading).toBeVisible();
      expect(await app.colorScheme()).toBe('dark');
      expect(await seriousViolations(page), '#/study in zh').toEqual([]);
    });
  });
});

test('the switch: light, dark or the system’s; the choice survives a reload', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.goto('#/study');
  expect(await app.colorScheme()).toBe('light');
  await expect(app.colorSchemeButton('system')).toHaveAttribute('aria-pressed', 'true');

  // "System" follows the system setting as it changes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'dark');

  // From the keyboard: a fixed light scheme overrides the dark system.
  await app.colorSchemeButton('light').focus();
  await page.keyboard.press('Enter');
  await expect(app.colorSchemeButton('light')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'light');

  await page.reload();
  await app.waitForGpu();
  await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'light');
  await expect(app.colorSchemeButton('light')).toHaveAttribute('aria-pressed', 'true');

  await page.emulateMedia({ colorScheme: 'light' });
  await app.colorSchemeButton('dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'dark');
  await page.reload();
  await app.waitForGpu();
  await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'dark');

  // In Chinese, the switch says the same.
  await app.switchLanguage('zh');
  await expect(page.getByTestId('color-scheme-switch').getByRole('button')).toHaveText(['浅色', '深色', '跟随系统']);
  await expect(page.getByRole('group', { name: '配色' })).toBeVisible();
});
