// English / 中文: the switch, what it changes, and how the choice is remembered.
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { expect, test } from './fixtures/test';

test('switching language switches the header and nav, and survives a reload', async ({ app, page }) => {
  await app.goto('#/study');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.brand).toHaveText(en.app.name);
  await expect(app.languageButton('en')).toHaveAttribute('aria-pressed', 'true');

  await app.switchLanguage('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.brand).toHaveText(zh.app.name);
  await expect(app.navLink('walkthrough')).toHaveText(zh.nav.walkthrough);
  await expect(app.navLink('train')).toHaveText(zh.nav.train);
  await expect(app.navLink('study')).toHaveText(zh.nav.study);
  await expect(app.heading).toHaveText(zh.views.study.title);
  await expect(app.gpuStatus).not.toContainText(en.gpu.pending);
  await expect(app.languageButton('zh')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle(`${zh.nav.study} · ${zh.app.name}`);

  await page.reload();
  await app.waitForGpu();
  await expect(app.brand).toHaveText(zh.app.name);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await app.language()).toBe('zh');
  expect(await app.hash()).toBe('#/study');

  await app.switchLanguage('en');
  await expect(app.navLink('train')).toHaveText(en.nav.train);
  await page.reload();
  await expect(app.navLink('train')).toHaveText(en.nav.train);
});

test('a lang= in a link followed inside the app switches the language, for this tab only', async ({ app, page }) => {
  await app.goto('#/train');
  await expect(app.navLink('train')).toHaveText(en.nav.train);

  // A link within the app (a hash change, no page load), as a shared link or a card would give.
  await page.evaluate(() => {
    window.location.hash = '#/study?lang=zh';
  });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.heading).toHaveText(zh.views.study.title);
  await expect(app.languageButton('zh')).toHaveAttribute('aria-pressed', 'true');
  expect(await app.hash()).toBe('#/study?lang=zh');

  // A link without lang= keeps the language the tab shows.
  await app.navLink('train').click();
  await expect(page).toHaveURL(/#\/train$/);
  await expect(app.navLink('train')).toHaveText(zh.nav.train);

  // Back to the link: still Chinese; then a link with lang=en switches back.
  await page.goBack();
  await expect(page).toHaveURL(/#\/study\?lang=zh$/);
  await expect(app.navLink('train')).toHaveText(zh.nav.train);
  await page.evaluate(() => {
    window.location.hash = '#/study?lang=en';
  });
  await expect(app.navLink('train')).toHaveText(en.nav.train);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Like a lang= on a full load, it was shown, not remembered: a reload without it starts
  // from the browser's language again.
  await page.evaluate(() => {
    window.location.hash = '#/train?lang=zh';
  });
  await expect(app.navLink('train')).toHaveText(zh.nav.train);
  await page.evaluate(() => {
    window.location.hash = '#/train';
  });
  await page.reload();
  await app.waitForGpu();
  await expect(app.navLink('train')).toHaveText(en.nav.train);
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the interface starts in Chinese', async ({ app, page }) => {
    await app.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(app.navLink('walkthrough')).toHaveText(zh.nav.walkthrough);
  });

  test('a lang=en URL parameter overrides it, and follows the switch', async ({ app, page }) => {
    await app.goto('#/walkthrough/qkv?layer=1&lang=en');
    await expect(app.navLink('walkthrough')).toHaveText(en.nav.walkthrough);
    await app.switchLanguage('zh');
    // The shared link's lang= now says zh too, so a reload keeps the choice.
    expect(await app.hash()).toBe('#/walkthrough/qkv?layer=1&lang=zh');
    await page.reload();
    await expect(app.navLink('walkthrough')).toHaveText(zh.nav.walkthrough);
  });
});
