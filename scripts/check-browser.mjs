#!/usr/bin/env node
// Fails fast, with instructions, when the end-to-end tests have no Chromium to run.
import { findChromium } from './chromium.mjs';

const result = findChromium();
if (result.found) {
  const where = result.executablePath ?? "Playwright's own Chromium";
  console.log(`check-browser: using ${where} (${result.source})`);
} else {
  console.error(`check-browser: ${result.problem}
The end-to-end tests need Chromium. Either
  - on Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
  - anywhere else:     npx playwright install chromium
  - or point at one:   CHROMIUM_PATH=/path/to/chrome npm test`);
  process.exitCode = 1;
}
