// Two tabs of one browser profile share the IndexedDB progress: reviews from both survive,
// each tab sees the other's grades without a reload, and a card graded in both tabs keeps
// both reviews (the second write re-reads the first instead of overwriting it).
import { expect, test } from './fixtures/studyTest';
import { AppPage } from './fixtures/AppPage';
import { StudyPage } from './fixtures/StudyPage';

test('two tabs grade different cards and the same card; no review is lost', async ({ study, context }) => {
  const other = new StudyPage(new AppPage(await context.newPage()));
  const problems: string[] = [];
  other.page.on('pageerror', (e) => problems.push(e.message));
  other.page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  await study.goto('?card=b6-embedding');
  await other.goto('?card=c12-qkv-roles');
  await study.page.keyboard.press('Space');
  await other.page.keyboard.press('Space');
  await expect(study.answer).toBeVisible();
  await expect(other.answer).toBeVisible();

  // Both grade at the same moment.
  await Promise.all([study.page.keyboard.press('3'), other.page.keyboard.press('4')]);
  const both = [
    ['b6-embedding', 'good'],
    ['c12-qkv-roles', 'easy'],
  ];
  const reviews = async (s: StudyPage) =>
    (await s.progress()).reviews.map((r) => [r.cardId, r.grade]).sort((a, b) => a[0].localeCompare(b[0]));
  // Each tab hears about the other's write and reloads by itself.
  await expect.poll(() => reviews(study)).toEqual(both);
  await expect.poll(() => reviews(other)).toEqual(both);

  // The same card in both tabs, graded one after the other from stale screens.
  await study.goto('?card=d21-causal-mask');
  await other.goto('?card=d21-causal-mask');
  await study.page.keyboard.press('Space');
  await other.page.keyboard.press('Space');
  await study.page.keyboard.press('1');
  await expect.poll(async () => (await other.progress()).reviews.length).toBe(3);
  await other.page.keyboard.press('3');
  await expect.poll(async () => (await study.progress()).reviews.length).toBe(4);

  await study.page.reload();
  const after = await study.waitForStudy();
  expect(after.reviews.map((r) => [r.cardId, r.grade]).filter(([id]) => id === 'd21-causal-mask')).toEqual([
    ['d21-causal-mask', 'again'],
    ['d21-causal-mask', 'good'],
  ]);
  const causal = after.cards.find((c) => c.cardId === 'd21-causal-mask')!;
  // Graded twice from one record: the second review built on the first.
  expect(causal.reps).toBe(2);
  expect(after.cards.map((c) => c.cardId).sort()).toEqual(['b6-embedding', 'c12-qkv-roles', 'd21-causal-mask']);

  // The other tab's Progress shows the shared numbers without a reload.
  await other.openTab('progress');
  await expect(other.page.getByTestId('stat-reviewed')).toHaveText('4');
  expect(problems).toEqual([]);
});
