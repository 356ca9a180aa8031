// Node-only loader of the shipped Tatoeba file (command line, tests). Kept apart from
// tatoebaLoad.ts so the browser bundle never pulls in `fs`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseTatoebaTsv, type TatoebaFile } from './tatoeba';

/** public/data/tatoeba-en-zh-short.tsv in this checkout. */
export const TATOEBA_FILE = fileURLToPath(new URL('../../public/data/tatoeba-en-zh-short.tsv', import.meta.url));

export async function loadTatoebaFile(path: string = TATOEBA_FILE): Promise<TatoebaFile> {
  return parseTatoebaTsv(await readFile(path, 'utf8'));
}
