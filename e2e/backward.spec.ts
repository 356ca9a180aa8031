// The Training step view on the built app: every stage in English and in Chinese through ← →
// with axe (on WebGPU: the tour does not depend on the engine); on both engines, the
// real numbers of the loss and of ∂L/∂logits, "check numerically" agreeing, ε changing the
// loss, a step applied and undone; and (the webgpu project: refusing is not the engine's) a
// refused pair named in the learner's language while the previous step stays on screen.
// Tiny pairs only: each test computes one or two steps on one page.
import type { Page } from '@playwright/test';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import type { Language } from '../src/i18n/language';
import { BACKWARD_STAGE_IDS } from '../src/model/stageIds';
import { title as lossTitle } from '../src/ui/backward/stages/loss/content';
import { COMPUTE_TIMEOUT, expect, onlyIn, test as base } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';
import { BackwardPage } from './fixtures/BackwardPage';

const test = base.extend<{ bw: BackwardPage }>({
  bw: async ({ app }, use) => use(new BackwardPage(app)),
});

const RIGHT = 'text=the+cat+sat+.';
const WRONG = `${RIGHT}&target=${encodeURIComponent('狗 坐 了 。')}`;

/** A table's body as numbers (a real minus sign read as '-'). */
async function numbers(table: ReturnType<Page['getByTestId']>): Promise<number[][]> {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number((td.textContent ?? '').trim().replace('−', '-')))),
  );
}

