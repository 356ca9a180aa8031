// Benchmark runner: node bench/run.mjs <name> [--reps=N] [--keep-open] [--node]
//
// --node (kernels and train): the same benchmark in Node on Dawn, no browser (bench/node.ts,
// loaded through Vite's server-side module loader).
//
// Builds bench/<name>/index.html with Vite (production build, so timings are realistic),
// serves it on http://127.0.0.1, opens it in Chromium through Playwright with WebGPU
// enabled, waits for the page to finish and writes bench/results/<name>.json.
//
// Page contract (any bench/<name>/ page can plug in):
//   - the page sets window.__bench = { status: 'running' } while it works, then either
//     { status: 'done', result } (result: any JSON) or { status: 'error', error: string };
//   - query parameters given to the runner (--key=value) are passed to the page as ?key=value;
//   - optional bench/<name>/report.mjs exporting report(result) prints a summary.
// A bench/<name>/run.mjs exporting run({ root, query, flags, executablePath }) replaces all of
// this (bench:ui measures the built app itself).
// Chromium: the tests' one (scripts/chromium.mjs: $CHROMIUM_PATH, /usr/bin/chromium or
// Playwright's own). Timeout: BENCH_TIMEOUT_MS (default 20 min).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, createServer, preview } from 'vite';
import { chromium } from '@playwright/test'; // playwright itself is not a declared dependency
import { BASE_CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLAGS = [...BASE_CHROMIUM_ARGS, '--enable-unsafe-webgpu'];

function parseArgs(argv) {
  const [name, ...rest] = argv;
  if (!name || name.startsWith('-')) throw new Error('usage: node bench/run.mjs <name> [--key=value …]');
  const query = new URLSearchParams();
  let keepOpen = false;
  for (const a of rest) {
    if (a === '--keep-open') keepOpen = true;
    else if (a.startsWith('--')) {
      const [k, v = '1'] = a.slice(2).split('=');
      query.set(k, v);
    }
  }
  return { name, query, keepOpen };
}

async function buildPage(name) {
  const page = join(root, 'bench', name, 'index.html');
  if (!existsSync(page)) throw new Error(`no benchmark page at bench/${name}/index.html`);
  const outDir = join(root, 'node_modules', '.cache', 'bench', name);
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input: { [name]: page } } },
  });
  return outDir;
}

/**
 * The Node front end (bench/node.ts): loaded through Vite's server-side module loader, so `?raw`
 * shaders and TensorFlow.js's ES modules resolve as in the pages. Same options, same result format.
 */
async function runInNode(argv) {
  const server = await createServer({
    root,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    ssr: { noExternal: [/^@tensorflow\//] },
  });
  let ok;
  try {
    ok = await (await server.ssrLoadModule('/bench/node.ts')).main(argv.filter((a) => a !== '--node'));
  } finally {
    await server.close();
  }
  process.exit(ok ? 0 : 1); // Dawn's instance would keep the process alive
}

async function main() {
  if (process.argv.includes('--node')) return void (await runInNode(process.argv.slice(2)));
  const { name, query, keepOpen } = parseArgs(process.argv.slice(2));
  const browserInfo = findChromium();
  if (!browserInfo.found) throw new Error(`${browserInfo.problem} Run node scripts/check-browser.mjs to install one.`);
  const { executablePath } = browserInfo;
  // A benchmark that drives the real app rather than a page of its own brings its own runner.
  const own = join(root, 'bench', name, 'run.mjs');
  if (existsSync(own)) {
    const ok = await (await import(pathToFileURL(own).href)).run({ root, query, flags: FLAGS, executablePath });
    process.exit(ok ? 0 : 1);
  }
  console.log(`bench ${name}: building…`);
  const outDir = await buildPage(name);
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${address.port}/bench/${name}/index.html${query.size ? `?${query}` : ''}`;
  const browser = await chromium.launch({ executablePath, args: FLAGS, headless: !keepOpen });
  let failed = false;
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    console.log(`bench ${name}: ${url}`);
    const startLoad = loadavg();
    await page.goto(url);
    const timeout = Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000);
    await page.waitForFunction(() => ['done', 'error'].includes(window.__bench?.status), null, { timeout, polling: 500 });
    const state = await page.evaluate(() => window.__bench);
    if (state.status === 'error') throw new Error(`the page reported: ${state.error}`);
    // How busy the machine was: timings on a shared machine are only as good as this.
    state.result.machine = { cpus: cpus().length, loadAverage: { start: startLoad, end: loadavg() } };
    const resultsDir = join(root, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${name}.json`);
    writeFileSync(file, `${JSON.stringify(state.result, null, 2)}\n`);
    const reporter = join(root, 'bench', name, 'report.mjs');
    if (existsSync(reporter)) (await import(pathToFileURL(reporter).href)).report(state.result);
    console.log(`\nwrote ${file}`);
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed: ${e instanceof Error ? e.message : e}`);
  } finally {
    if (!keepOpen) await browser.close();
    await new Promise((r) => server.httpServer.close(r));
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
