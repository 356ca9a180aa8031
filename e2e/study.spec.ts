// The Study view against real IndexedDB: keyboard review, persistence across reloads, the
// language switch, cloze checking, "show me" and the way back to a card.
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { CARD_KINDS, cardById, DECK, GRADE_LABELS, type GradeName } from '../src/study';
import { title as scoresTitle } from '../src/ui/stages/scores/content';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/studyTest';

/** Waits until the hash route has this path and (at least) these query parameters. */
async function expectRoute(page: Page, path: string, params: Record<string, string>) {
  await expect
    .poll(() => {
      const hash = new URL(page.url()).hash.slice(1);
      const [p, q = ''] = hash.split('?');
      const query = new URLSearchParams(q);
      return { path: p, ...Object.fromEntries(Object.keys(params).map((k) => [k, query.get(k)])) };
    })
    .toEqual({ path, ...params });
}

test('reviews several cards with the keyboard; grades and due dates survive a reload', async ({ study, page }) => {
  const start = await study.goto();
  expect(start.cards).toEqual([]);
  await expect(study.tab('review')).toHaveAttribute('aria-selected', 'true');

  // Deck order starts a1 (question), a1 (cloze), a2 (question), a2 (cloze), a3 (question).
  const grades: GradeName[] = ['good', 'easy', 'hard', 'again', 'good'];
  const reviewed: string[] = [];
  for (const grade of grades) {
    const id = await study.cardId();
    expect(reviewed, 'each card once').not.toContain(id);
    await expect(study.answer).toHaveCount(0);
    // After a grade, focus lands on the next card's first control: the gap, or "Show answer".
    if (reviewed.length > 0) {
      const first = (await study.cardKind()) === 'cloze' ? study.clozeInput : study.card.getByRole('button', { name: en.study.card.reveal });
      await expect(first).toBeFocused();
    }
    await study.revealWithKeyboard();
    // The buttons name their next interval.
    await expect(study.gradeButton('good')).toContainText(/\d+ (min|h|d)/);
    await study.gradeWithKeyboard(grade);
    reviewed.push(id);
    await expect(study.card).not.toHaveAttribute('data-card-id', id);
  }
  expect(reviewed).toEqual(DECK.slice(0, 5).map((c) => c.id));
  expect(CARD_KINDS).toContain(await study.cardKind()); // a next card is on screen
  await expect(page.getByTestId('count-reviewed')).toHaveText('5');

  const before = await study.progress();
  expect(before.reviews.map((r) => [r.cardId, r.grade, r.source])).toEqual(reviewed.map((id, i) => [id, grades[i], 'review']));
  expect(before.cards.map((c) => c.cardId).sort()).toEqual([...reviewed].sort());
  for (const c of before.cards) expect(c.due).toBeGreaterThan(c.lastReview!);
  // Easy on a new card schedules days ahead; the others stay in minutes.
  const easy = before.cards.find((c) => c.cardId === reviewed[1])!;
  expect(easy.due - easy.lastReview!).toBeGreaterThan(24 * 3600_000);

  await page.reload();
  const after = await study.waitForStudy();
  expect(after.storage).toBe('indexeddb');
  expect(after.cards).toEqual(before.cards);
  expect(after.reviews).toEqual(before.reviews);
  // The queue moved on: the next new card, not one of those graded.
  await expect(study.card).toHaveAttribute('data-card-id', DECK[5].id);
  await expect(page.getByTestId('count-reviewed')).toHaveText('5');

  // The card's detail shows the stored schedule.
  await study.goto(`?card=${reviewed[1]}`);
  await expect(page.getByTestId('card-due')).toContainText(/In \d+ d/);
  await expect(page.getByTestId('card-history').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('card-history')).toContainText(GRADE_LABELS.easy.en);
});

