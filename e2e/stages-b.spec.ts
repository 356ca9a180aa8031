// Stage panels of group B on the built app, for `the cat sat .` (→ 猫 坐 了 。): add-norm,
// ffn, encoder-stack, decoder-self-attn, cross-attn, output, decoding, complexity. One page
// per test, moving between stages through the stage list (SwiftShader compiles once a page).
import type { Locator } from '@playwright/test';
import type { StageId } from '../src/model/stageIds';
import { HIGHLIGHTS } from '../src/study/highlights';
import { expect, onlyIn, test as base } from './fixtures/test';
import { WalkthroughPage } from './fixtures/WalkthroughPage';
import { seriousViolations } from './fixtures/axe';

const test = base.extend<{ wt: WalkthroughPage }>({
  wt: async ({ app }, use) => use(new WalkthroughPage(app)),
});

const STAGES_B: StageId[] = ['add-norm', 'ffn', 'encoder-stack', 'decoder-self-attn', 'cross-attn', 'output', 'decoding', 'complexity'];

/** Every highlight of src/study/highlights.ts that lives on these stages, by stage. */
const HIGHLIGHTS_B: Record<string, string[]> = {};
for (const [id, spec] of Object.entries(HIGHLIGHTS)) if ((STAGES_B as string[]).includes(spec.stage)) (HIGHLIGHTS_B[spec.stage] ??= []).push(id);

/** Every cell of a column, after checking there is one per row (so a loop over them is never empty). */
async function columnCells(table: Locator, col: string, rows: number): Promise<string[]> {
  const cells = table.locator(`td[data-col="${col}"]`);
  await expect(cells, `${col} cells`).toHaveCount(rows);
  return cells.allTextContents();
}

const SOURCE = ['the', 'cat', 'sat', '.', '<eos>'];
const TARGET = ['<bos>', '猫', '坐', '了', '。'];

/** A number as the panels print it (a real minus sign, fixed decimals). */
const num = (s: string) => Number(s.trim().replace('−', '-'));

/** The body cells of a heatmap table, row by row, as text. */
async function tableCells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

/** Open a heatmap's table view and return its cells. */
async function openTable(wt: WalkthroughPage, testId: string): Promise<string[][]> {
  const h = wt.heatmap(testId);
  await h.tableToggle.click();
  await expect(h.table).toBeVisible();
  return tableCells(h.table);
}

function expectRowsSumToOne(rows: string[][], what: string) {
  rows.forEach((row, r) => {
    const sum = row.filter((c) => c !== 'masked').reduce((a, c) => a + num(c), 0);
    expect(Math.abs(sum - 1), `${what} row ${r} sums to ${sum}`).toBeLessThanOrEqual(1e-3 * row.length);
  });
}

