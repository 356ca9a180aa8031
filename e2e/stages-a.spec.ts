// Stage panels of group A on the built app, for `the cat sat .`: the overview's blocks open
// their stages; positional shows maxLen × D; qkv states S = 5 and draws the layer's own
// weights; concat draws W_O; add-norm's γ and β reproduce the recorded output; the mask stage
// hatches the decoder's upper triangle; every attention-weights table of these stages has rows summing to
// 1, and the decoder's has nothing but masked cells (weight 0) above the diagonal.
// One page per test: stages change through the URL hash, so the sentence is computed once.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parseCheckpoint } from '../src/model/checkpoint';
import { expect, onlyIn, test as base } from './fixtures/test';
import { WalkthroughPage } from './fixtures/WalkthroughPage';

const SHIPPED = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));

const test = base.extend<{ wt: WalkthroughPage }>({
  wt: async ({ app }, use) => use(new WalkthroughPage(app)),
});

const TEXT = 'text=the+cat+sat+.';
const SOURCE = ['the', 'cat', 'sat', '.', '<eos>'];
const TARGET = ['<bos>', '猫', '坐', '了', '。'];

/** Change stage/pickers in the same page (no reload, no recomputation) and wait for the stage. */
async function go(wt: WalkthroughPage, stage: string, params = ''): Promise<void> {
  await wt.page.evaluate((h) => (window.location.hash = h), `#/walkthrough/${stage}?${TEXT}${params}`);
  await expect(wt.stageId).toHaveText(stage);
}

/** A heatmap's numbers through its Table view: null for a masked cell. */
async function tableOf(wt: WalkthroughPage, testId: string): Promise<{ rows: string[]; cols: string[]; values: (number | null)[][] }> {
  const h = wt.heatmap(testId);
  if (!(await h.table.isVisible())) await h.tableToggle.click();
  await expect(h.table).toBeVisible();
  return h.table.evaluate((table) => {
    const text = (el: Element) => (el.textContent ?? '').trim();
    const rows = [...table.querySelectorAll('tbody tr')];
    return {
      cols: [...table.querySelectorAll('thead th')].map(text),
      rows: rows.map((tr) => text(tr.querySelector('th')!)),
      values: rows.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => (td.classList.contains('viz-table__masked') ? null : Number(text(td).replace('−', '-')))),
      ),
    };
  });
}

/**
 * Rows of attention weights: each sums to 1 within 1e-3 (masked cells count as 0). The table
 * rounds to 3 decimals, so each shown cell may be off by half a unit in the last place.
 */
function expectRowsSumToOne(values: (number | null)[][], what: string): void {
  for (const [r, row] of values.entries()) {
    const sum = row.reduce<number>((s, v) => s + (v ?? 0), 0);
    const rounding = row.filter((v) => v !== null).length * 5e-4;
    expect(Math.abs(sum - 1), `${what}: row ${r} sums to ${sum}`).toBeLessThanOrEqual(1e-3 + rounding);
    for (const v of row) if (v !== null) expect(v, `${what}: row ${r}`).toBeGreaterThanOrEqual(0);
  }
}

/** Masked exactly above the diagonal (keys after the query), numbers elsewhere. */
function expectCausal(values: (number | null)[][], what: string): void {
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (c > r) expect(v, `${what} (${r}, ${c}) above the diagonal`).toBeNull();
      else expect(v, `${what} (${r}, ${c}) on or below the diagonal`).not.toBeNull();
    }),
  );
}

async function columnOf(table: Locator, index: number): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((trs, i) => trs.map((tr) => (tr.children[i]?.textContent ?? '').trim()), index);
}

async function openOverview(wt: WalkthroughPage, page: Page): Promise<void> {
  await wt.open(`#/walkthrough/overview?${TEXT}`);
  await expect(wt.translationText).toHaveText('猫 坐 了 。');
  await expect(page.getByTestId('overview-diagram')).toBeVisible();
}

