// Types for provision.mjs (plain JS so `node scripts/check-browser.mjs` needs no build).
import type { ChromiumLookup } from './chromium.mjs';
import type { SwiftShaderIcd } from './swiftshader.mjs';

export declare const SYSTEM_PACKAGES: string[];
export interface OsRelease {
  id: string;
  idLike: string[];
}
export declare function parseOsRelease(text: string): OsRelease;
export declare function isDebianLike(os: OsRelease): boolean;
export interface Facts {
  platform: NodeJS.Platform;
  isRoot: boolean;
  os: OsRelease;
  /** apt-get and dpkg-query exist (Debian or Ubuntu). */
  apt: boolean;
  installed: Record<string, boolean>;
  browser: ChromiumLookup;
  swiftshader: SwiftShaderIcd | null;
  chromiumPathSet: boolean;
}
export interface Step {
  why: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}
export interface Plan {
  route: 'none' | 'apt' | 'playwright';
  steps: Step[];
  fallback: Step[];
  notes: string[];
  error?: string;
}
export declare function gatherFacts(env?: Record<string, string | undefined>): Facts;
export declare function planProvisioning(facts: Facts): Plan;
export declare function commandLine(step: Step): string;
export declare function runPlan(plan: Plan, options?: { dryRun?: boolean; log?: (line: string) => void }): string | null;
