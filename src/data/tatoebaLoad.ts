// Loads the shipped Tatoeba file in the browser (main thread or worker) with fetch.
//
// The file is served from public/data/, i.e. `<app base>/data/tatoeba-en-zh-short.tsv`. The app
// base is Vite's BASE_URL resolved against the page (vite.config.ts uses base './', so the built
// site works from any sub-path). A worker has no document and its own URL points into assets/, so
// a worker must pass `baseUrl` (send it `document.baseURI` from the page).
import { DataError } from './errors';
import { parseTatoebaTsv, type TatoebaFile } from './tatoeba';

export const TATOEBA_PATH = 'data/tatoeba-en-zh-short.tsv';

/** Absolute URL of a file under public/, e.g. publicUrl('data/x.tsv'). */
export function publicUrl(path: string, baseUrl?: string): string {
  if (baseUrl) return new URL(path, baseUrl).href;
  const viteBase = import.meta.env?.BASE_URL ?? './';
  if (typeof document !== 'undefined') return new URL(viteBase + path, document.baseURI).href;
  if (viteBase.startsWith('/') && typeof location !== 'undefined') return new URL(viteBase + path, location.origin).href;
  throw new DataError(
    { code: 'no-base-url' },
    `publicUrl(${path}): no document to resolve against (a worker?) — pass baseUrl, e.g. the page's document.baseURI`,
  );
}

export interface LoadOptions {
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

export async function loadTatoeba(opts: LoadOptions = {}): Promise<TatoebaFile> {
  const url = publicUrl(TATOEBA_PATH, opts.baseUrl);
  const response = await (opts.fetchImpl ?? fetch)(url, { signal: opts.signal });
  if (!response.ok) {
    throw new DataError({ code: 'http', url, status: response.status }, `loadTatoeba: GET ${url} answered ${response.status}`);
  }
  return parseTatoebaTsv(await response.text());
}
