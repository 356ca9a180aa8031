#!/usr/bin/env node
// Screenshots of the built app (run `npm run build` first):
//   node scripts/screenshot.mjs [hash] [out.png] [--lang=en|zh] [--width=1280] [--height=800]
//                               [--no-webgpu] [--lose-device] [--focus-skip-link] [--dist=dist]
//                               [--scroll-to=<data-testid>]
// Defaults: '#/walkthrough/overview' → docs/screenshot.png, English, 1280×800, WebGPU on.
// Serves dist/ (or --dist=<folder>) with `vite preview` on a free port next to 4173 while it works.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const [hash = '#/walkthrough/overview', out = 'docs/screenshot.png'] = args.filter((a) => !a.startsWith('--'));
const lang = flag('lang', 'en');
const dist = flag('dist', 'dist');
const width = Number(flag('width', 1280));
const height = Number(flag('height', 800));
const webgpu = !args.includes('--no-webgpu');
const loseDevice = args.includes('--lose-device');
const focusSkipLink = args.includes('--focus-skip-link');
const port = Number(process.env.ATTENTION_LAB_SCREENSHOT_PORT ?? 4183);

const browserInfo = findChromium();
if (!browserInfo.found) {
  console.error(`screenshot: ${browserInfo.problem} Run node scripts/check-browser.mjs for help.`);
  process.exit(1);
}

// Vite's own entry under this Node (not npx), so kill() stops the server itself.
const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const server = spawn(process.execPath, [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}/`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      if (i > 100) throw new Error(`screenshot: vite preview did not answer on ${base}`);
    }
    await sleep(200);
  }
  const browser = await chromium.launch({
    executablePath: browserInfo.executablePath,
    args: webgpu ? [...BASE_CHROMIUM_ARGS, '--enable-unsafe-webgpu'] : BASE_CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width, height }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.goto(`${base}?test=1&lang=${lang}${hash}`);
  await page.waitForFunction(() => window.__attentionLab !== undefined);
  await page.evaluate(() => window.__attentionLab.waitForGpu());
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (hash.startsWith('#/walkthrough')) {
    // The stage panels come with the walkthrough's code; wait until its sentence is computed.
    await page.waitForFunction(() => typeof window.__attentionLab?.waitForWalkthrough === 'function');
    await page.evaluate(() => window.__attentionLab.waitForWalkthrough());
  }
  const scrollTo = flag('scroll-to', '');
  if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
  if (loseDevice) {
    await page.evaluate(() => window.__attentionLab.destroyDevice());
    await page.getByTestId('gpu-failure').waitFor();
  }
  if (focusSkipLink) await page.keyboard.press('Tab');
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`screenshot: ${out} (${width}×${height}, ${lang}${webgpu ? '' : ', no WebGPU'})`);
} finally {
  server.kill();
}