for (const lang of ['en', 'zh'] as Language[]) {
  test(`every stage in ${lang === 'en' ? 'English' : 'Chinese'}, stepped with ← →, axe-clean`, onlyIn('webgpu', 'the tour is markup and keys: the webgpu project runs it'), async ({ bw, page, gpuMode }) => {
    // Stages, keys and markup are the same on either engine; the CPU's numbers are checked below.
    test.setTimeout(240_000);
    const words = lang === 'en' ? en : zh;
    const state = await bw.open(`#/backward/loss?${RIGHT}`, { lang });
    expect(state.problem).toBeNull();
    expect(state.engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu');
    expect(state.resultRequest).toEqual({ text: 'the cat sat .', target: '猫 坐 了 。', smoothing: 0.1, lr: 0.001 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.views.backward.title);
    await expect(bw.target(lang)).toHaveValue('猫 坐 了 。'); // the toy grammar's translation
    await expect(bw.stageTitle).toHaveText(lang === 'en' ? lossTitle.en : lossTitle.zh);
    await expect(bw.loss).toHaveAttribute('data-loss', String(state.loss));

    await bw.focusStage();
    for (const [i, id] of BACKWARD_STAGE_IDS.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect(bw.stageId, `stage ${i}`).toHaveText(id);
      await expect(bw.stageLink(id)).toHaveAttribute('aria-current', 'step');
      await expect(bw.stageFormula.locator('.katex').first()).toBeVisible();
      await expect(bw.stagePanel.getByRole('alert')).toHaveCount(0);
      await expect(bw.forwardLink).toHaveAttribute('href', /^#\/walkthrough\/[a-z-]+\?text=the\+cat\+sat\+\./);
      expect(await bw.app.hash()).toBe(`#/backward/${id}?${RIGHT}`);
      // axe on each stage once: the odd ones in English, the even ones in Chinese (the same
      // markup with the other language's text), which keeps the suite's time down.
      if (i % 2 === (lang === 'en' ? 1 : 0)) expect(await seriousViolations(page), `${id} in ${lang}`).toEqual([]);
    }
    // → on the last stage stays; ← goes back; arrows inside the form do not change stages.
    await page.keyboard.press('ArrowRight');
    await expect(bw.stageId).toHaveText('update');
    await page.keyboard.press('ArrowLeft');
    await expect(bw.stageId).toHaveText('embedding-grad');
    await bw.sentence(lang).press('ArrowLeft');
    await expect(bw.stageId).toHaveText('embedding-grad');
    await page.goBack(); // stage changes are history entries
    await expect(bw.stageId).toHaveText('update');

    // A word the model's Chinese vocabulary lacks: named, on its side, in this language; the
    // previous step stays.
    await bw.target(lang).fill('猫 跳舞 了 。');
    await bw.target(lang).press('Enter');
    await expect(bw.problem).toHaveAttribute('data-side', 'target');
    await expect(bw.problem).toContainText('“跳舞”');
    await expect(bw.problem).toContainText(words.backward.problem.kept);
    await expect(bw.loss).toHaveAttribute('data-loss', String(state.loss));
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the loss and ∂L/∂logits show real numbers, check numerically agrees, ε and an applied step change the loss', async ({ bw, page, gpuMode }) => {
  test.setTimeout(240_000);
  const wrong = await bw.open(`#/backward/loss?${WRONG}&from=study&card=f38-label-smoothing`);
  expect(wrong.engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu');

  // The loss per position, as recorded, and their mean = the step's loss.
  const rows = page.getByTestId('loss-rows');
  await expect(rows.locator('tbody tr')).toHaveCount(6); // T = 5 positions + the mean
  await expect(page.getByTestId('loss-mean')).toHaveAttribute('data-loss', String(wrong.loss));
  const recorded = await rows.locator('td[data-loss-row]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-loss-row'))));
  expect(recorded.reduce((a, b) => a + b, 0) / 5).toBeCloseTo(wrong.loss!, 5);
  // The worst position is 0 (狗 where the model expects 猫): p against q, shares adding up.
  await expect(page.getByTestId('loss-distribution').locator('tbody tr').first()).toContainText('狗');
  const total = Number((await page.getByTestId('loss-share-total').textContent())!.replace('−', '-'));
  expect(total).toBeCloseTo(recorded[0], 3);
  // A study card opened it: the way back, and the card under "Study this".
  await expect(page.getByTestId('back-to-card')).toHaveAttribute('href', '#/study?card=f38-label-smoothing');
  await page.getByTestId('study-this').click();
  await expect(page.locator('.study-this__panel a[data-card="f38-label-smoothing"]')).toBeVisible();

  // ∂L/∂logits: a (T, selected words) map whose table has numbers, rows summing to 0.
  await bw.stageLink('logits-grad').click();
  await expect(bw.stageId).toHaveText('logits-grad');
  const map = bw.heatmap('logits-grad');
  await map.tableToggle.click();
  const grad = await numbers(map.table);
  expect(grad).toHaveLength(5);
  expect(Math.max(...grad.flat().map(Math.abs))).toBeGreaterThan(0.01);
  const sums = await page.getByTestId('logits-grad-rowsums').locator('td[data-row-sum]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-row-sum'))));
  expect(sums).toHaveLength(5);
  for (const s of sums) expect(Math.abs(s)).toBeLessThan(1e-5);
  await expect(page.locator('[data-kernel="cross_entropy"] .where__usage')).toBeVisible();
  await expect(bw.engineDiff).toBeVisible();
  if (gpuMode === 'webgpu') expect((await bw.state()).maxEngineDiff).toBeLessThan(1e-3);

  // Check numerically: central differences on the CPU engine agree with the backward.
  await bw.checkRun.click();
  await expect(bw.checkSummary).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(bw.checkTable.locator('tbody tr')).toHaveCount(4);
  const agree = await bw.checkSummary.getAttribute('data-agree');
  expect(agree).toBe(await bw.checkSummary.getAttribute('data-total'));

  // ε from the form: 0 is plain cross-entropy, a different loss.
  await page.getByTestId('pair-eps').fill('0');
  await bw.runButton.click();
  await expect.poll(() => bw.app.hash()).toContain('eps=0');
  const plain = await bw.waitForStep();
  expect(plain.resultRequest?.smoothing).toBe(0);
  expect(plain.loss).not.toBeCloseTo(wrong.loss!, 3);

  // Apply the update: the working copy's loss on this wrong pair goes down; reset restores it.
  await page.getByTestId('apply-step').click();
  await expect(page.getByTestId('applied-steps')).toHaveAttribute('data-steps', '1');
  await expect.poll(async () => (await bw.state()).modelId, { timeout: COMPUTE_TIMEOUT }).toBe('shipped+step1');
  const stepped = await bw.waitForStep();
  expect(stepped.loss).toBeLessThan(plain.loss!);
  await page.getByTestId('reset-steps').click();
  await expect.poll(async () => (await bw.state()).modelId, { timeout: COMPUTE_TIMEOUT }).toBe('shipped');
  expect((await bw.waitForStep()).loss).toBeCloseTo(plain.loss!, 5);
});

test('an unknown English word is named and the previous step stays; the URL restores the pair', onlyIn('webgpu', 'does not depend on the engine: the webgpu project runs it'), async ({ bw, page }) => {
  // The refusal comes from the vocabulary, before any engine; the test above computes on both.
  const first = await bw.open(`#/backward/logits-grad?${RIGHT}&eps=0.2&lr=0.01`);
  expect(first.resultRequest).toEqual({ text: 'the cat sat .', target: '猫 坐 了 。', smoothing: 0.2, lr: 0.01 });
  await expect(page.getByTestId('pair-eps')).toHaveValue('0.2');
  await expect(page.getByTestId('pair-lr')).toHaveValue('0.01');
  await bw.sentence().fill('the zebra sat .');
  await expect(bw.target()).toHaveValue(''); // the toy grammar cannot translate it
  await bw.target().fill('猫 坐 了 。');
  await bw.sentence().press('Enter');
  const refused = await bw.waitForStep();
  expect(refused.problem).toBe('unknown');
  await expect(bw.problem).toHaveAttribute('data-side', 'source');
  await expect(bw.problem).toContainText('The model does not know these English words: “zebra”.');
  await expect(bw.loss).toHaveAttribute('data-loss', String(first.loss));
  await expect(bw.heatmap('logits-grad').figure).toBeVisible();
  expect(await bw.app.hash()).toContain('text=the+zebra+sat+.');
});
