// Real sentence pairs from Tatoeba (tatoeba.org, CC-BY 2.0 FR): the TSV format, tokenization and
// a deterministic train/validation split. Loading lives in tatoebaLoad.ts (browser: fetch) and
// tatoebaNode.ts (Node: fs), so this file runs anywhere.
//
// File format: UTF-8, tab-separated, header `en	zh	attribution`, one pair per line. The third
// column is the per-sentence attribution the licence requires; it is kept with every pair.
import { DataError } from './errors';
import { Rng } from './prng';
import { tokenizeChinese, tokenizeEnglish } from './tokenize';
import type { TokenPair } from './toySentence';

export const TATOEBA_HEADER = 'en\tzh\tattribution';

export interface TatoebaPair {
  en: string;
  zh: string;
  attribution: string;
  /** 1-based line number in the file (the header is line 1). */
  line: number;
}

export type TatoebaSkipReason = 'columns' | 'empty-field';

export interface TatoebaSkip {
  line: number;
  reason: TatoebaSkipReason;
  text: string;
}

export interface TatoebaFile {
  pairs: TatoebaPair[];
  /** Malformed lines, left out of `pairs` (blank lines are ignored without a record). */
  skipped: TatoebaSkip[];
}

/** Parses the TSV; throws DataError 'bad-header' when the header is not exactly en, zh, attribution. */
export function parseTatoebaTsv(text: string): TatoebaFile {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  if (lines[0] !== TATOEBA_HEADER) {
    throw new DataError(
      { code: 'bad-header', found: lines[0].slice(0, 200) },
      `tatoeba: line 1 must be the header "en<TAB>zh<TAB>attribution", got ${JSON.stringify(lines[0].slice(0, 80))}`,
    );
  }
  const pairs: TatoebaPair[] = [];
  const skipped: TatoebaSkip[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const cols = raw.split('\t');
    const line = i + 1;
    if (cols.length !== 3) {
      skipped.push({ line, reason: 'columns', text: raw });
      continue;
    }
    const [en, zh, attribution] = cols.map((c) => c.trim());
    if (!en || !zh || !attribution) {
      skipped.push({ line, reason: 'empty-field', text: raw });
      continue;
    }
    pairs.push({ en, zh, attribution, line });
  }
  return { pairs, skipped };
}

/** English words and Chinese characters (see tokenize.ts). */
export function tokenizeTatoeba(pair: Pick<TatoebaPair, 'en' | 'zh'>): TokenPair {
  return { en: tokenizeEnglish(pair.en), zh: tokenizeChinese(pair.zh) };
}

export interface SplitOptions {
  seed?: number; // default 1
  validFraction?: number; // default 0.1
}

/**
 * A deterministic train/validation split. Pairs are grouped by their tokenized English sentence
 * before shuffling, so the several translations of one sentence ("Wait!" → 等等！/ 等一下！)
 * land on the same side and validation never repeats a training source. Groups are shuffled
 * with the seed and taken into validation until it holds ≥ validFraction of all pairs.
 * Both sides keep the file's order.
 */
export function splitTrainValid<T extends Pick<TatoebaPair, 'en'>>(pairs: readonly T[], opts: SplitOptions = {}): { train: T[]; valid: T[] } {
  const { seed = 1, validFraction = 0.1 } = opts;
  if (!(validFraction >= 0 && validFraction < 1)) throw new RangeError(`splitTrainValid: validFraction must be in [0, 1), got ${validFraction}`);
  const groups = new Map<string, number[]>();
  pairs.forEach((p, i) => {
    const key = tokenizeEnglish(p.en).join(' ');
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const order = new Rng(seed).shuffled([...groups.values()]);
  const target = Math.round(validFraction * pairs.length);
  const inValid = new Set<number>();
  for (const group of order) {
    if (inValid.size >= target) break;
    for (const i of group) inValid.add(i);
  }
  return {
    train: pairs.filter((_, i) => !inValid.has(i)),
    valid: pairs.filter((_, i) => inValid.has(i)),
  };
}
