// What the tests need from the machine, and how `npm test` gets it when it is missing:
//   - a Chromium for the e2e tests (scripts/chromium.mjs says where it looks);
//   - SwiftShader, the CPU Vulkan driver Node's WebGPU uses in the kernel tests
//     (scripts/swiftshader.mjs), and a Vulkan loader;
//   - Noto CJK fonts, so Chinese renders in headless screenshots.
// Two routes:
//   - root on Debian/Ubuntu: apt-get the packages `chromium`, `fonts-noto-cjk` and `libvulkan1`
//     (those not installed yet). Should apt fail (Ubuntu has no `chromium` deb, only a snap),
//     Playwright's download with its system libraries: `npx playwright install --with-deps chromium`;
//   - anywhere else (not root, or another system): `npx playwright install chromium`, which
//     brings SwiftShader and a Vulkan loader along (the fonts stay yours to install).
// planProvisioning() is pure (facts in, steps out) so tests can check both routes;
// gatherFacts() reads this machine; runPlan() carries a plan out (or only prints it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChromium } from './chromium.mjs';
import { findSwiftShaderIcd } from './swiftshader.mjs';

export const SYSTEM_PACKAGES = ['chromium', 'fonts-noto-cjk', 'libvulkan1'];

/** ID and ID_LIKE of /etc/os-release (text given for tests). */
export function parseOsRelease(text) {
  const get = (key) => new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { id: get('ID'), idLike: get('ID_LIKE').split(/\s+/).filter(Boolean) };
}

export function isDebianLike(os) {
  return [os.id, ...os.idLike].some((x) => x === 'debian' || x === 'ubuntu');
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** This machine, as planProvisioning() needs it. */
export function gatherFacts(env = process.env) {
  let os = { id: '', idLike: [] };
  try {
    os = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    // not Linux, or a Linux without os-release: the Playwright route
  }
  const debianLike = process.platform === 'linux' && isDebianLike(os);
  const apt = debianLike && existsSync('/usr/bin/apt-get') && existsSync('/usr/bin/dpkg-query');
  return {
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    os,
    apt,
    installed: apt ? Object.fromEntries(SYSTEM_PACKAGES.map((p) => [p, dpkgInstalled(p)])) : {},
    browser: findChromium(env),
    swiftshader: findSwiftShaderIcd(env),
    chromiumPathSet: Boolean(env.CHROMIUM_PATH?.trim()),
  };
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

/**
 * What to run, and why. Each step is { why, cmd, args, env? }; `fallback` steps run only when a
 * step fails; `notes` are printed as they are; `error` means: stop, nothing to install fixes it.
 * @returns {{ route: 'none' | 'apt' | 'playwright', steps: object[], fallback: object[], notes: string[], error?: string }}
 */
export function planProvisioning(facts) {
  const plan = { route: 'none', steps: [], fallback: [], notes: [] };
  if (facts.chromiumPathSet && !facts.browser.found) {
    plan.error = `${facts.browser.problem} Fix or unset CHROMIUM_PATH; nothing is installed while it points elsewhere.`;
    return plan;
  }
  const needBrowser = !facts.browser.found;
  // Playwright's Chromium carries SwiftShader only in its Linux builds.
  const needSwiftShader = !facts.swiftshader && facts.platform === 'linux';

  if (facts.isRoot && facts.apt) {
    const missing = SYSTEM_PACKAGES.filter((p) => !facts.installed[p]);
    if (!missing.length) return plan;
    plan.route = 'apt';
    const what = { chromium: 'the e2e browser and SwiftShader', 'fonts-noto-cjk': 'Chinese in screenshots', libvulkan1: "the Vulkan loader for the kernel tests' SwiftShader" };
    plan.steps.push(
      { why: `root on ${facts.os.id || 'Debian'}: installing missing packages ${missing.map((p) => `${p} (${what[p]})`).join(', ')}; first the package lists`, cmd: 'apt-get', args: ['update'], env: APT_ENV },
      { why: `installing ${missing.join(' ')}`, cmd: 'apt-get', args: ['install', '-y', '--no-install-recommends', ...missing], env: APT_ENV },
    );
    if (needBrowser || needSwiftShader) {
      plan.fallback.push({
        why: "apt-get could not install them: trying Playwright's Chromium with its system libraries instead",
        cmd: 'npx',
        args: ['playwright', 'install', '--with-deps', 'chromium'],
      });
    }
    return plan;
  }

  if (!needBrowser && !needSwiftShader) return plan;
  plan.route = 'playwright';
  const reason = !facts.isRoot && facts.apt ? 'not root, so no apt-get' : `no apt-get here (${facts.os.id || facts.platform})`;
  const needs = [needBrowser && 'no Chromium found', needSwiftShader && 'no SwiftShader driver found for the kernel tests'].filter(Boolean).join(' and ');
  plan.steps.push({ why: `${needs}; ${reason}: downloading Playwright's Chromium`, cmd: 'npx', args: ['playwright', 'install', 'chromium'] });
  plan.notes.push(
    'If that Chromium will not start for missing system libraries, install them as root: sudo npx playwright install-deps chromium',
    'For Chinese text in screenshots, install Noto CJK fonts (Debian/Ubuntu: fonts-noto-cjk).',
  );
  return plan;
}

export const commandLine = (step) => [step.cmd, ...step.args].join(' ');

function runStep(step, log) {
  log(`check-browser: ${step.why}`);
  log(`  $ ${step.env ? `${Object.entries(step.env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : ''}${commandLine(step)}`);
  const r = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
    shell: process.platform === 'win32',
  });
  if (r.error) return `could not start ${step.cmd}: ${r.error.message}`;
  if (r.status !== 0) return `${commandLine(step)} failed (exit code ${r.status ?? r.signal})`;
  return null;
}

/**
 * Carries the plan out (or, with dryRun, only prints it). Returns the first failure that the
 * fallback did not repair, or null.
 */
export function runPlan(plan, { dryRun = false, log = console.log } = {}) {
  if (dryRun) {
    for (const s of plan.steps) log(`check-browser: would run ${commandLine(s)}  (${s.why})`);
    for (const s of plan.fallback) log(`check-browser: if that fails, would run ${commandLine(s)}  (${s.why})`);
    for (const n of plan.notes) log(`check-browser: note: ${n}`);
    return null;
  }
  let failure = null;
  for (const s of plan.steps) {
    failure = runStep(s, log);
    if (failure) break;
  }
  if (failure && plan.fallback.length) {
    log(`check-browser: ${failure}`);
    failure = null;
    for (const s of plan.fallback) {
      failure = runStep(s, log);
      if (failure) break;
    }
  }
  for (const n of plan.notes) log(`check-browser: note: ${n}`);
  return failure;
}
