// Where the end-to-end tests get Chromium from, in this order:
//   1. $CHROMIUM_PATH            (any Chromium or Chrome binary you point at)
//   2. /usr/bin/chromium         (Debian/Ubuntu package `chromium`)
//   3. Playwright's own download (`npx playwright install chromium`)
// Shared by playwright.config.ts and check-browser.mjs so both agree.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags every test browser gets; the webgpu project adds --enable-unsafe-webgpu. */
export const BASE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Find a browser. `executablePath` is undefined when Playwright should use its own build.
 * @returns {{ found: boolean, source: 'env' | 'system' | 'playwright' | 'none', executablePath?: string, problem?: string }}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (existsSync(fromEnv)) return { found: true, source: 'env', executablePath: fromEnv };
    return { found: false, source: 'none', problem: `CHROMIUM_PATH is set to ${fromEnv}, but no file is there.` };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { found: true, source: 'system', executablePath: SYSTEM_CHROMIUM };
  const own = playwrightChromium();
  if (own) return { found: true, source: 'playwright' };
  return { found: false, source: 'none', problem: 'No Chromium found.' };
}
