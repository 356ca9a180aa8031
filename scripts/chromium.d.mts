// Types for chromium.mjs (kept in plain JS so `node scripts/check-browser.mjs` needs no build).
export declare const SYSTEM_CHROMIUM: string;
export declare const BASE_CHROMIUM_ARGS: string[];
export interface ChromiumLookup {
  found: boolean;
  source: 'env' | 'system' | 'playwright' | 'none';
  /** Undefined when Playwright should use its own downloaded browser. */
  executablePath?: string;
  problem?: string;
}
export declare function findChromium(env?: Record<string, string | undefined>): ChromiumLookup;
