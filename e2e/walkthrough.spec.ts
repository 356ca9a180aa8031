// The walkthrough on the built app: typing a sentence, its tokens and translation, every stage
// through the keyboard, URLs that restore the view, both languages, bad input, and the GPU vs
// CPU comparison. Each test reuses one page (SwiftShader compiles every kernel once per page).
import { en } from '../src/i18n/en';
import { STAGE_IDS } from '../src/model/stageIds';
import { title as scoresTitle } from '../src/ui/stages/scores/content';
import { explain as tokensExplain, title as tokensTitle } from '../src/ui/stages/tokens/content';
import { COMPUTE_TIMEOUT, expect, onlyIn, test as base } from './fixtures/test';
import { WalkthroughPage } from './fixtures/WalkthroughPage';

const test = base.extend<{ wt: WalkthroughPage }>({
  wt: async ({ app }, use) => use(new WalkthroughPage(app)),
});

test('type a sentence, see its tokens and translation, and step through every stage with →', async ({ wt, page, gpuMode }) => {
  await wt.app.goto('#/walkthrough/overview?text=');
  // An empty box disables translating and says why.
  await expect(wt.sentence()).toHaveValue('');
  await expect(wt.runButton).toBeDisabled();
  await expect(wt.emptyHint).toBeVisible();

  const state = await wt.type('the cat sat .');
  expect(state.translation).toBe('猫 坐 了 。');
  expect(state.engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu');
  await expect(wt.runButton).toBeEnabled();
  await expect(wt.sourceTokens).toHaveText(['the', 'cat', 'sat', '.', '<eos>']);
  await expect(wt.translationText).toHaveText('猫 坐 了 。');
  await expect(page.getByTestId('reference-message')).toBeVisible();
  expect(await wt.app.hash()).toBe('#/walkthrough/overview?text=the+cat+sat+.');

  await wt.focusStage();
  for (const [i, id] of STAGE_IDS.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(wt.stageId, `stage ${i}`).toHaveText(id);
    await expect(wt.stageLink(id)).toHaveAttribute('aria-current', 'step');
    await expect(wt.stageFormula.locator('.katex').first()).toBeVisible();
    // Every panel shows numbers: a heatmap, or a table of values.
    await expect(wt.stagePanel.locator('figure, table').first()).toBeVisible();
    await expect(wt.stagePanel.getByRole('alert')).toHaveCount(0);
    expect(await wt.app.hash()).toBe(`#/walkthrough/${id}?text=the+cat+sat+.`);
  }
  // → on the last stage stays there; ← goes back; typing in the box does not change stages.
  await page.keyboard.press('ArrowRight');
  await expect(wt.stageId).toHaveText('complexity');
  await page.keyboard.press('ArrowLeft');
  await expect(wt.stageId).toHaveText('decoding');
  await wt.sentence().press('ArrowLeft');
  await expect(wt.stageId).toHaveText('decoding');
  // Stage changes are history entries.
  await page.goBack();
  await expect(wt.stageId).toHaveText('complexity');
});

test('a stage URL with text, layer, head and side restores the view, pickers keep the URL in step', async ({ wt, page, gpuMode }) => {
  await wt.open('#/walkthrough/scores?text=i+ate+the+apple+yesterday+.&layer=1&head=2&side=dec');
  await expect(wt.stageTitle).toHaveText(scoresTitle.en);
  await expect(wt.sentence()).toHaveValue('i ate the apple yesterday .');
  await expect(wt.translationText).toHaveText('我 昨天 吃 了 苹果 。');
  await expect(page.getByRole('radio', { name: 'Decoder', exact: true })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Layer', exact: true })).toHaveValue('1');
  await expect(page.getByRole('combobox', { name: 'Head', exact: true })).toHaveValue('2');

  await page.getByRole('combobox', { name: 'Head', exact: true }).selectOption('3');
  await expect.poll(() => wt.app.hash()).toContain('head=3');
  await page.reload();
  await wt.waitForResult('i ate the apple yesterday .');
  await expect(page.getByRole('combobox', { name: 'Head', exact: true })).toHaveValue('3');
  await expect(page.getByRole('radio', { name: 'Decoder', exact: true })).toBeChecked();

  // A focused cell says how its value was computed, with the query and key vectors.
  await wt.heatmap('scores-scaled').figure.locator('.viz-heatmap__grid').focus();
  await page.keyboard.press('ArrowDown');
  const tip = wt.heatmap('scores-scaled').figure.getByRole('tooltip');
  await expect(tip).toContainText('query “我” q = [');
  await expect(tip).toContainText(/q·k \/ √12 = −?\d+\.\d{3} \/ 3\.464 = −?\d+\.\d{3}/);

  // The table view labels its rows with the decoder's tokens, values to 3 decimals.
  const raw = wt.heatmap('scores-raw');
  await raw.tableToggle.click();
  await expect(raw.table.locator('tbody th[scope="row"]')).toHaveText(['<bos>', '我', '昨天', '吃', '了', '苹果', '。']);
  await expect(raw.table.locator('thead th')).toHaveText(['<bos>', '我', '昨天', '吃', '了', '苹果', '。']);
  await expect(raw.table.locator('tbody td').first()).toHaveText(/^−?-?\d+\.\d{3}$/);

  // Where the numbers came from: the kernel, its source, and the engines' agreement.
  await expect(wt.whereFrom.locator('[data-kernel="matmul"]')).toContainText('matmul.wgsl');
  await wt.whereFrom.getByText('View shader matmul.wgsl').click();
  await expect(wt.whereFrom.locator('pre.shader__code')).toContainText('@compute');
  const diff = await wt.maxEngineDiff();
  if (gpuMode === 'webgpu') {
    expect(diff?.sameEngine).toBe(false);
    expect(diff!.maxRel).toBeLessThan(1e-4);
    await expect(wt.engineDiff).toContainText('max |GPU − CPU| =');
    await expect(wt.engineDiff).toHaveAttribute('data-max-abs', /^\d/);
    expect(Number(await wt.engineDiff.getAttribute('data-max-abs'))).toBeLessThan(1e-3);
  } else {
    expect(diff).toMatchObject({ sameEngine: true, maxAbs: 0 });
    await expect(wt.engineDiff).toContainText('Only the CPU engine computed this sentence');
  }
});

test('the language switch changes the stage texts and the sentence box keeps its name', onlyIn('webgpu', 'does not depend on the engine: the webgpu project runs it'), async ({ wt, page }) => {
  await wt.open('#/walkthrough/tokens');
  await expect(wt.stageTitle).toHaveText(tokensTitle.en);
  await expect(wt.stageExplain).toContainText(tokensExplain.what.en);
  await wt.app.switchLanguage('zh');
  await expect(wt.stageTitle).toHaveText(tokensTitle.zh);
  await expect(wt.stageExplain).toContainText(tokensExplain.what.zh);
  await expect(wt.sentence('zh')).toHaveValue('the cat sat .');
  await expect(page.getByTestId('tokens-source').locator('caption')).toHaveText('编码器输入：源词元及其编号');
});

test('unknown words, markup and over-long input are handled visibly', onlyIn('webgpu', 'does not depend on the engine: the webgpu project runs it'), async ({ wt, page }) => {
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await wt.open('#/walkthrough/tokens?text=the+zebra+sat+.');
  await expect(wt.unknownMessage).toContainText('“zebra”');
  await expect(wt.unknownMessage).toContainText('<unk>');
  await expect(wt.sourceTokens.nth(1)).toContainText('<unk>');
  await expect(page.getByTestId('tokens-source').locator('tr.row--unk')).toHaveCount(1);

  const markup = '<img src=x onerror=alert(1)>';
  await wt.type(markup);
  await expect(wt.sentence()).toHaveValue(markup);
  // The typed characters appear as text, token by token; nothing is parsed as HTML.
  await expect(page.getByTestId('tokens-source').locator('tbody tr').first().locator('td').nth(1)).toHaveText('<');
  await expect(wt.unknownMessage).toContainText('“onerror”');
  await expect(page.locator('main img')).toHaveCount(0);

  const long = Array.from({ length: 3 }, () => 'the big dog drank the water at home last night').join(' ') + ' .';
  const state = await wt.type(long);
  await expect(wt.truncatedMessage).toContainText('cut to the first 23 words');
  await expect(wt.sentence()).toHaveValue(long); // the user's text stays in the box
  expect(state.sourceTokens).toHaveLength(24);
});

test('a heatmap keeps working by keyboard when the sentence gets shorter', onlyIn('webgpu', 'the heatmap’s keyboard cursor does not depend on the engine: the webgpu project runs it'), async ({ wt, page }) => {
  // The heatmap stays mounted across sentences; its remembered cursor must follow the new size.
  await wt.open('#/walkthrough/scores?text=did+the+big+dog+drink+the+water+at+home+last+night+%3F');
  const grid = wt.stagePanel.locator('.viz-heatmap__grid').first();
  const live = wt.stagePanel.locator('[aria-live="polite"]').first();
  await grid.focus();
  await page.keyboard.press('Control+End'); // the last cell of a 12 × 12 map
  await page.keyboard.press('ArrowUp');
  await expect(live).toContainText('query ?, key <eos>'); // row 10 of 12
  await wt.type('the cat sat .'); // 5 × 5 now
  await grid.focus();
  await page.keyboard.press('ArrowUp');
  // Row 10 is gone: clamped to the new last cell, then one row up.
  await expect(live).toContainText('query ., key <eos>');
  await expect(page.getByText(en.crash.title)).toHaveCount(0);
  await expect(grid).toBeVisible();
});

test('a lost GPU device recomputes the sentence on the CPU', onlyIn('webgpu', 'needs a WebGPU device to lose'), async ({ wt, app }) => {
  await wt.open('#/walkthrough/softmax?text=i+ate+the+apple+yesterday+.');
  expect((await wt.state()).engine).toBe('webgpu');
  expect(await app.destroyDevice()).toBe(true);
  await expect(app.failureBanner).toBeVisible();
  await expect.poll(async () => (await wt.state()).engine, { timeout: COMPUTE_TIMEOUT }).toBe('cpu');
  await expect(wt.translationText).toHaveText('我 昨天 吃 了 苹果 。');
  await expect(wt.stagePanel.locator('figure').first()).toBeVisible();
  await expect(wt.engineDiff).toContainText('Only the CPU engine computed this sentence');
});

test('a study card link shows its highlight and the way back to the card', onlyIn('webgpu', 'does not depend on the engine: the webgpu project runs it'), async ({ wt, page }) => {
  await wt.open('#/walkthrough/scores?highlight=sqrt-dk&from=study&card=c15-why-scale');
  await expect(page.getByTestId('back-to-card')).toHaveAttribute('href', '#/study?card=c15-why-scale');
  await expect(page.getByTestId('scores-spread')).toHaveAttribute('data-highlighted', 'true');
  await page.getByTestId('study-this').click();
  await expect(page.locator('a[data-card="c15-why-scale"]')).toHaveAttribute('href', '#/study?card=c15-why-scale');
  // Moving on drops the highlight (it belongs to this stage) but keeps the way back.
  await page.getByTestId('stage-next').click();
  await expect(wt.stageId).toHaveText('mask');
  expect(await wt.app.hash()).not.toContain('highlight=');
  await expect(page.getByTestId('back-to-card')).toBeVisible();
});