test('group B stages show the model’s numbers for “the cat sat .”', onlyIn('webgpu', 'the cpu-fallback project runs the shorter check below'), async ({ wt, page }) => {
  test.setTimeout(180_000);
  const state = await wt.open('#/walkthrough/add-norm?text=the+cat+sat+.');
  expect(state.translation).toBe('猫 坐 了 。');

  // add-norm: the convention, and LayerNorm's normalized values have mean 0 and variance ≈ 1.
  await expect(page.getByTestId('addnorm-placement')).toContainText('post-norm');
  await expect(page.getByTestId('addnorm-placement')).toContainText('ε = 0.00001');
  const stats = page.getByTestId('addnorm-stats');
  await expect(stats.locator('tbody th')).toHaveText(SOURCE);
  for (const cell of await columnCells(stats, 'xhat-mean', SOURCE.length)) expect(Math.abs(num(cell))).toBeLessThanOrEqual(1e-3);
  for (const cell of await columnCells(stats, 'xhat-variance', SOURCE.length)) expect(Math.abs(num(cell) - 1)).toBeLessThanOrEqual(1e-3);
  // The residual sum is x + Sublayer(x), cell by cell (to the tables' 3 decimals).
  const [x, f, sum] = [await openTable(wt, 'addnorm-x'), await openTable(wt, 'addnorm-sub'), await openTable(wt, 'addnorm-res')];
  for (const t of [x, f, sum]) expect(t.map((row) => row.length)).toEqual(Array(SOURCE.length).fill(48));
  sum.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(num(v) - num(x[r][c]) - num(f[r][c]))).toBeLessThanOrEqual(2e-3)));
  // The decoder has three sublayers.
  await page.getByRole('radio', { name: 'Decoder', exact: true }).check();
  await expect(page.getByTestId('addnorm-sublayer').getByRole('radio')).toHaveCount(3);
  await page.getByTestId('addnorm-sublayer').getByRole('radio', { name: '2 · cross-attention' }).check();
  await expect(page.getByTestId('addnorm-sub')).toContainText('cross-attention output');

  // ffn: the zeroed hidden units, per token and overall.
  await wt.stageLink('ffn').click();
  await expect(wt.stageId).toHaveText('ffn');
  const zeroed = page.getByTestId('ffn-zeroed');
  const perToken = (await zeroed.locator('tbody tr:not([data-row="all"]) td[data-col="zero"]').allTextContents()).map(num);
  const total = num(await zeroed.locator('tr[data-row="all"] td[data-col="zero"]').innerText());
  expect(total).toBeGreaterThan(0);
  expect(perToken.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.getByTestId('ffn-zeroed-summary')).toContainText(`ReLU set ${total} of the 960 hidden values to exactly 0`);

  // encoder-stack: every layer × head of the three blocks; a thumbnail opens its head.
  await wt.stageLink('encoder-stack').click();
  await expect(page.locator('[data-testid^="modelview-"][data-testid$="-svg"]')).toHaveCount(3 * 2 * 4);
  await page.getByTestId('modelview-cross-1-2').click();
  await expect(wt.stageId).toHaveText('cross-attn');
  await expect(page.getByRole('combobox', { name: 'Head', exact: true })).toHaveValue('2');
  expect(await wt.app.hash()).toContain('layer=1');

  // cross-attn: a table per layer and head, target rows × source columns, rows summing to 1.
  for (let l = 0; l < 2; l++) {
    for (let h = 0; h < 4; h++) {
      const id = `cross-${l}-${h}`;
      const rows = await openTable(wt, id);
      const table = wt.heatmap(id).table;
      await expect(table.locator('tbody th')).toHaveText(TARGET);
      await expect(table.locator('thead th')).toHaveText(SOURCE);
      expect(rows.flat()).not.toContain('masked'); // no causal mask in cross-attention
      expectRowsSumToOne(rows, id);
    }
  }

  // decoder-self-attn: zeros (masked) above the diagonal, rows summing to 1.
  await wt.stageLink('decoder-self-attn').click();
  const dec = await openTable(wt, 'decself-weights');
  expect(dec.map((row) => row.length)).toEqual(Array(TARGET.length).fill(TARGET.length));
  dec.forEach((row, r) =>
    row.forEach((v, c) => {
      if (c > r) expect(v, `(${r}, ${c})`).toBe('masked');
      else expect(v).toMatch(/^\d\.\d{3}$/);
    }),
  );
  expectRowsSumToOne(dec, 'decoder self-attention');
  for (const v of await columnCells(page.getByTestId('decself-check'), 'future', TARGET.length)) expect(v).toBe('0.000');
  for (const v of await columnCells(page.getByTestId('decself-check'), 'sum', TARGET.length)) expect(v).toBe('1.000');

  // output: top-k at every position, 猫 first at position 0; temperature recomputes the bars.
  await wt.stageLink('output').click();
  const firstRow = page.getByTestId('output-topk').locator('tbody tr').first();
  await expect(firstRow.locator('td[data-token]').first()).toHaveAttribute('data-token', '猫');
  await expect(page.getByTestId('output-bars')).toContainText('recorded probabilities');
  await page.getByTestId('output-tau').fill('10');
  await expect(page.getByTestId('output-tau-value')).toHaveText('τ = 0.50');
  await expect(page.getByTestId('output-bars')).toContainText('recomputed at τ = 0.50');

  // decoding: step through to 。 and <eos>, with the buttons and then the keyboard.
  await wt.stageLink('decoding').click();
  const chosen = page.getByTestId('decoding-chosen');
  await expect(chosen).toHaveText('猫');
  for (const token of ['坐', '了', '。', '<eos>']) {
    await page.getByTestId('decoding-next').click();
    await expect(chosen).toHaveText(token);
  }
  await expect(page.getByTestId('decoding-next')).toBeDisabled();
  await expect(page.getByTestId('decoding-step')).toHaveText('step 5 of 5');
  await expect(page.getByTestId('decoding-kv')).toContainText('(4, 5, 12)');
  await page.getByTestId('decoding-slider').focus();
  await page.keyboard.press('Home');
  await expect(chosen).toHaveText('猫');
  await page.keyboard.press('ArrowRight');
  await expect(chosen).toHaveText('坐');
  await expect(wt.stageId).toHaveText('decoding'); // the slider kept the arrow key
  await expect(page.getByTestId('decoding-tf-summary')).toContainText('5 of 5 positions pick the same token');

  // complexity: the chart with this sentence's n marked, and the log scale.
  await wt.stageLink('complexity').click();
  const chart = page.getByTestId('complexity-chart');
  await expect(chart.locator('svg')).toContainText('n = 5 (this sentence)');
  await expect(chart.locator('svg')).toContainText('n = 2D + F = 288');
  await page.getByTestId('complexity-log').check();
  await expect(chart.locator('svg')).toContainText('n = 5 (this sentence)');

  // Every highlight a study card can ask of these stages is shown, labelled.
  expect(Object.keys(HIGHLIGHTS_B).length, 'highlights on group B stages').toBeGreaterThan(0);
  for (const [stage, ids] of Object.entries(HIGHLIGHTS_B)) {
    for (const id of ids) {
      await page.evaluate((h) => (window.location.hash = h), `#/walkthrough/${stage}?text=the+cat+sat+.&highlight=${id}`);
      await expect(wt.stageId).toHaveText(stage);
      const on = wt.stagePanel.locator('[data-highlighted="true"]');
      await expect(on, `${stage} ${id}`).toHaveCount(1);
      await expect(on).toContainText('From your study card');
    }
  }

  // The alignment the issue names: while writing 昨天, the decoder looks at “yesterday”.
  await page.evaluate(() => (window.location.hash = '#/walkthrough/cross-attn?text=i+ate+the+apple+yesterday+.&layer=1&head=1'));
  await wt.waitForResult('i ate the apple yesterday .');
  const row = page.getByTestId('cross-align').locator('tbody tr').nth(1);
  await expect(row.locator('td').nth(0)).toHaveText('昨天');
  await expect(row.locator('td').nth(1)).toHaveText('yesterday');
});

test('axe finds no serious problems on these stages, in Chinese', onlyIn('webgpu', 'one engine is enough for markup'), async ({ wt, page }) => {
  test.setTimeout(180_000);
  await wt.open('#/walkthrough/add-norm?text=the+cat+sat+.', { lang: 'zh' });
  for (const stage of STAGES_B) {
    await wt.stageLink(stage).click();
    await expect(wt.stageId).toHaveText(stage);
    await expect(wt.stagePanel.locator('figure, table').first()).toBeVisible();
    expect(await seriousViolations(page, { include: '[data-testid="stage-panel"]' }), stage).toEqual([]);
  }
});

test('cpu fallback: output and decoding show the same translation step by step', onlyIn('cpu-fallback', 'the webgpu project runs the full check above'), async ({ wt, page }) => {
  const state = await wt.open('#/walkthrough/output?text=the+cat+sat+.');
  expect(state.engine).toBe('cpu');
  await expect(page.getByTestId('output-topk').locator('tbody tr').first().locator('td[data-token]').first()).toHaveAttribute('data-token', '猫');
  await wt.stageLink('decoding').click();
  await page.getByTestId('decoding-slider').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('decoding-chosen')).toHaveText('<eos>');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('decoding-chosen')).toHaveText('。');
});
