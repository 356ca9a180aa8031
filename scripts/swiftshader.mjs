// Where Node's WebGPU (the `webgpu` package, used by the kernel tests) finds a GPU on a machine
// without one: SwiftShader, a Vulkan driver that runs on the CPU. Chromium ships it, so we look
// where a Chromium was installed, in this order:
//   1. $VK_ICD_FILENAMES                           (you chose a driver: it is left alone)
//   2. /usr/lib/chromium/vk_swiftshader_icd.json   (Debian/Ubuntu package `chromium`)
//   3. <Playwright's browsers>/chromium-<rev>/chrome-linux*/vk_swiftshader_icd.json
//      (`npx playwright install chromium`; the newest revision wins). Playwright keeps its
//      browsers in $PLAYWRIGHT_BROWSERS_PATH, else ~/.cache/ms-playwright on Linux.
// Used by scripts/test-all.mjs (the env of every step) and scripts/check-browser.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const DEBIAN_SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const ICD_FILE = 'vk_swiftshader_icd.json';

/** The folder Playwright downloads browsers to (its own rules, for the platforms it supports). */
export function playwrightBrowsersDir(env = process.env, home = homedir(), platform = process.platform) {
  const custom = env.PLAYWRIGHT_BROWSERS_PATH?.trim();
  // '0' means "inside node_modules"; Playwright then uses the package's own .local-browsers.
  if (custom && custom !== '0') return custom;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright');
  return join(env.XDG_CACHE_HOME?.trim() || join(home, '.cache'), 'ms-playwright');
}

const isDir = (p) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const list = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Every SwiftShader ICD file under Playwright's browsers folder: chromium-<rev>/chrome-linux*\/
 * (chrome-linux, chrome-linux64, …), newest revision first.
 */
export function playwrightSwiftShaderIcds(browsersDir) {
  const revisions = list(browsersDir)
    .map((name) => ({ name, rev: /^chromium-(\d+)$/.exec(name)?.[1] }))
    .filter((e) => e.rev !== undefined && isDir(join(browsersDir, e.name)))
    .sort((a, b) => Number(b.rev) - Number(a.rev));
  const found = [];
  for (const { name } of revisions) {
    const browserDir = join(browsersDir, name);
    for (const sub of list(browserDir).filter((s) => s.startsWith('chrome-linux')).sort()) {
      const icd = join(browserDir, sub, ICD_FILE);
      if (existsSync(icd)) found.push(icd);
    }
  }
  return found;
}

/**
 * The SwiftShader Vulkan driver the kernel tests should use, or null when there is none.
 * `options` replaces the real places for tests (fake folders).
 * @returns {{ icd: string, source: 'env' | 'debian' | 'playwright' } | null}
 */
export function findSwiftShaderIcd(env = process.env, options = {}) {
  const fromEnv = env.VK_ICD_FILENAMES?.trim();
  if (fromEnv) return { icd: fromEnv, source: 'env' };
  const debian = options.debianIcd ?? DEBIAN_SWIFTSHADER_ICD;
  if (existsSync(debian)) return { icd: debian, source: 'debian' };
  const browsersDir = options.browsersDir ?? playwrightBrowsersDir(env, options.home);
  const [newest] = playwrightSwiftShaderIcds(browsersDir);
  return newest ? { icd: newest, source: 'playwright' } : null;
}

/**
 * What the test steps' environment needs for SwiftShader, as additions to `env`:
 *   - VK_ICD_FILENAMES: the driver found above (unless already set);
 *   - LD_LIBRARY_PATH: Playwright's Chromium folder, when that driver is Playwright's and the
 *     folder ships the Vulkan loader (libvulkan.so.1), so Dawn finds a loader on a machine
 *     without the `libvulkan1` package;
 *   - ATTENTION_LAB_REQUIRE_GPU=1: where a driver exists an adapter must too, so the GPU tests
 *     fail instead of skipping (ATTENTION_LAB_REQUIRE_GPU=0 still lets them skip on purpose).
 * @returns {{ found: ReturnType<typeof findSwiftShaderIcd>, add: Record<string, string> }}
 */
export function swiftShaderEnv(env = process.env, options = {}) {
  const found = findSwiftShaderIcd(env, options);
  const add = {};
  if (!found) return { found, add };
  if (found.source !== 'env') add.VK_ICD_FILENAMES = found.icd;
  if (found.source === 'playwright') {
    const dir = dirname(found.icd);
    if (existsSync(join(dir, 'libvulkan.so.1'))) {
      add.LD_LIBRARY_PATH = env.LD_LIBRARY_PATH ? `${env.LD_LIBRARY_PATH}:${dir}` : dir;
    }
  }
  if (env.ATTENTION_LAB_REQUIRE_GPU === undefined) add.ATTENTION_LAB_REQUIRE_GPU = '1';
  return { found, add };
}
