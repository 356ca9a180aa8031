// The benchmark page (#/bench): not in the main navigation; a shortened run (the test-only
// ?size=tiny: toy shapes and model) fills the progress bar, shows the kernel and training tables
// and the adapter, and exports JSON in bench/results/'s format (the fields others read).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TINY_CASES } from '../src/bench/kernelCases';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';
import { expect, onlyIn, test } from './fixtures/test';
import { seriousViolations } from './fixtures/axe';

test.describe.configure({ timeout: 240_000 });

async function exported(page: Page, testId: string): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

test('a shortened benchmark runs on this GPU, shows its tables and exports bench/results JSON', async ({ app, page, gpuMode }) => {
  // toEMSeconds=1: the tiny model never reaches 95% (it gives up after 4 s by default); one
  // second still trains, evaluates and reports the attempt.
  await app.goto('#/bench?size=tiny&toEMSeconds=1');
  await expect(app.heading).toHaveText(en.views.bench.title);
  await expect(page.locator('.app-nav a[data-view="bench"]')).toHaveCount(0);
  await expect(page.getByTestId('bench-adapter')).not.toHaveText(en.bench.pending);
  if (gpuMode === 'cpu-fallback') await expect(page.getByTestId('bench-adapter')).toHaveText(en.bench.noAdapter);

  await page.getByRole('button', { name: en.bench.run }).click();
  const status = page.getByTestId('bench-status');
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
  await expect(page.getByTestId('bench-progress')).toHaveJSProperty('value', 1);

  // Tables: the toy kernels; ours, our CPU worker and the three TensorFlow.js backends.
  await expect(page.getByTestId('bench-kernels').locator('tbody tr')).toHaveCount(TINY_CASES.length);
  await expect(page.getByTestId('bench-train').locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('bench-steps-to-95')).toBeVisible();

  const train = await exported(page, 'bench-export-train');
  expect(train).toMatchObject({ runner: 'app', config: { dModel: 16, batch: 8 } });
  // The faster of our engines trains to 95%: the CPU worker without WebGPU.
  expect(gpuMode === 'webgpu' ? ['webgpu', 'cpu-worker'] : ['cpu-worker']).toContain((train.stepsTo95 as { engine: string }).engine);
  const backends = train.tfjsBackends as Record<string, { stepsPerSec: number | null }>;
  expect(Object.keys(backends).sort()).toEqual(['wasm', 'webgl', 'webgpu']);
  for (const b of Object.values(backends)) expect(b).toHaveProperty('stepsPerSec');
  expect(backends.wasm.stepsPerSec).toBeGreaterThan(0);
  const ours = train.ours as { stepsPerSec: number | null; dispatchesPerStep?: number };
  const cpu = train.cpu as { stepsPerSec: number; engine: string };
  expect(cpu).toMatchObject({ engine: 'cpu-worker' });
  expect(cpu.stepsPerSec).toBeGreaterThan(0);
  const stepsTo95 = train.stepsTo95 as { steps: number | null; seconds: number };
  expect(stepsTo95).toHaveProperty('steps');
  expect(stepsTo95.seconds).toBeGreaterThan(0);
  if (gpuMode === 'webgpu') {
    expect(ours.stepsPerSec).toBeGreaterThan(0);
    expect(ours.dispatchesPerStep).toBeGreaterThan(0);
    // the matmul form was measured on this adapter, and the table says which and why
    const { matmulBlocks, matmulTuning } = train.ours as { matmulBlocks: number; matmulTuning: { blocks: number; ms: Record<string, number> } };
    expect([1, 2]).toContain(matmulBlocks);
    expect(matmulTuning.blocks).toBe(matmulBlocks);
    expect(matmulTuning.ms['1']).toBeGreaterThan(0);
    expect(matmulTuning.ms['2']).toBeGreaterThan(0);
    const side = 4 * matmulBlocks;
    await expect(page.getByTestId('bench-train-matmul')).toContainText(`Matmuls: ${side} × ${side} outputs per shader invocation, chosen by timing both here on (64×16)·(16×32)`);
    await expect(page.getByTestId('bench-kernels-matmul')).toContainText('Matmuls:');
  } else {
    expect(ours.stepsPerSec).toBeNull();
    await expect(page.getByTestId('bench-kernels-matmul')).toHaveCount(0);
    await expect(page.getByTestId('bench-train-matmul')).toHaveCount(0);
  }

  expect(await seriousViolations(page)).toEqual([]);

  const kernels = await exported(page, 'bench-export-kernels');
  expect(kernels).toMatchObject({ runner: 'app' });
  if (gpuMode === 'webgpu') expect([1, 2]).toContain(kernels.matmulBlocks);
  else expect(kernels.matmulBlocks).toBeUndefined();
  const rows = kernels.rows as { kernel: string; oursMs: number | null; cpuMs: number; tfjs: Record<string, unknown> }[];
  expect(rows.map((r) => r.kernel)).toEqual(TINY_CASES.map((c) => c.kernel));
  for (const r of rows) {
    expect(Object.keys(r.tfjs).sort()).toEqual(['wasm', 'webgl', 'webgpu']);
    expect(r.cpuMs).toBeGreaterThan(0);
    if (gpuMode === 'webgpu') expect(r.oursMs).toBeGreaterThan(0);
  }
});

test('the page in Chinese, before a run: labelled choices, a run button, nothing serious for axe', onlyIn('webgpu', 'the form before a run does not depend on the engine: the webgpu project runs it'), async ({ app, page }) => {
  await app.goto('#/bench', { lang: 'zh' });
  await expect(app.heading).toHaveText(zh.views.bench.title);
  await expect(page.getByRole('group', { name: zh.bench.options.legend })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: zh.bench.options.tfjs })).toBeChecked();
  await expect(page.getByRole('button', { name: zh.bench.run })).toBeEnabled();
  await expect(page.getByTestId('bench-status')).toHaveText(zh.bench.status.idle);
  expect(await seriousViolations(page)).toEqual([]);
});
