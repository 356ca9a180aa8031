// npm run bench:ui — what a user feels, measured on the built app in headless Chromium:
//   - time from navigation to the first attention heatmap drawn with the shipped checkpoint
//     (median of several cold page loads), and to the GPU's result replacing the CPU preview;
//   - time to switch stage (→ key to the next stage's panel drawn), median;
//   - gzipped size of the JavaScript: all chunks, and the chunks the first walkthrough screen
//     actually loads (from the page's resource timing; the checkpoint is reported apart);
//   - the Train view in the page: steps/s and tokens/s on WebGPU and in the CPU worker, the
//     longest main-thread task during 20 s of training, and steps to 90% validation exact match.
// Writes bench/results/ui.json. Numbers are reported, never asserted.
// --only=cpu-train measures just the Train view in the CPU worker (default settings),
// --runs=N times for --seconds=S each (median), without the steps to 90%; it writes
// bench/results/ui-cpu-train.json instead.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test'; // playwright itself is not a declared dependency

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

/** Raw and gzipped bytes of every built .js file (by path under dir), and the checkpoint's. */
function jsSize(dir) {
  const files = {};
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.js')) {
        const b = readFileSync(p);
        files[relative(dir, p)] = { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
      }
    }
  };
  walk(join(dir, 'assets'));
  const sum = (k) => Object.values(files).reduce((a, f) => a + f[k], 0) / 1024;
  const ckpt = readFileSync(join(dir, 'checkpoints', 'en-zh-toy.json'));
  return {
    files,
    sizes: { jsKB: sum('raw'), jsGzipKB: sum('gzip'), checkpointKB: ckpt.length / 1024, checkpointGzipKB: gzipSync(ckpt).length / 1024 },
  };
}

