// The progress file: a broken or foreign file is refused with a translated message and
// progress stays as it was; an export imports back after a reset; reset asks first.
import { readFile } from 'node:fs/promises';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { importErrorMessage, PROGRESS_FORMAT } from '../src/study';
import { expect, test } from './fixtures/studyTest';
import type { StudyPage } from './fixtures/StudyPage';

/** Grades the first two queue cards with the keyboard, so there is progress to protect. */
async function makeProgress(study: StudyPage) {
  await study.goto();
  for (const grade of ['good', 'hard'] as const) {
    await study.revealWithKeyboard();
    await study.gradeWithKeyboard(grade);
  }
  const snap = await study.progress();
  expect(snap.reviews).toHaveLength(2);
  return snap;
}

function file(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

test('a broken progress file is refused with a message, and progress is untouched', async ({ study, page }) => {
  const before = await makeProgress(study);
  await study.openTab('progress');
  const input = page.getByTestId('import-progress');
  const refused = page.getByTestId('import-refused');

  // Cut off half-way: not JSON.
  await input.setInputFiles(file('progress.json', `{"format": "${PROGRESS_FORMAT}", "cards": [{"cardId": "a1-co`));
  await expect(refused).toContainText(importErrorMessage({ code: 'not-json', params: {} }, 'en'));
  await expect(refused).toContainText(en.study.data.untouched);
  expect(await study.progress()).toEqual(before);

  // Valid JSON, but a damaged record: nothing is written, even in replace mode.
  await page.getByRole('radio', { name: en.study.data.replace }).check();
  const damaged = {
    format: PROGRESS_FORMAT,
    exportedAt: Date.now(),
    settings: { newPerDay: 20, drillSeconds: 60 },
    cards: [{ ...before.cards[0], due: 'tomorrow' }],
    reviews: [],
  };
  await input.setInputFiles(file('damaged.json', JSON.stringify(damaged)));
  await expect(refused).toContainText('damaged.json');
  await expect(refused).toContainText('cards[0].due');
  expect(await study.progress()).toEqual(before);

  // Someone else's file, in Chinese.
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await input.setInputFiles(file('anki.json', JSON.stringify({ format: 'anki/deck@2', cards: [] })));
  await expect(refused).toContainText(importErrorMessage({ code: 'foreign-format', params: { found: 'anki/deck@2' } }, 'zh'));
  await expect(refused).toContainText(zh.study.data.untouched);
  expect(await study.progress()).toEqual(before);

  await page.reload();
  const reloaded = await study.waitForStudy();
  expect(reloaded.cards).toEqual(before.cards);
  expect(reloaded.reviews).toEqual(before.reviews);
});

test('export, reset (after confirming) and import bring the same progress back', async ({ study, page }) => {
  const before = await makeProgress(study);
  await study.openTab('progress');
  await expect(page.getByTestId('stat-reviewed')).toHaveText('2');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-progress').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const exported = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(exported).format).toBe(PROGRESS_FORMAT);

  // Reset asks first; Cancel keeps everything.
  await page.getByRole('button', { name: en.study.data.reset }).click();
  await page.getByRole('button', { name: en.study.data.confirmNo }).click();
  await expect(page.getByRole('button', { name: en.study.data.reset })).toBeFocused();
  expect((await study.progress()).reviews).toHaveLength(2);
  await page.getByRole('button', { name: en.study.data.reset }).click();
  await expect(page.getByRole('group', { name: /Delete the progress of 2 cards and 2 reviews/ })).toBeVisible();
  await page.getByTestId('confirm-reset').click();
  await expect.poll(async () => (await study.progress()).reviews.length).toBe(0);
  await expect(page.getByTestId('stat-reviewed')).toHaveText('0');

  await page.getByTestId('import-progress').setInputFiles(file(download.suggestedFilename(), exported));
  await expect(page.getByTestId('data-outcome')).toContainText('Imported progress for 2 cards and 2 reviews.');
  const after = await study.progress();
  expect(after.cards).toEqual(before.cards);
  expect(after.reviews).toEqual(before.reviews);
  await expect(page.getByTestId('stat-reviewed')).toHaveText('2');
});

test('the daily new-card limit is a setting that the queue follows', async ({ study, page }) => {
  await study.goto('?tab=progress');
  await page.getByTestId('new-per-day').fill('3');
  await page.getByRole('button', { name: en.study.settings.save }).click();
  await expect(page.getByTestId('stat-new')).toHaveText('3');
  await study.openTab('review');
  await expect(page.getByTestId('count-new')).toHaveText('3');
  for (let i = 0; i < 3; i++) {
    await study.revealWithKeyboard();
    await study.gradeWithKeyboard('good');
  }
  // Three new cards met today: the queue is done until something comes due.
  await expect(page.getByTestId('review-done')).toBeVisible();
  await expect(page.getByTestId('review-done')).toContainText('10 min');
  await page.reload();
  await study.waitForStudy();
  await expect(page.getByTestId('count-new')).toHaveText('0');
  expect((await study.progress()).settings).toMatchObject({ newPerDay: 3 });
});
