// The three model families in the walkthrough and the "Compare families" view: the family switch
// (keyboard, URL, stage lists, stand-ins), each family's shipped model computed (GPU with the CPU
// comparison in the webgpu project), the compare view's columns, masks and parameter counts, in
// both languages, with axe.
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { FAMILY_STAGE_IDS } from '../src/model/stageIds';
import { ComparePage } from './fixtures/ComparePage';
import { expect, onlyIn, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';
import { WalkthroughPage } from './fixtures/WalkthroughPage';

test.describe.configure({ timeout: 150_000 });

test('the family switch: keyboard, URL, each family’s own stages and model', async ({ app, page, gpuMode }) => {
  // In English on WebGPU and in Chinese on the CPU: both languages, at the cost of one run.
  const lang = gpuMode === 'webgpu' ? 'en' : 'zh';
  const words = lang === 'en' ? en : zh;
  const w = new WalkthroughPage(app);
  await w.open('#/walkthrough/cross-attn?text=the+cat+sat+.', { lang });
  const group = page.getByRole('group', { name: words.families.switch.label });
  await expect(group.getByRole('radio', { name: new RegExp(words.families.name['encoder-decoder']) })).toBeChecked();

  // Arrow keys move between the radios; choosing decoder-only pushes family=decoder and a stand-in stage.
  await group.getByRole('radio', { name: new RegExp(words.families.name['encoder-decoder']) }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/family=decoder/);
  await expect(page).toHaveURL(/#\/walkthrough\/decoder-self-attn/);
  let s = await w.waitForResult();
  expect(s.resultFamily).toBe('decoder');
  expect(s.engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu');
  await expect(w.stageList.locator('a')).toHaveCount(FAMILY_STAGE_IDS.decoder.length);
  await expect(w.stageLink('cross-attn')).toHaveCount(0);
  await expect(w.sourceTokens.first()).toHaveText('<bos>');
  await expect(w.sourceTokens.last()).toHaveText('<sep>');
  // One causal square over prompt and continuation.
  await expect(page.getByTestId('decself-one-square')).toBeVisible();
  await expect(page.getByTestId('decself-cross')).toHaveCount(0);
  if (gpuMode === 'webgpu') expect((await w.maxEngineDiff())!.maxAbs).toBeLessThan(1e-3);

  // Encoder-only: the sentence takes <mask>, the fill-mask stage shows the top words.
  await w.open('#/walkthrough/fill-mask?family=encoder&text=the+%3Cmask%3E+sat+.', { lang });
  s = await w.state();
  expect(s.resultFamily).toBe('encoder');
  expect(s.fills).toHaveLength(1);
  await expect(page.getByTestId('fill-mask-bars-1')).toBeVisible();
  await expect(page.getByTestId('sentence-mask-hint')).toBeVisible();
  await expect(w.stageLink('decoder-self-attn')).toHaveCount(0);
  // A link to a stage this family lacks shows its stand-in and says so.
  await page.goto(`/?test=1&lang=${lang}#/walkthrough/cross-attn?family=encoder&text=the+%3Cmask%3E+sat+.`);
  await w.waitForResult();
  await expect(w.stageId).toHaveText('encoder-stack');
  await expect(page.getByTestId('stand-in-note')).toBeVisible();
  // ← → step through the encoder-only list.
  await page.goto(`/?test=1&lang=${lang}#/walkthrough/ffn?family=encoder&text=the+%3Cmask%3E+sat+.`);
  expect(await app.language()).toBe(lang);
  await w.waitForResult();
  await w.focusStage();
  await page.keyboard.press('ArrowRight');
  await expect(w.stageId).toHaveText('encoder-stack');
  await page.keyboard.press('ArrowRight');
  await expect(w.stageId).toHaveText('fill-mask');
  expect(await seriousViolations(page)).toEqual([]);
});

for (const lang of ['en', 'zh'] as const) {
  // One language per engine keeps the suite short: English on WebGPU, Chinese on the CPU.
  test(`compare families (${lang}): three columns, masks drawn, parameter counts, a masked word, with axe`, onlyIn(lang === 'en' ? 'webgpu' : 'cpu-fallback', 'the other language runs in the other project'), async ({ app, page, gpuMode }) => {
    const words = lang === 'en' ? en.families : zh.families;
    // From the walkthrough: its link carries the sentence (and the switch speaks the language).
    const w = new WalkthroughPage(app);
    await w.open('#/walkthrough/overview?family=decoder&text=the+cat+sat+.', { lang });
    const group = page.getByRole('group', { name: words.switch.label });
    await expect(group.getByRole('radio', { name: new RegExp(words.name.decoder) })).toBeChecked();
    await expect(page.getByTestId('overview-diagram')).toHaveAttribute('data-family', 'decOnly');
    await page.getByTestId('compare-link').click();
    await expect(page).toHaveURL(/#\/compare\?text=the\+cat\+sat\+\./);
    const c = new ComparePage(app);
    const s = await c.waitForResults();
    await expect(app.heading).toHaveText(words.compare.title);
    expect(s['encoder-decoder'].output).toBeTruthy();
    expect(s.decoder.resultText).toBe('the cat sat .');
    expect(s.encoder.resultText).toBe('the <mask> sat .');
    expect(s.encoder.fills).toHaveLength(1);
    for (const f of ['encoder-decoder', 'decoder', 'encoder'] as const) {
      expect(s[f].engine).toBe(gpuMode === 'webgpu' ? 'webgpu' : 'cpu');
      if (gpuMode === 'webgpu') expect(s[f].maxAbsDiff!).toBeLessThan(1e-3);
      await expect(c.heatmap(f)).toBeVisible();
      await expect(page.getByTestId(`compare-params-${f}`)).toHaveAttribute('data-total', /^\d+$/);
    }
    // The masks each family uses: causal in the decoders, bidirectional in the encoders, and its table.
    await expect(c.mask('decoder', 'dec-self')).toBeVisible();
    await expect(c.mask('encoder', 'enc-self')).toBeVisible();
    await expect(c.mask('encoder', 'dec-self')).toHaveCount(0);
    await expect(c.mask('encoder-decoder', 'cross')).toBeVisible();
    await page.getByTestId('compare-mask-decoder-dec-self-table-toggle').click();
    await expect(page.getByTestId('compare-mask-decoder-dec-self-table')).toBeVisible();

    // Another masked word and another head, kept in the URL.
    await c.maskWord.selectOption('2');
    await expect(page).toHaveURL(/mask=2/);
    const again = await c.waitForResults();
    expect(again.encoder.resultText).toBe('the cat <mask> .');
    await page.getByTestId('compare-head-decoder').selectOption('1');
    await expect(page).toHaveURL(/dec-head=1/);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(c.column('decoder').getByTestId('compare-open-decoder')).toHaveAttribute('href', /family=decoder/);
  });
}

test('a predict card is seen in the compare view: its sentence, masked word and column, and the way back', onlyIn('webgpu', 'links only: the engine does not matter'), async ({ app, page }) => {
  await app.goto('#/study?card=g43-predict-fill');
  const card = page.getByTestId('study-card');
  await card.getByRole('textbox', { name: en.study.predict.label }).fill('a noun that can sit');
  await expect(card.getByTestId('show-me')).toHaveText(en.families.study.showMe);
  await card.getByTestId('run-experiment').click();
  await expect(page).toHaveURL(/#\/compare\?text=the\+cat\+sat\+\.&mask=1&focus=encoder/);
  await expect(page.getByTestId('compare-col-encoder')).toHaveAttribute('data-focused', 'true');
  await expect(page.getByTestId('compare-mask-word')).toHaveValue('1');
  await page.getByTestId('back-to-card').click();
  await expect(page).toHaveURL(/#\/study\?card=g43-predict-fill/);
  await expect(page.getByTestId('study-card').getByRole('textbox', { name: en.study.predict.label })).toHaveValue('a noun that can sit');
});
