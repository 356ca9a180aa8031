// axe finds no serious or critical problem on any Study tab (each state in at least one
// language, the review and a card's detail in both), including the states that only appear
// after interaction (a revealed card, a checked cloze, a drill, a
// refused import, the reset confirmation), and the tabs follow the ARIA tab pattern.
import type { Language } from '../src/i18n/language';
import { expect, test } from './fixtures/studyTest';
import { seriousViolations } from './fixtures/axe';

const languages: Language[] = ['en', 'zh'];

// One test per language, one step per state, each step opening its URL as a fresh page load.
// The review and a card's detail (the most translated text) are scanned in both languages;
// progress and drill in Chinese, the card list in English — the same markup, so each is scanned
// once. The Study view does not touch the compute backend: the webgpu project alone runs this
// spec (playwright.config.ts; a11y.spec.ts scans #/study in both).
for (const lang of languages) {
  test(`axe, Study in ${lang}: review, ${lang === 'zh' ? 'progress, drill' : 'browse'}, card detail`, async ({ study, page }) => {
    test.setTimeout(180_000);
    const open = async (query: string) => {
      await page.goto('about:blank');
      await study.goto(query, { lang });
    };

    await test.step('review: the question, then the answer with its grades', async () => {
      await open('');
      expect(await seriousViolations(page), 'review, question').toEqual([]);
      await study.revealWithKeyboard();
      await study.bothLanguages.check();
      await expect(study.answer).toBeVisible();
      expect(await seriousViolations(page), 'review, answer and grades').toEqual([]);
    });

    if (lang === 'zh') {
      await test.step('progress: a refused import and the reset confirmation', async () => {
        await open('?tab=progress');
        await page.locator('.study-topics summary').click();
        await page.getByTestId('import-progress').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
        await expect(page.getByTestId('import-refused')).toBeVisible();
        await page.locator('.button--danger-outline').click();
        await expect(page.getByTestId('confirm-reset')).toBeVisible();
        expect(await seriousViolations(page), 'progress').toEqual([]);
      });

      await test.step('drill: the setup, then a revealed card', async () => {
        await open('?tab=drill');
        await expect(page.getByTestId('drill-start')).toBeVisible();
        expect(await seriousViolations(page), 'drill setup').toEqual([]);
        await page.getByTestId('drill-start').click();
        await page.keyboard.press('Space');
        await expect(page.getByTestId('drill-card').getByTestId('study-answer')).toBeVisible();
        expect(await seriousViolations(page), 'drill, revealed').toEqual([]);
      });
    }

    if (lang === 'en') {
      await test.step('browse: the card list', async () => {
        await open('?tab=browse');
        await expect(study.panel).toHaveAttribute('id', 'study-panel-browse');
        expect(await seriousViolations(page), 'browse list').toEqual([]);
      });
    }

    await test.step('card detail: a wrong cloze answer, a practice card with its timer', async () => {
      await open('?card=c14-formula');
      await study.clozeInput.fill('nonsense');
      await study.clozeInput.press('Enter');
      await expect(study.clozeResult).toBeVisible();
      expect(await seriousViolations(page), 'card detail, wrong cloze').toEqual([]);
      await study.goto('?card=h48-explain-self-attention', { lang });
      await page.getByTestId('practice-timer').click();
      await expect(study.card.getByRole('timer')).toBeVisible();
      expect(await seriousViolations(page), 'practice card with timer').toEqual([]);
      // Code wider than the card (a narrow window) scrolls, and the keyboard can reach it.
      await page.setViewportSize({ width: 600, height: 900 });
      await study.goto('?card=c14-hand-code-attention', { lang });
      await study.revealWithKeyboard();
      // Beside the textbook version, the lab's own lines that do it, read from the source.
      await expect(study.card.getByTestId('lab-code')).toContainText('src/model/attention.ts');
      await expect(study.card.getByTestId('lab-code').locator('pre')).toContainText('op.softmax');
      const wide = study.card.locator('.viz-formula--display[tabindex="0"]');
      await wide.focus();
      await expect(wide).toBeFocused();
      await expect(wide).toHaveAttribute('aria-label', /.+/);
      expect(await seriousViolations(page), 'card with a formula wider than the card').toEqual([]);
    });
  });
}

test('the Study tabs follow the ARIA tab pattern', async ({ study, page, app }) => {
  await study.goto();
  const tabs = study.tablist.getByRole('tab');
  await expect(tabs).toHaveCount(4);
  await expect(study.panel).toHaveAttribute('aria-labelledby', 'study-tab-review');
  await study.tab('review').focus();
  await page.keyboard.press('ArrowRight');
  await expect(study.tab('progress')).toBeFocused();
  await expect(study.tab('progress')).toHaveAttribute('aria-selected', 'true');
  await expect(study.tab('review')).toHaveAttribute('tabindex', '-1');
  await expect(study.panel).toHaveAttribute('id', 'study-panel-progress');
  expect(await app.hash()).toBe('#/study?tab=progress');
  await page.keyboard.press('End');
  await expect(study.tab('drill')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(study.tab('review')).toBeFocused();
  expect(await app.hash()).toBe('#/study');
  await page.keyboard.press('Home');
  await expect(study.tab('review')).toBeFocused();
  // Back returns to the previous tab.
  await page.goBack();
  await expect(study.tab('drill')).toHaveAttribute('aria-selected', 'true');
});