test('the language switch changes the card texts at once, and both can be shown', async ({ study, app, page }) => {
  await study.goto();
  const card = cardById(await study.cardId())!;
  await expect(study.question).toHaveText(card.question.en);
  await expect(study.question).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Space');
  await expect(study.answer).toContainText(card.answer.en);
  await expect(study.gradeButton('good')).toContainText(GRADE_LABELS.good.en);
  await expect(study.gradeButton('good')).toContainText('10 min');

  await app.switchLanguage('zh');
  await expect(study.question).toHaveText(card.question.zh);
  await expect(study.question).toHaveAttribute('lang', 'zh-CN');
  await expect(study.answer).toContainText(card.answer.zh);
  await expect(study.gradeButton('good')).toContainText(GRADE_LABELS.good.zh);
  await expect(study.gradeButton('good')).toContainText('10 分钟');
  await expect(study.tab('progress')).toHaveText(zh.study.tabs.progress);

  // Bilingual learners: the other language under each text, marked as such.
  await study.bothLanguages.check();
  const other = study.card.locator('.study-other-lang[lang="en"]');
  await expect(other.first()).toHaveText(card.question.en);
  await expect(study.answer.locator('.study-other-lang[lang="en"]')).toHaveText(card.answer.en);
  await page.reload();
  await study.waitForStudy();
  await expect(study.bothLanguages).toBeChecked();
  await expect(study.card.locator('.study-other-lang[lang="en"]').first()).toHaveText(card.question.en);
  await study.bothLanguages.uncheck();
  await expect(study.card.locator('.study-other-lang')).toHaveCount(0);
  await expect(study.tab('progress')).toHaveText(zh.study.tabs.progress); // still Chinese after the reload
});

test('a cloze card checks the typed answer: right, and wrong with the accepted answer', async ({ study, page }) => {
  // Right, written differently from the stored answer (normalised comparison).
  await study.goto('?card=c14-formula');
  await study.clozeInput.fill('QK^T / sqrt(d_k)');
  await study.clozeInput.press('Enter');
  await expect(study.clozeResult).toHaveAttribute('data-correct', 'true');
  await expect(study.clozeResult).toContainText(en.study.cloze.right);
  await expect(study.answer).toBeVisible();
  await expect(study.answer.locator('.katex').first()).toBeVisible();
  await expect(study.gradeButton('good')).toBeFocused();

  // Wrong: says so, shows the accepted answer, and suggests Again.
  await study.goto('?card=c15-variance');
  await study.clozeInput.fill('sqrt(d_k)');
  await study.clozeInput.press('Enter');
  await expect(study.clozeResult).toHaveAttribute('data-correct', 'false');
  await expect(study.clozeResult).toContainText(en.study.cloze.wrong);
  await expect(study.clozeResult.locator('code')).toHaveText(cardById('c15-variance')!.cloze!.answers[0]);
  await expect(study.clozeInput).toHaveAttribute('aria-invalid', 'true');
  await expect(study.gradeButton('again')).toBeFocused();
  await page.keyboard.press('1');
  await expect.poll(async () => (await study.progress()).reviews.map((r) => [r.cardId, r.grade])).toEqual([['c15-variance', 'again']]);
  await expect(page.getByTestId('detail-status')).toContainText(GRADE_LABELS.again.en);

  // In Chinese, a Chinese answer counts too.
  await study.goto('?card=c12-key', { lang: 'zh' });
  await study.clozeInput.fill('键');
  await study.clozeInput.press('Enter');
  await expect(study.clozeResult).toHaveAttribute('data-correct', 'true');
  await expect(study.clozeResult).toContainText(zh.study.cloze.right);
});

