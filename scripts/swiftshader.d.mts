// Types for swiftshader.mjs (plain JS so the test runner needs no build).
export declare const DEBIAN_SWIFTSHADER_ICD: string;
export type Env = Record<string, string | undefined>;
export interface SwiftShaderLookupOptions {
  /** Instead of /usr/lib/chromium/vk_swiftshader_icd.json. */
  debianIcd?: string;
  /** Instead of Playwright's browsers folder. */
  browsersDir?: string;
  /** Instead of the user's home folder (where Playwright's folder is found). */
  home?: string;
}
export interface SwiftShaderIcd {
  icd: string;
  source: 'env' | 'debian' | 'playwright';
}
export declare function playwrightBrowsersDir(env?: Env, home?: string, platform?: NodeJS.Platform): string;
export declare function playwrightSwiftShaderIcds(browsersDir: string): string[];
export declare function findSwiftShaderIcd(env?: Env, options?: SwiftShaderLookupOptions): SwiftShaderIcd | null;
export declare function swiftShaderEnv(
  env?: Env,
  options?: SwiftShaderLookupOptions,
): { found: SwiftShaderIcd | null; add: Record<string, string> };
