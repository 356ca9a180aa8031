// scripts/provision.mjs: which route `npm test` takes to install the browser, on made-up machines.
import { describe, expect, it } from 'vitest';
import { commandLine, isDebianLike, parseOsRelease, planProvisioning, runPlan, type Facts } from '../scripts/provision.mjs';

const NOTHING = { found: false, source: 'none', problem: 'No Chromium found.' } as const;
const SYSTEM = { found: true, source: 'system', executablePath: '/usr/bin/chromium' } as const;
const debianRoot = (over: Partial<Facts> = {}): Facts => ({
  platform: 'linux',
  isRoot: true,
  os: { id: 'debian', idLike: [] },
  apt: true,
  installed: { chromium: false, 'fonts-noto-cjk': false, libvulkan1: false },
  browser: NOTHING,
  swiftshader: null,
  chromiumPathSet: false,
  ...over,
});
const lines = (facts: Facts) => planProvisioning(facts).steps.map(commandLine);

describe('os-release', () => {
  it('reads ID and ID_LIKE', () => {
    const ubuntu = parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n');
    expect(ubuntu).toEqual({ id: 'ubuntu', idLike: ['debian'] });
    expect(isDebianLike(ubuntu)).toBe(true);
    expect(isDebianLike(parseOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"\n'))).toBe(true);
    expect(isDebianLike(parseOsRelease('ID="fedora"\n'))).toBe(false);
  });
});

describe('planProvisioning', () => {
  it('as root on Debian: apt-get update, then installs only the missing packages, non-interactively', () => {
    const plan = planProvisioning(debianRoot({ installed: { chromium: false, 'fonts-noto-cjk': true, libvulkan1: false } }));
    expect(plan.route).toBe('apt');
    expect(plan.steps.map(commandLine)).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium libvulkan1']);
    expect(plan.steps.every((s) => s.env?.DEBIAN_FRONTEND === 'noninteractive')).toBe(true);
    expect(plan.fallback.map(commandLine)).toEqual(['npx playwright install --with-deps chromium']);
  });

  it('as root on Debian with a browser but without the fonts: installs the fonts, no fallback', () => {
    const plan = planProvisioning(
      debianRoot({ installed: { chromium: true, 'fonts-noto-cjk': false, libvulkan1: true }, browser: SYSTEM, swiftshader: { icd: '/x.json', source: 'debian' } }),
    );
    expect(plan.steps.map(commandLine)).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends fonts-noto-cjk']);
    expect(plan.fallback).toEqual([]);
  });

  it('does nothing when everything is there', () => {
    const all = { chromium: true, 'fonts-noto-cjk': true, libvulkan1: true };
    const plan = planProvisioning(debianRoot({ installed: all, browser: SYSTEM, swiftshader: { icd: '/x.json', source: 'debian' } }));
    expect(plan).toMatchObject({ route: 'none', steps: [], fallback: [] });
    expect(planProvisioning(debianRoot({ isRoot: false, browser: SYSTEM, swiftshader: { icd: '/x.json', source: 'debian' } })).route).toBe('none');
  });

  it("not root, or not Debian: Playwright's own Chromium, and says why", () => {
    const notRoot = planProvisioning(debianRoot({ isRoot: false }));
    expect(notRoot.route).toBe('playwright');
    expect(notRoot.steps.map(commandLine)).toEqual(['npx playwright install chromium']);
    expect(notRoot.steps[0].why).toMatch(/not root/);
    expect(lines(debianRoot({ os: { id: 'fedora', idLike: [] }, apt: false }))).toEqual(['npx playwright install chromium']);
    expect(lines(debianRoot({ platform: 'darwin', isRoot: false, apt: false }))).toEqual(['npx playwright install chromium']);
  });

  it('on Linux, a browser without SwiftShader still gets Playwright’s Chromium for the kernel tests', () => {
    const env = { found: true, source: 'env', executablePath: '/opt/chrome' } as const;
    expect(lines(debianRoot({ isRoot: false, browser: env }))).toEqual(['npx playwright install chromium']);
    expect(lines(debianRoot({ platform: 'darwin', isRoot: false, apt: false, browser: env }))).toEqual([]);
  });

  it('installs nothing while CHROMIUM_PATH points at nothing', () => {
    const plan = planProvisioning(debianRoot({ chromiumPathSet: true, browser: { found: false, source: 'none', problem: 'CHROMIUM_PATH is set to /x, but no file is there.' } }));
    expect(plan.steps).toEqual([]);
    expect(plan.error).toMatch(/CHROMIUM_PATH/);
  });
});

describe('runPlan', () => {
  it('with dryRun prints every command and runs none', () => {
    const out: string[] = [];
    const failure = runPlan(planProvisioning(debianRoot()), { dryRun: true, log: (l) => out.push(l) });
    expect(failure).toBeNull();
    expect(out.join('\n')).toContain('would run apt-get update');
    expect(out.join('\n')).toContain('would run apt-get install -y --no-install-recommends chromium fonts-noto-cjk libvulkan1');
    expect(out.join('\n')).toContain('if that fails, would run npx playwright install --with-deps chromium');
  });
});