test('"show me" opens the card stage with its highlight, and "back to the card" returns to it', async ({ study, app, page }) => {
  await study.goto('?card=c15-why-scale');
  const showMe = study.card.getByTestId('show-me');
  await expect(showMe).toHaveAttribute('href', '#/walkthrough/scores?highlight=sqrt-dk&from=study&card=c15-why-scale');
  await showMe.click();
  await expectRoute(page, '/walkthrough/scores', { highlight: 'sqrt-dk', from: 'study', card: 'c15-why-scale' });
  await expect(app.navLink('walkthrough')).toHaveAttribute('aria-current', 'page');
  // The walkthrough's conventions (src/ui/walkthrough/StageFrame.tsx, stages/shared/Emphasis.tsx):
  // the stage title as #stage-title, the emphasised element marked data-highlighted.
  const stage = page.locator('[data-testid="stage"][data-stage="scores"]');
  await expect(stage.locator('#stage-title')).toHaveText(scoresTitle.en);
  await expect(stage.locator('[data-testid="scores-spread"][data-highlighted="true"]')).toBeVisible();

  // "Back to the card" is #/study?card=<id>: that card's detail in Browse.
  await page.getByTestId('back-to-card').click();
  await study.waitForStudy();
  await expectRoute(page, '/study', { card: 'c15-why-scale' });
  await expect(study.tab('browse')).toHaveAttribute('aria-selected', 'true');
  await expect(study.card).toHaveAttribute('data-card-id', 'c15-why-scale');
  await expect(study.question).toHaveText(cardById('c15-why-scale')!.question.en);
  await page.getByRole('link', { name: en.study.detail.backToList }).click();
  await expect(page.getByTestId('browse-list')).toBeVisible();
  expect(await app.hash()).toBe('#/study?tab=browse');

  // Training cards go to the Train view instead.
  await study.goto('?card=f39-schedule');
  await study.card.getByTestId('show-me').click();
  await expectRoute(page, '/train', { highlight: 'lr-schedule', from: 'study', card: 'f39-schedule' });
});

test('a predict card keeps the prediction and links its experiment', async ({ study, page }) => {
  await study.goto('?card=c15-predict-no-scaling');
  const prediction = study.card.getByRole('textbox', { name: en.study.predict.label });
  await prediction.fill('Rows turn nearly one-hot.');
  const run = study.card.getByTestId('run-experiment');
  await expect(run).toHaveAttribute('href', '#/train?experiment=no-scaling&from=study&card=c15-predict-no-scaling');
  await run.click();
  await expectRoute(page, '/train', { experiment: 'no-scaling', from: 'study', card: 'c15-predict-no-scaling' });
  await page.goBack();
  await expect(study.card).toHaveAttribute('data-card-id', 'c15-predict-no-scaling');
  await expect(prediction).toHaveValue('Rows turn nearly one-hot.');
  await study.card.getByRole('button', { name: en.study.card.reveal }).click();
  await expect(study.answer).toContainText(cardById('c15-predict-no-scaling')!.answer.en);
  await expect(prediction).toHaveAttribute('readonly', '');
});

test('browse filters by text, language, topic and kind; drill grades go to the scheduler', async ({ study, page }) => {
  await study.goto('?tab=browse');
  const count = page.getByTestId('browse-count');
  const items = page.getByTestId('browse-list').locator('li');
  await expect(items).toHaveCount(DECK.length);

  await page.getByTestId('browse-search').fill('缩放');
  // Wait for the filter to apply before counting what it kept.
  await expect.poll(() => items.count()).toBeLessThan(DECK.length);
  const zhHits = await items.count();
  expect(zhHits).toBeGreaterThan(0);
  await page.getByTestId('browse-search-lang').selectOption('en');
  await expect(items).toHaveCount(0);
  await page.getByTestId('browse-search-lang').selectOption('zh');
  await expect(items).toHaveCount(zhHits);

  await page.getByRole('button', { name: en.study.browse.clear }).click();
  await page.getByTestId('browse-topic').selectOption('15');
  await page.getByTestId('browse-kind').selectOption('cloze');
  const expected = DECK.filter((c) => c.topic === 15 && c.kind === 'cloze').map((c) => c.id);
  await expect(items).toHaveCount(expected.length);
  await expect(count).toContainText(`of ${DECK.length}`);
  await items.first().getByRole('link').click();
  await expect(study.card).toHaveAttribute('data-card-id', expected[0]);

  // Drill: a question against the clock, reveal with Space, self-grade with a key.
  await study.openTab('drill');
  await page.getByTestId('drill-start').click();
  const drillCard = page.getByTestId('drill-card');
  await expect(drillCard.getByRole('timer')).toBeVisible();
  const drilled = (await drillCard.getAttribute('data-card-id'))!;
  await page.keyboard.press('Space');
  await expect(drillCard.getByTestId('study-answer')).toContainText(cardById(drilled)!.answer.en);
  await page.keyboard.press('4');
  await expect.poll(async () => (await study.progress()).reviews.map((r) => [r.cardId, r.grade, r.source])).toEqual([[drilled, 'easy', 'drill']]);
  await expect(drillCard).not.toHaveAttribute('data-card-id', drilled);
});
