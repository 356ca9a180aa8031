// Hash routes: every view has a URL that reopens it; back/forward; graceful fallbacks.
import { en } from '../src/i18n/en';
import { expect, test } from './fixtures/test';
import { WalkthroughPage } from './fixtures/WalkthroughPage';

const views = [
  { hash: '#/walkthrough/softmax?text=the+cat+sleeps&layer=1&head=2', title: en.views.walkthrough.title },
  { hash: '#/train', title: en.views.train.title },
  { hash: '#/study', title: en.views.study.title },
] as const;

// Three tests of several steps each: a step that opens a URL starts from a fresh document
// (app.gotoFresh), as the separate tests did, without a browser context of its own.
test('every view’s URL reloads to itself', async ({ app, page }) => {
  for (const { hash, title } of views) {
    await test.step(hash, async () => {
      await app.gotoFresh(hash);
      await expect(app.heading).toHaveText(title);
      await page.reload();
      await app.waitForGpu();
      await expect(app.heading).toHaveText(title);
      expect(await app.hash()).toBe(hash);
    });
  }
});

test('URLs that open the walkthrough: stage and parameters, the empty hash, unknown routes', async ({ app, page }) => {
  await test.step('the walkthrough reads its stage and query parameters from the URL', async () => {
    await app.gotoFresh('#/walkthrough/cross-attn?text=I+like+green+tea&layer=1&head=3');
    await expect(page.getByTestId('stage-id')).toHaveText('cross-attn');
    await expect(new WalkthroughPage(app).sentence()).toHaveValue('I like green tea');
    await expect(page.getByTestId('picker-layer')).toHaveValue('1');
    await expect(page.getByTestId('picker-head')).toHaveValue('3');
  });

  await test.step('an empty hash opens the overview under its canonical URL', async () => {
    await app.gotoFresh('');
    await expect(page.getByTestId('stage-id')).toHaveText('overview');
    await expect.poll(() => app.hash()).toBe('#/walkthrough/overview');
    await expect(app.navLink('walkthrough')).toHaveAttribute('aria-current', 'page');
  });

  await test.step('unknown routes fall back to the overview and say so', async () => {
    await app.gotoFresh('#/no-such-view');
    await expect(app.notFound).toContainText('/no-such-view');
    await expect(page.getByTestId('stage-id')).toHaveText('overview');

    await app.goto('#/walkthrough/no-such-stage?text=hello');
    await expect(app.notFound).toContainText('/walkthrough/no-such-stage');
    await expect(new WalkthroughPage(app).sentence()).toHaveValue('hello');

    await app.navLink('train').click();
    await expect(app.notFound).toHaveCount(0);
    await expect(app.heading).toHaveText(en.views.train.title);
  });
});

test('moving around: back and forward, the Walkthrough link’s last stage, the skip link', async ({ app, page }) => {
  await test.step('back and forward move between views', async () => {
    await app.gotoFresh('#/walkthrough/scores');
    await app.navLink('train').click();
    await expect(app.heading).toHaveText(en.views.train.title);
    await app.navLink('study').click();
    await expect(app.heading).toHaveText(en.views.study.title);

    await page.goBack();
    await expect(app.heading).toHaveText(en.views.train.title);
    expect(await app.hash()).toBe('#/train');
    await page.goBack();
    await expect(page.getByTestId('stage-id')).toHaveText('scores');
    await page.goForward();
    await expect(app.heading).toHaveText(en.views.train.title);
    await expect(app.navLink('train')).toHaveAttribute('aria-current', 'page');
  });

  await test.step('the Walkthrough link returns to the stage last open', async () => {
    await app.gotoFresh('#/walkthrough/heads?layer=1');
    await app.navLink('study').click();
    await expect(app.heading).toHaveText(en.views.study.title);
    await app.navLink('walkthrough').click();
    await expect(page.getByTestId('stage-id')).toHaveText('heads');
    expect(await app.hash()).toBe('#/walkthrough/heads?layer=1');
  });

  await test.step('the skip link moves focus to the content without changing the route', async () => {
    await app.gotoFresh('#/train');
    await page.keyboard.press('Tab');
    await expect(app.skipLink).toBeFocused();
    await expect(app.skipLink).toHaveText(en.app.skipToContent);
    await page.keyboard.press('Enter');
    await expect(app.main).toBeFocused();
    expect(await app.hash()).toBe('#/train');
  });
});