test('group A stages show the numbers their issue asks for', onlyIn('webgpu', 'the CPU fallback has its own, shorter check below'), async ({ wt, page }) => {
  await openOverview(wt, page);
  expect((await wt.state()).engine).toBe('webgpu');

  // Overview: blocks are buttons that open their stages (with the block's side), and the
  // family brackets dim what a family does not keep.
  const diagram = page.getByTestId('overview-diagram');
  await expect(diagram.locator('[data-block="enc-input"]')).toContainText('the');
  // Parameters block by block, from the model's own parameter list: 142,530 in all.
  const blocks = page.getByTestId('overview-parameters');
  await expect(blocks.locator('caption')).toContainText('142,530');
  await expect(blocks.locator('[data-block="encoder/self-attention"] td').first()).toHaveText('9,408'); // 4(48² + 48)
  await expect(blocks.locator('[data-block="decoder/ffn"] td').nth(1)).toHaveText('2');
  const totals = await blocks.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.children[3].textContent!.replace(/,/g, ''))));
  expect(totals.reduce((a, b) => a + b, 0)).toBe(142_530);
  for (const [block, stage, side] of [
    ['enc-pos', 'positional', 'enc'],
    ['enc-self', 'qkv', 'enc'],
    ['dec-self', 'decoder-self-attn', null],
    ['dec-cross', 'cross-attn', null],
    ['dec-linear', 'output', null],
  ] as const) {
    await diagram.locator(`[data-block="${block}"]`).click();
    await expect(wt.stageId).toHaveText(stage);
    if (side) expect(await wt.app.hash()).toContain(`side=${side}`);
    await page.goBack();
    await expect(wt.stageId).toHaveText('overview');
  }
  await diagram.locator('[data-stage="encoder-stack"]').press('Enter');
  await expect(wt.stageId).toHaveText('encoder-stack');
  await page.goBack();
  await diagram.locator('[data-family="decOnly"]').click();
  await expect(diagram.locator('[data-family="decOnly"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(diagram.locator('[data-block="enc-self"]')).toHaveClass(/is-dropped/);
  await expect(diagram.locator('[data-block="dec-cross"]')).toHaveClass(/is-dropped/);
  await expect(diagram.locator('[data-block="dec-self"]')).not.toHaveClass(/is-dropped/);

  // Embedding: one row per source token, D = 48 columns, the ×√48 scale stated.
  await go(wt, 'embedding');
  await expect(page.getByTestId('embedding-scale')).toContainText('√48 ≈ 6.928');
  const embed = await tableOf(wt, 'embedding-heatmap');
  expect(embed.rows).toEqual(SOURCE);
  expect(embed.values.every((row) => row.length === 48)).toBe(true);

  // Positional: the whole sinusoid table, maxLen × D, sentence positions first.
  await go(wt, 'positional');
  const pe = await tableOf(wt, 'positional-table');
  expect(pe.values).toHaveLength(24);
  expect(pe.values.every((row) => row.length === 48)).toBe(true);
  expect(pe.rows.slice(0, 6)).toEqual(['0 the', '1 cat', '2 sat', '3 .', '4 <eos>', '5']);
  expect(pe.values[0].slice(0, 2)).toEqual([0, 1]); // sin 0, cos 0

  // QKV: the live shape line for S = 5 (4 tokens + <eos>).
  await go(wt, 'qkv');
  await expect(page.getByTestId('qkv-shape')).toContainText('Q: (S=5, D=48) → 4 heads × (5, 12)');
  const q = await tableOf(wt, 'qkv-q');
  expect(q.values).toHaveLength(5);
  expect(q.values[0]).toHaveLength(12);
  // The layer's own W_Q (48 × 48, from the checkpoint) and its biases; b_K has no gradient.
  const wq = await tableOf(wt, 'qkv-w-q');
  expect(wq.values).toHaveLength(48);
  expect(wq.values.every((row) => row.length === 48)).toBe(true);
  // The very values of the shipped checkpoint (the table shows three decimals).
  const shippedWq = SHIPPED.weights.get('enc.0.attn.wq.weight')!;
  const wqError = Math.max(...wq.values.flat().map((v, i) => Math.abs((v ?? NaN) - shippedWq[i])));
  expect(wqError).toBeLessThanOrEqual(5e-4 + 1e-6);
  const keyBias = (await page.getByTestId('qkv-bias-note').textContent()) ?? '';
  expect(Number(/\|b_K\| = ([\d.]+)/.exec(keyBias)?.[1])).toBeLessThan(0.01);

  // Mask, decoder: the upper triangle is masked in the scores and in the causal mask.
  await go(wt, 'mask', '&side=dec');
  const masked = await tableOf(wt, 'mask-heatmap');
  expect(masked.rows).toEqual(TARGET);
  expectCausal(masked.values, 'decoder masked scores');
  expectCausal((await tableOf(wt, 'mask-causal')).values, 'causal mask');
  // The encoder masks nothing in a single sentence.
  await go(wt, 'mask', '&side=enc');
  expect((await tableOf(wt, 'mask-heatmap')).values.flat()).not.toContain(null);

  // Softmax: rows sum to 1 on both sides; the decoder puts weight 0 on masked keys.
  for (const side of ['enc', 'dec'] as const) {
    await go(wt, 'softmax', `&side=${side}&layer=1&head=2`);
    const weights = await tableOf(wt, 'softmax-weights');
    expectRowsSumToOne(weights.values, `softmax ${side}`);
    const rowsTable = page.getByTestId('softmax-rows');
    expect(await columnOf(rowsTable, 1)).toEqual(Array(5).fill('1.000'));
    expect(await columnOf(rowsTable, 2)).toEqual(Array(5).fill('0.000'));
    if (side === 'dec') expectCausal(weights.values, 'decoder weights');
  }

  // Weighted sum: the weights it uses sum to 1 per row; the picked query's output is taken apart.
  await go(wt, 'weighted-sum', '&side=dec');
  expectRowsSumToOne((await tableOf(wt, 'weighted-weights')).values, 'weighted-sum weights');
  await page.getByTestId('weighted-query').selectOption('3');
  await expect(page.getByTestId('weighted-contrib')).toContainText('了');
  expect((await tableOf(wt, 'weighted-contrib')).values[4].every((v) => v === null)).toBe(true); // 。 comes after 了

  // Heads: all four heads of the layer, each a weights table with rows summing to 1.
  for (const side of ['enc', 'dec'] as const) {
    await go(wt, 'heads', `&side=${side}`);
    for (let h = 0; h < 4; h++) {
      const t = await tableOf(wt, `heads-${h}`);
      expectRowsSumToOne(t.values, `heads ${side} ${h}`);
      if (side === 'dec') expectCausal(t.values, `heads dec ${h}`);
      await expect(page.getByTestId(`heads-pattern-${h}`)).not.toBeEmpty();
    }
  }

  // Concat: T × D with columns named by head, then W_O.
  await go(wt, 'concat', '&head=1');
  const concat = await tableOf(wt, 'concat-heads');
  expect(concat.cols.slice(11, 13)).toEqual(['0·11', '1·0']);
  expect(concat.values).toHaveLength(SOURCE.length);
  expect(concat.values.every((row) => row.length === 48)).toBe(true);
  await expect(page.getByTestId('concat-out')).toBeVisible();
  const wo = await tableOf(wt, 'concat-wo-weights');
  expect(wo.values).toHaveLength(48);
  expect(wo.values.every((row) => row.length === 48)).toBe(true);

  // Add & Norm: the checkpoint's γ and β, and γ·x̂ + β reproduces the recorded LayerNorm output.
  await go(wt, 'add-norm');
  const affine = await tableOf(wt, 'addnorm-affine');
  expect(affine.rows).toEqual(['γ', 'β']);
  expect(affine.values.every((row) => row.length === 48)).toBe(true);
  const check = (await page.getByTestId('addnorm-affine-check').textContent()) ?? '';
  expect(Number(/within ([0-9.]+(?:e[+-]?\d+)?)/.exec(check)?.[1])).toBeLessThan(1e-4);
});

test('on the CPU fallback the same stages draw the same shapes and sums', onlyIn('cpu-fallback', 'the WebGPU run has the full check above'), async ({ wt, page }) => {
  await openOverview(wt, page);
  expect((await wt.state()).engine).toBe('cpu');
  await go(wt, 'qkv');
  await expect(page.getByTestId('qkv-shape')).toContainText('Q: (S=5, D=48) → 4 heads × (5, 12)');
  await go(wt, 'softmax', '&side=dec');
  const weights = await tableOf(wt, 'softmax-weights');
  expectRowsSumToOne(weights.values, 'softmax dec (cpu)');
  expectCausal(weights.values, 'softmax dec (cpu)');
});
