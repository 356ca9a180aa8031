#!/usr/bin/env node
// `npm test`'s first step: makes sure this machine has what the tests need, and installs it when
// it is missing, saying what it does and why (scripts/provision.mjs has the two routes).
//   node scripts/check-browser.mjs             check, install what is missing, check again
//   node scripts/check-browser.mjs --dry-run   print what it would install, install nothing
//   node scripts/check-browser.mjs --no-install (or ATTENTION_LAB_NO_INSTALL=1) check only
import { findChromium } from './chromium.mjs';
import { gatherFacts, planProvisioning, runPlan } from './provision.mjs';
import { findSwiftShaderIcd } from './swiftshader.mjs';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const noInstall = args.includes('--no-install') || process.env.ATTENTION_LAB_NO_INSTALL === '1';

const HELP = `To provide it yourself:
  - on Debian/Ubuntu, as root:  apt-get install chromium fonts-noto-cjk libvulkan1
  - anywhere else:              npx playwright install chromium
  - or point at a browser:      CHROMIUM_PATH=/path/to/chrome npm test`;

function report() {
  const browser = findChromium();
  const swiftshader = findSwiftShaderIcd();
  if (browser.found) console.log(`check-browser: Chromium: ${browser.executablePath ?? "Playwright's own"} (${browser.source})`);
  console.log(
    swiftshader
      ? `check-browser: SwiftShader for the kernel tests: ${swiftshader.icd} (${swiftshader.source})`
      : 'check-browser: no SwiftShader Vulkan driver found: the kernel tests will skip their GPU cases',
  );
  return browser;
}

const fail = (message) => {
  console.error(`check-browser: ${message}\n${HELP}`);
  process.exit(1);
};

const facts = gatherFacts();
const plan = planProvisioning(facts);
if (plan.error) fail(plan.error);

if (plan.route === 'none') {
  if (dryRun) console.log('check-browser: nothing to install');
  const browser = report();
  if (!browser.found) fail(`${browser.problem} The end-to-end tests need Chromium.`);
  process.exit(0);
}

if (noInstall && !dryRun) {
  runPlan(plan, { dryRun: true });
  const browser = report();
  if (!browser.found) fail(`${browser.problem} Installing is turned off (--no-install / ATTENTION_LAB_NO_INSTALL=1).`);
  console.log('check-browser: installing is turned off; going on with what is here.');
  process.exit(0);
}

const failure = runPlan(plan, { dryRun });
if (dryRun) process.exit(0);
const browser = report();
if (!browser.found) fail(`${failure ? `${failure}. ` : ''}Still no Chromium after trying to install one.`);
if (failure) console.warn(`check-browser: warning: ${failure}; going on with the Chromium that is here.`);
