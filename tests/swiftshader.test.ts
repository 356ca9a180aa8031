// scripts/swiftshader.mjs: where the kernel tests find SwiftShader, on fake folder trees.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSwiftShaderIcd, playwrightBrowsersDir, playwrightSwiftShaderIcds, swiftShaderEnv } from '../scripts/swiftshader.mjs';

let root: string;
const file = (...parts: string[]) => {
  const p = join(root, ...parts);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, '{}');
  return p;
};
const ICD = 'vk_swiftshader_icd.json';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'swiftshader-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('playwrightBrowsersDir', () => {
  it('follows PLAYWRIGHT_BROWSERS_PATH, else the platform cache folder', () => {
    expect(playwrightBrowsersDir({ PLAYWRIGHT_BROWSERS_PATH: '/opt/pw' }, '/home/a', 'linux')).toBe('/opt/pw');
    expect(playwrightBrowsersDir({}, '/home/a', 'linux')).toBe('/home/a/.cache/ms-playwright');
    expect(playwrightBrowsersDir({ XDG_CACHE_HOME: '/xdg' }, '/home/a', 'linux')).toBe('/xdg/ms-playwright');
    expect(playwrightBrowsersDir({ PLAYWRIGHT_BROWSERS_PATH: '0' }, '/home/a', 'linux')).toBe('/home/a/.cache/ms-playwright');
    expect(playwrightBrowsersDir({}, '/Users/a', 'darwin')).toBe('/Users/a/Library/Caches/ms-playwright');
  });
});

describe('playwrightSwiftShaderIcds', () => {
  it('finds the driver in chromium-<rev>/chrome-linux*/, newest revision first, whatever the version', () => {
    const pw = join(root, 'ms-playwright');
    const old = file('ms-playwright', 'chromium-1100', 'chrome-linux', ICD);
    const newer = file('ms-playwright', 'chromium-1187', 'chrome-linux64', ICD);
    file('ms-playwright', 'chromium_headless_shell-1187', 'chrome-linux', ICD); // not the full browser
    file('ms-playwright', 'chromium-1200', 'chrome-linux64', 'chrome'); // no driver in this one
    file('ms-playwright', 'firefox-1490', 'firefox', ICD);
    expect(playwrightSwiftShaderIcds(pw)).toEqual([newer, old]);
  });

  it('gives nothing for a missing or empty folder', () => {
    expect(playwrightSwiftShaderIcds(join(root, 'nowhere'))).toEqual([]);
    mkdirSync(join(root, 'empty'));
    expect(playwrightSwiftShaderIcds(join(root, 'empty'))).toEqual([]);
  });
});

describe('findSwiftShaderIcd', () => {
  const pw = () => join(root, 'ms-playwright');

  it('prefers VK_ICD_FILENAMES, then the Debian package, then Playwright', () => {
    const debian = file('usr', 'lib', 'chromium', ICD);
    const playwright = file('ms-playwright', 'chromium-1187', 'chrome-linux', ICD);
    const options = { debianIcd: debian, browsersDir: pw() };
    expect(findSwiftShaderIcd({ VK_ICD_FILENAMES: '/mine.json' }, options)).toEqual({ icd: '/mine.json', source: 'env' });
    expect(findSwiftShaderIcd({}, options)).toEqual({ icd: debian, source: 'debian' });
    rmSync(debian);
    expect(findSwiftShaderIcd({}, options)).toEqual({ icd: playwright, source: 'playwright' });
  });

  it('looks in ~/.cache/ms-playwright by default', () => {
    const playwright = file('home', '.cache', 'ms-playwright', 'chromium-1187', 'chrome-linux64', ICD);
    const found = findSwiftShaderIcd({}, { debianIcd: join(root, 'absent.json'), home: join(root, 'home') });
    // On macOS and Windows Playwright's folder is elsewhere; this machine's platform decides.
    if (process.platform === 'linux') expect(found).toEqual({ icd: playwright, source: 'playwright' });
  });

  it('is null where there is no driver', () => {
    expect(findSwiftShaderIcd({}, { debianIcd: join(root, 'absent.json'), browsersDir: pw() })).toBeNull();
  });
});

describe('swiftShaderEnv', () => {
  it('sets the driver and requires a GPU where one is found', () => {
    const debian = file('usr', 'lib', 'chromium', ICD);
    expect(swiftShaderEnv({}, { debianIcd: debian }).add).toEqual({ VK_ICD_FILENAMES: debian, ATTENTION_LAB_REQUIRE_GPU: '1' });
    expect(swiftShaderEnv({ ATTENTION_LAB_REQUIRE_GPU: '0' }, { debianIcd: debian }).add).toEqual({ VK_ICD_FILENAMES: debian });
    expect(swiftShaderEnv({ VK_ICD_FILENAMES: '/mine.json' }, { debianIcd: debian }).add).toEqual({ ATTENTION_LAB_REQUIRE_GPU: '1' });
  });

  it("adds Playwright's Chromium folder to LD_LIBRARY_PATH when it ships the Vulkan loader", () => {
    const icd = file('ms-playwright', 'chromium-1187', 'chrome-linux', ICD);
    const dir = join(root, 'ms-playwright', 'chromium-1187', 'chrome-linux');
    const options = { debianIcd: join(root, 'absent.json'), browsersDir: join(root, 'ms-playwright') };
    expect(swiftShaderEnv({}, options).add).toEqual({ VK_ICD_FILENAMES: icd, ATTENTION_LAB_REQUIRE_GPU: '1' });
    file('ms-playwright', 'chromium-1187', 'chrome-linux', 'libvulkan.so.1');
    expect(swiftShaderEnv({ LD_LIBRARY_PATH: '/a' }, options).add.LD_LIBRARY_PATH).toBe(`/a:${dir}`);
  });

  it('adds nothing where there is no driver (the GPU cases skip)', () => {
    expect(swiftShaderEnv({}, { debianIcd: join(root, 'absent.json'), browsersDir: join(root, 'none') })).toEqual({ found: null, add: {} });
  });
});