/** The built .js files a page has fetched so far (resource timing), with their sizes. */
async function loadedJs(page, base, files) {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const loaded = [...new Set(urls.map((u) => new URL(u).pathname.slice(new URL(base).pathname.length).replace(/^\//, '')))]
    .filter((p) => p.endsWith('.js') && files[p])
    .sort();
  const kb = (k) => loaded.reduce((a, p) => a + files[p][k], 0) / 1024;
  return { jsKB: kb('raw'), jsGzipKB: kb('gzip'), files: loaded.map((p) => ({ file: p, gzipKB: Math.round(files[p].gzip / 102.4) / 10 })) };
}

/** Navigation → first attention heatmap, and → the GPU's result, in one fresh page. */
async function firstHeatmap(browser, base, files) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__uiBench = {};
    new MutationObserver(() => {
      // The softmax stage's attention-weights heatmap (any heatmap svg with cells).
      const svg = document.querySelector('[data-testid$="-svg"] rect, [data-testid$="-svg"] path');
      if (svg && !window.__uiBench.firstHeatmap) window.__uiBench.firstHeatmap = performance.now();
      const onGpu = document.querySelector('[data-testid="engine"][data-engine="webgpu"]');
      if (onGpu && !window.__uiBench.gpu) window.__uiBench.gpu = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(`${base}/?test=1#/walkthrough/softmax?text=the+cat+sat+.`);
  await page.waitForFunction(() => window.__uiBench.firstHeatmap, null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => window.__uiBench);
  return { page, firstHeatmapMs: r.firstHeatmap, gpuResultMs: r.gpu ?? null, js: await loadedJs(page, base, files) };
}

/**
 * JavaScript a fresh page loads for one view, once it is drawn: the bare address (the
 * walkthrough's overview), the Train view, and the Study view with a card's answer shown
 * (answers typeset formulas, so KaTeX loads).
 */
const VIEWS = {
  landing: { hash: '', ready: () => document.querySelector('[data-testid="stage-panel"]')?.childElementCount },
  train: { hash: '#/train', ready: () => window.__attentionLab?.training },
  study: { hash: '#/study', ready: () => document.querySelector('[data-testid="study-card"], [data-testid="review-card"]'), reveal: true },
};

async function viewJs(browser, base, files, view) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/?test=1${view.hash}`);
  await page.waitForFunction(view.ready, null, { timeout: 60_000 });
  if (view.reveal) await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  const js = await loadedJs(page, base, files);
  await ctx.close();
  return js;
}

/** → key (a real key press) to the next stage's panel drawn, over a walk through every stage. */
async function stageSwitches(page) {
  await page.evaluate(() => {
    window.addEventListener('keydown', () => (window.__keyAt = performance.now()), { capture: true });
    document.activeElement?.blur?.();
  });
  const times = [];
  for (let i = 0; i < 18; i++) {
    const before = await page.evaluate(() => document.querySelector('[data-testid="stage"]')?.getAttribute('data-stage'));
    await page.keyboard.press('ArrowRight');
    const ms = await page.evaluate(
      (prev) =>
        new Promise((resolve) => {
          const deadline = performance.now() + 10_000;
          const check = () => {
            const now = document.querySelector('[data-testid="stage"]')?.getAttribute('data-stage');
            const drawn = document.querySelector('[data-testid="stage-panel"]')?.childElementCount;
            if (now && now !== prev && drawn) requestAnimationFrame(() => resolve(performance.now() - window.__keyAt));
            else if (performance.now() > deadline) resolve(null);
            else requestAnimationFrame(check);
          };
          check();
        }),
      before,
    );
    if (ms === null) throw new Error(`stage switch from ${before} did not happen`);
    times.push(ms);
  }
  return times;
}

/** Train view steps/s in the CPU worker only: `runs` fresh pages, `seconds` each, median. */
async function cpuTrainOnly(browser, base, runs, seconds) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(`${base}/?test=1#/train`);
    await page.waitForFunction(() => window.__attentionLab?.training, null, { timeout: 60_000 });
    const r = await page.evaluate((s) => window.__attentionLab.training.bench(s), seconds);
    const workers = await page.evaluate(() => document.querySelector('[data-testid="train-engine"]')?.getAttribute('data-workers') ?? null);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.close();
    console.log(`bench ui: cpu train run ${i}: ${r.stepsPerSec.toFixed(2)} steps/s, longest task ${r.longestTaskMs} ms, workers ${workers}`);
    samples.push({ ...r, workers: workers === null || workers === '' ? null : Number(workers), cores });
  }
  return {
    label: 'cpu-worker',
    seconds,
    runs,
    stepsPerSec: median(samples.map((r) => r.stepsPerSec)),
    tokensPerSec: median(samples.map((r) => r.tokensPerSec)),
    longestTaskMs: Math.max(...samples.map((r) => r.longestTaskMs ?? 0)),
    longTasks: samples.reduce((a, r) => a + r.longTasks, 0),
    samples: samples.map((r) => ({ stepsPerSec: r.stepsPerSec, steps: r.steps, workers: r.workers, cores: r.cores, longestTaskMs: r.longestTaskMs })),
  };
}

async function trainView(browser, base, files, label) {
  const page = await browser.newPage();
  await page.goto(`${base}/?test=1#/train`);
  await page.waitForFunction(() => window.__attentionLab?.training, null, { timeout: 60_000 });
  // Each engine by name (the Train view's Auto would measure both and take the faster one).
  if (label === 'webgpu') await page.evaluate(() => window.__attentionLab.training.preferEngine('webgpu'));
  const bench = await page.evaluate(() => window.__attentionLab.training.bench(20));
  await page.evaluate(() => window.__attentionLab.training.reset());
  const toEM = await page.evaluate(() => window.__attentionLab.training.benchToExactMatch(0.9, 600));
  const js = await loadedJs(page, base, files); // the view, its training code and any worker
  await page.close();
  return { label, ...bench, stepsTo90ValidExactMatch: toEM, jsGzipKB: js.jsGzipKB, jsFiles: js.files };
}

export async function run({ root, query, flags, executablePath }) {
  const outDir = join(root, 'node_modules', '.cache', 'bench', 'ui-app');
  console.log('bench ui: building the app…');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const { files, sizes } = jsSize(outDir);
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const base = `http://127.0.0.1:${server.httpServer.address().port}`;
  console.log('bench ui: serving', base);
  const reps = Number(query.get('reps') ?? 5);
  const withTrain = query.get('train') !== '0';
  if (query.get('only') === 'cpu-train') {
    const browser = await chromium.launch({ executablePath, args: flags.filter((f) => f !== '--enable-unsafe-webgpu') });
    try {
      const r = await cpuTrainOnly(browser, base, Number(query.get('runs') ?? 3), Number(query.get('seconds') ?? 20));
      r.loadAverage = (await import('node:os')).loadavg();
      mkdirSync(join(root, 'bench', 'results'), { recursive: true });
      writeFileSync(join(root, 'bench', 'results', 'ui-cpu-train.json'), `${JSON.stringify(r, null, 2)}\n`);
      console.log(`Train view cpu-worker ${r.stepsPerSec.toFixed(2)} steps/s median of ${r.runs} (${r.samples.map((x) => x.stepsPerSec.toFixed(2)).join(' ')}), longest task ${r.longestTaskMs} ms`);
      return true;
    } finally {
      await browser.close();
      server.httpServer.closeAllConnections?.();
      await new Promise((r) => server.httpServer.close(r));
    }
  }
  const result = { adapter: null, sizes, firstScreen: null, walkthrough: {}, trainView: {} };
  const browsers = [];
  const launch = async (args) => {
    const b = await chromium.launch({ executablePath, args });
    browsers.push(b);
    return b;
  };
  try {
    const gpuBrowser = await launch(flags);
    const loads = [];
    let page = null;
    for (let i = 0; i < reps; i++) {
      const ctx = await gpuBrowser.newContext();
      const r = await firstHeatmap(ctx, base, files);
      console.log('bench ui: load', i, Math.round(r.firstHeatmapMs), 'ms');
      loads.push(r);
      if (i < reps - 1) await ctx.close();
      else page = r.page;
    }
    result.adapter = await page.evaluate(() => window.__attentionLab?.gpuStatus().adapter ?? null);
    // What the first walkthrough screen loads: the bench's softmax page (first heatmap drawn,
    // then 1.5 s more), and the bare address (the overview stage).
    result.firstScreen = { softmax: loads[loads.length - 1].js };
    for (const [name, view] of Object.entries(VIEWS)) result.firstScreen[name] = await viewJs(gpuBrowser, base, files, view);
    console.log('first screen JS', result.firstScreen.softmax.files.map((f) => f.file).join(' '));
    await page.evaluate(() => (location.hash = '#/walkthrough/overview?text=the+cat+sat+.'));
    await page.waitForFunction(() => document.querySelector('[data-testid="stage"]')?.getAttribute('data-stage') === 'overview');
    const switches = await stageSwitches(page);
    result.walkthrough = {
      firstHeatmapMs: median(loads.map((l) => l.firstHeatmapMs)),
      firstHeatmapSamples: loads.map((l) => Math.round(l.firstHeatmapMs)),
      gpuResultMs: median(loads.map((l) => l.gpuResultMs).filter((x) => x !== null)),
      stageSwitchMs: median(switches),
      stageSwitchMaxMs: Math.max(...switches),
    };
    console.log('walkthrough', result.walkthrough);
    if (withTrain) {
      result.trainView.webgpu = await trainView(gpuBrowser, base, files, 'webgpu');
      console.log('train view (webgpu)', result.trainView.webgpu);
    }
    await gpuBrowser.close();
    if (withTrain) {
      const cpuBrowser = await launch(flags.filter((f) => f !== '--enable-unsafe-webgpu'));
      result.trainView.cpu = await trainView(cpuBrowser, base, files, 'cpu-worker');
      console.log('train view (cpu worker)', result.trainView.cpu);
      await cpuBrowser.close();
    }
  } catch (e) {
    console.error(`bench ui failed: ${e instanceof Error ? e.stack : e}`);
    return false;
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
    server.httpServer.closeAllConnections?.();
    await new Promise((r) => server.httpServer.close(r));
  }
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', 'ui.json');
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const f = (x, d = 0) => (typeof x === 'number' ? x.toFixed(d) : '-');
  console.log(`\nadapter ${result.adapter}`);
  console.log(`first attention heatmap   ${f(result.walkthrough.firstHeatmapMs)} ms (goal ≤ 1500; GPU result at ${f(result.walkthrough.gpuResultMs)} ms)`);
  console.log(`stage switch              ${f(result.walkthrough.stageSwitchMs)} ms median, ${f(result.walkthrough.stageSwitchMaxMs)} ms max`);
  console.log(`JavaScript, all chunks    ${f(sizes.jsGzipKB)} KB gzipped, ${f(sizes.jsKB)} KB raw (every view and the training worker together); checkpoint ${f(sizes.checkpointKB)} KB (${f(sizes.checkpointGzipKB)} KB gzipped)`);
  for (const [name, js] of Object.entries(result.firstScreen ?? {})) {
    console.log(`JavaScript a page loads  ${f(js.jsGzipKB)} KB gzipped (goal ≤ 400), ${f(js.jsKB)} KB raw, ${js.files.length} files (${name})`);
  }
  for (const t of Object.values(result.trainView)) {
    console.log(`JavaScript a page loads  ${f(t.jsGzipKB)} KB gzipped (goal ≤ 400) after training (${t.label})`);
  }
  for (const t of Object.values(result.trainView)) {
    console.log(`Train view ${t.label.padEnd(10)} ${f(t.stepsPerSec, 2)} steps/s, ${f(t.tokensPerSec)} tokens/s, longest task ${f(t.longestTaskMs)} ms (${t.longTasks} over 50 ms), 90% exact match at step ${t.stepsTo90ValidExactMatch?.step ?? '-'}`);
  }
  console.log(`\nwrote ${file}`);
  return true;
}
