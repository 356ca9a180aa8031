// End-to-end tests against the *built* app served by `vite preview` on 127.0.0.1:4173.
// Two projects run every spec: `webgpu` (SwiftShader through --enable-unsafe-webgpu) and
// `cpu-fallback` (no flag, so no adapter). Specs read the mode from the `gpuMode` fixture.
// Browser: $CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own (scripts/chromium.mjs).
// ATTENTION_LAB_PREBUILT=1 skips the build (npm test has just built); ATTENTION_LAB_PORT
// moves the server off 4173 when another run holds it; ATTENTION_LAB_DIST builds and serves
// another folder than dist/ (so parallel runs don't overwrite each other's build); each dist
// folder has its own test-results/<dist>/, since Playwright empties its output folder on start.
import { defineConfig } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import type { GpuModeOptions } from './e2e/fixtures/test';

const port = Number(process.env.ATTENTION_LAB_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const browser = findChromium();
const dist = process.env.ATTENTION_LAB_DIST ?? 'dist';
const serve = `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`;
const buildCmd = `npx vite build --outDir ${dist} --emptyOutDir`;

export default defineConfig<object, GpuModeOptions>({
  testDir: 'e2e',
  outputDir: `test-results/${dist}`,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  // SwiftShader emulates the GPU on the CPU: generous limits everywhere.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // A backstop for a hung run, not a speed target: a busy 2-core machine takes ~8 min.
  globalTimeout: 30 * 60_000,
  use: {
    baseURL,
    locale: 'en-US',
    navigationTimeout: 45_000,
    actionTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'webgpu',
      use: {
        browserName: 'chromium',
        gpuMode: 'webgpu',
        launchOptions: {
          executablePath: browser.executablePath,
          args: [...BASE_CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
        },
      },
    },
    {
      name: 'cpu-fallback',
      // Specs whose behaviour cannot depend on the engine run in the webgpu project only: routing,
      // CSP, the Study view, the language switch and the colour scheme (markup and text), and the
      // Train view's axe pass (the CPU-trained view is the same markup; a11y.spec checks #/train here).
      // Single tests of other specs that run in one project only declare it with onlyIn()
      // (e2e/fixtures/test.ts), which skips them, with the reason, before a page is opened.
      testIgnore: [
        '**/routing.spec.ts',
        '**/csp.spec.ts',
        '**/study.spec.ts',
        '**/study-a11y.spec.ts',
        '**/study-data.spec.ts',
        '**/study-tabs.spec.ts',
        '**/language.spec.ts',
        '**/color-scheme.spec.ts',
        '**/train-view-a11y.spec.ts',
      ],
      use: {
        browserName: 'chromium',
        gpuMode: 'cpu-fallback',
        launchOptions: { executablePath: browser.executablePath, args: BASE_CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: process.env.ATTENTION_LAB_PREBUILT ? serve : `${buildCmd} && ${serve}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
