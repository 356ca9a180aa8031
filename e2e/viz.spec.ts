// The views of src/viz in a real browser, outside the app: the gallery (bench/viz-gallery,
// fixed data) is built into a temporary folder and served here under the app's CSP. The views
// do not touch the GPU, so this runs in the cpu-fallback project only.
import type { Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { expect, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';

// One worker builds and serves the gallery; its tests run one after another.
test.describe.configure({ mode: 'default' });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

let server: Server | undefined;
let outDir = '';
let origin = '';

test.beforeAll(async ({ gpuMode }) => {
  if (gpuMode !== 'cpu-fallback') return;
  test.setTimeout(240_000);
  outDir = await mkdtemp(join(tmpdir(), 'viz-gallery-'));
  const configFile = fileURLToPath(new URL('../bench/viz-gallery/vite.config.ts', import.meta.url));
  await build({ configFile, build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(outDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(outDir + sep)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

// Decided before any test's page is opened (a skip in beforeEach comes after it).
test.skip(({ gpuMode }) => gpuMode !== 'cpu-fallback', 'the views do not use the GPU: one project is enough');

/** Opens the gallery; the returned list collects console errors and requests leaving it. */
async function openGallery(page: Page, lang: 'en' | 'zh' = 'en'): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request: ${url}`);
  });
  await page.goto(`${origin}/?lang=${lang}`);
  await expect(page.getByTestId('weights-svg')).toBeVisible();
  return problems;
}

const svgTexts = (page: Page, testId: string) => page.getByTestId(`${testId}-svg`).locator('text').allTextContents();

test('heatmap: token labels, axis titles, the colour range in numbers, masked cells hatched', async ({ page }) => {
  const problems = await openGallery(page);
  const texts = await svgTexts(page, 'weights');
  for (const t of ['<bos>', '猫', '坐', '了', 'query', 'key', 'attention weight', 'values 0.05 … 1', 'outlined: highlighted'])
    expect(texts).toContain(t);
  // 6 masked cells (the strict upper triangle of 4 × 4) and the legend's swatch use the hatch.
  await expect(page.getByTestId('weights-svg').locator('rect[fill^="url(#viz-hatch"]')).toHaveCount(7);

  // Signed scores: symmetric diverging domain; the padded column's −1e9 is not in the range.
  const scores = await svgTexts(page, 'scores');
  expect(scores).toContain('values −2.31 … 3.05');
  expect(scores).toEqual(expect.arrayContaining(['−3.05', '0', '3.05']));
  expect(scores.join(' ')).not.toMatch(/e9|1e\+9|−1e/);
  expect(problems).toEqual([]);
});

for (const lang of ['en', 'zh'] as const) {
  test(`heatmap: the Table toggle shows the same numbers (${lang})`, async ({ page }) => {
    const problems = await openGallery(page, lang);
    const figure = page.getByTestId('weights');
    const toggle = figure.getByRole('button', { name: lang === 'en' ? 'Table' : '表格', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const table = page.getByTestId('weights-table');
    await expect(table.locator('caption')).toHaveText(lang === 'en' ? 'Decoder self-attention weights' : '解码器自注意力权重');
    await expect(table.locator('th[scope="col"]')).toHaveText(['<bos>', '猫', '坐', '了']);
    await expect(table.locator('th[scope="row"]')).toHaveText(['<bos>', '猫', '坐', '了']);
    await expect(table.locator('tbody tr').nth(1).locator('td')).toHaveText(
      lang === 'en' ? ['0.250', '0.750', 'masked', 'masked'] : ['0.250', '0.750', '已屏蔽', '已屏蔽'],
    );
    await expect(page.getByTestId('weights-svg')).toHaveCount(0);
    await toggle.click();
    await expect(page.getByTestId('weights-svg')).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('heatmap: the hover tooltip stays inside a narrow viewport', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 700 });
  const problems = await openGallery(page);
  const lastCell = page.getByTestId('weights-svg').locator('g[shape-rendering="crispEdges"] rect').nth(15); // (3, 3)
  await lastCell.scrollIntoViewIfNeeded();
  await lastCell.hover();
  const tooltip = page.getByTestId('weights-tooltip');
  await expect(tooltip).toContainText('0.300');
  const box = (await tooltip.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(420);
  expect(problems).toEqual([]);
});

test('heatmap: 24 × 192 draws every cell, thins the column labels, keeps every header in the table', async ({ page }) => {
  const problems = await openGallery(page);
  const svg = page.getByTestId('wide-svg');
  await expect(svg.locator('g[shape-rendering="crispEdges"] rect')).toHaveCount(24 * 192);
  const labels = await svg.locator('text').allTextContents();
  expect(labels.filter((t) => /^\d+$/.test(t)).length).toBeLessThan(24 + 192);
  await page.getByTestId('wide').getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByTestId('wide-table').locator('th[scope="col"]')).toHaveCount(192);
  expect(problems).toEqual([]);
});

test('export: a standalone SVG with the hatch and labels, and a PNG at twice its size', async ({ page }) => {
  const problems = await openGallery(page);
  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('weights').getByRole('button', { name: 'Download SVG' }).click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toBe('dec.0.self.weights-h1.svg');
  const svg = await readFile(await svgFile.path(), 'utf8');
  expect(svg).toMatch(/^<\?xml[^>]+\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const part of ['<pattern id="viz-hatch', '&lt;bos&gt;', '>猫<', '>Decoder self-attention weights<', 'Noto Sans CJK SC'])
    expect(svg).toContain(part);
  const [, width, height] = svg.match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!.map(Number);

  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('weights').getByRole('button', { name: 'Download PNG' }).click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toBe('dec.0.self.weights-h1.png');
  const png = await readFile(await pngFile.path());
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
  expect(problems).toEqual([]);
});

test('compact thumbnails are buttons named by the caller', async ({ page }) => {
  const problems = await openGallery(page);
  await page.getByRole('button', { name: 'Layer 0, head 2', exact: true }).click();
  await expect(page.getByTestId('gallery-status')).toHaveText('thumb 2');
  expect(problems).toEqual([]);
});

test('formula: KaTeX typesets with its bundled fonts under the CSP; bad TeX shows its source', async ({ page }) => {
  const problems = await openGallery(page);
  await expect(page.getByTestId('formula-inline').locator('.katex math')).toHaveCount(1);
  await expect(page.getByTestId('formula-display').locator('.katex-display')).toBeVisible();
  await expect(page.getByTestId('formula-invalid').locator('code')).toHaveText('\\frac{1}{');
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  });
  expect(loaded).toContain('KaTeX_Main');
  expect(problems).toEqual([]); // no CSP violation, no request outside the page's origin
});

test('line and bar charts: summaries, log scale, chosen token in words, sampled table', async ({ page }) => {
  const problems = await openGallery(page);
  const loss = page.getByTestId('loss-svg');
  await expect(loss).toHaveAttribute('aria-label', /train: 12000 points, last .* at step 12000/);
  // 12000 points are drawn from at most four per pixel column of a plot under 1000 px.
  const d = (await loss.locator('path').first().getAttribute('d'))!;
  expect(d.split('L').length).toBeLessThan(4000);
  expect(await svgTexts(page, 'loss')).toEqual(expect.arrayContaining(['warm-up ends', 'step', 'loss', 'train', 'validation']));
  expect((await svgTexts(page, 'lr')).join(' ')).toMatch(/e−4|e−5/);

  await page.getByTestId('loss').getByRole('button', { name: 'Table', exact: true }).click();
  const table = page.getByTestId('loss-table');
  await expect(table.locator('caption')).toContainText('train: one point in');
  expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(61 + 30);

  expect(await svgTexts(page, 'topk')).toContain('87.3% ✓ chosen');
  await page.getByTestId('topk').getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByTestId('topk-table').locator('tbody tr').first()).toContainText('0.873');
  expect(problems).toEqual([]);
});

for (const lang of ['en', 'zh'] as const) {
  test(`axe: the views, as pictures and as tables (${lang})`, async ({ page }) => {
    const problems = await openGallery(page, lang);
    expect(await seriousViolations(page)).toEqual([]);
    for (const id of ['weights', 'loss', 'topk', 'strip'])
      await page.getByTestId(id).getByRole('button', { name: lang === 'en' ? 'Table' : '表格', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
}
