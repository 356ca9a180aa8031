// Sampling in the decoding stage on the built app: temperature and top-k set from the keyboard
// change the bars' table (and the URL) while ← → in a slider stay in the slider; a seeded run
// comes back the same after a reload; the section speaks Chinese; axe finds no serious problem.
import type { Page } from '@playwright/test';
import { samplingText } from '../src/ui/stages/decoding/content';
import { COMPUTE_TIMEOUT, expect, test as base } from './fixtures/test';
import { WalkthroughPage } from './fixtures/WalkthroughPage';
import { seriousViolations } from './fixtures/axe';

const test = base.extend<{ wt: WalkthroughPage }>({
  wt: async ({ app }, use) => use(new WalkthroughPage(app)),
});

const TEXT = 'i ate the apple yesterday .';

/** The sampled run once it is the final one (on the engine of the shown result). */
async function sampled(page: Page): Promise<{ text: string; seed: number | null }> {
  const handle = await page.waitForFunction(
    () => {
      const s = window.__attentionLab!.walkthroughState!();
      return s.status === 'ready' && s.sampled.status === 'ready' && s.sampled.engine === s.engine && s.sampled;
    },
    undefined,
    { timeout: COMPUTE_TIMEOUT },
  );
  return (await handle.jsonValue()) as { text: string; seed: number | null };
}

const cells = (page: Page, col: number) => page.getByTestId('sampling-table').locator('tbody tr').locator(`:nth-child(${col})`);

async function noSeriousAxe(page: Page, what: string) {
  expect(await seriousViolations(page, { include: '[data-testid="sampling"]' }), what).toEqual([]);
}

test('sampling: keyboard sliders move the bars, a seeded run repeats after reload, in both languages', async ({ wt, page }) => {
  test.setTimeout(180_000);
  await wt.open(`#/walkthrough/decoding?text=${encodeURIComponent(TEXT).replace(/%20/g, '+')}`);
  const section = page.getByTestId('sampling');
  await expect(section.getByRole('heading', { name: samplingText.title.en })).toBeVisible();
  const tempered = cells(page, 3);
  const firstBefore = await tempered.first().textContent();
  await expect(cells(page, 2).first()).toHaveText(firstBefore!); // T = 1: the model's own

  // Temperature 1 → 1.5 with →; the stage stays (the slider owns the arrows).
  const temperature = page.getByTestId('sampling-temperature');
  await temperature.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sampling-temperature-value')).toHaveText('1.50');
  await expect(wt.stageId).toHaveText('decoding');
  expect(await wt.app.hash()).toContain('temp=1.5');
  await expect(tempered.first()).not.toHaveText(firstBefore!);
  expect(Number(await tempered.first().textContent())).toBeLessThan(Number(firstBefore)); // flatter

  // Top-k: Home (off) then → three times keeps three tokens; the fourth row is cut.
  const topK = page.getByTestId('sampling-topk');
  await topK.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sampling-topk-value')).toContainText('3 of');
  expect(await wt.app.hash()).toContain('topk=3');
  await expect(cells(page, 4).nth(3)).toHaveText(/^0 \(cut\)/);
  await expect(page.getByTestId('sampling-bars-filtered')).toContainText('3 kept');

  // A seed from the keyboard: type it, Enter samples.
  const seed = page.getByTestId('sampling-seed');
  await seed.fill('2024');
  await seed.press('Enter');
  expect(await wt.app.hash()).toContain('seed=2024');
  const first = await sampled(page);
  expect(first.seed).toBe(2024);
  await expect(page.getByTestId('sampling-output')).toHaveText(first.text);
  await expect(page.getByTestId('sampling-table')).toContainText(samplingText.drawn.en);
  const steps = await page.getByTestId('sampling-steps').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(steps.length).toBeGreaterThan(0);
  await noSeriousAxe(page, 'en');

  // The link repeats the run.
  await page.reload();
  await wt.waitForResult(TEXT);
  const again = await sampled(page);
  expect(again.text).toBe(first.text);
  await expect(page.getByTestId('sampling-temperature-value')).toHaveText('1.50');
  await expect(page.getByTestId('sampling-steps').locator('tbody tr td:nth-child(2)')).toHaveText(steps);

  // Outside the controls ← → still step through the stages.
  await wt.focusStage();
  await page.keyboard.press('ArrowRight');
  await expect(wt.stageId).not.toHaveText('decoding');
  await page.keyboard.press('ArrowLeft');
  await expect(wt.stageId).toHaveText('decoding');

  // Chinese: the same run, the section's words in Chinese.
  await wt.app.languageButton('zh').click();
  await expect(section.getByRole('heading', { name: samplingText.title.zh })).toBeVisible();
  await expect(page.getByRole('slider', { name: samplingText.temperature.zh })).toHaveValue('1.5');
  await expect(page.getByTestId('sampling-output')).toHaveText(first.text);
  await expect(page.getByTestId('sampling-table')).toContainText(samplingText.drawn.zh);
  await noSeriousAxe(page, 'zh');
});
