// The "Compare families" view as data (pure, unit-tested): the URL's parameters, the sentence
// each family reads (the encoder-only model's with one word masked), the attention blocks and
// masks each family has, and its parameter counts by part.
import { tokenizeEnglish } from '../../data/tokenize';
import type { ModelConfig } from '../../model/config';
import { parameterBreakdown, type BlockSide } from '../../model/parameterCounts';
import type { VocabSizes } from '../../model/parameters';
import { FAMILY_IDS, type FamilyId } from '../../model/stageIds';
import { queryGet, querySet, type Query } from '../common/route';
import { DEFAULT_SENTENCE } from '../walkthrough/params';

/** An attention block as the compare view names it. */
export type CompareBlock = 'enc-self' | 'dec-self' | 'cross';
/** What a block's mask lets through: causal (and padding), everything but padding, or a full rectangle. */
export type MaskKind = 'causal' | 'bidirectional' | 'cross';

/** The attention blocks each family has, its own first. */
export const FAMILY_BLOCKS: Readonly<Record<FamilyId, readonly CompareBlock[]>> = {
  'encoder-decoder': ['enc-self', 'dec-self', 'cross'],
  decoder: ['dec-self'],
  encoder: ['enc-self'],
};

export const BLOCK_MASK: Readonly<Record<CompareBlock, MaskKind>> = { 'enc-self': 'bidirectional', 'dec-self': 'causal', cross: 'cross' };

/** The URL prefix of a family's column parameters (ed-layer=1, dec-head=2, …). */
export const PARAM_PREFIX: Readonly<Record<FamilyId, string>> = { 'encoder-decoder': 'ed', decoder: 'dec', encoder: 'enc' };

export interface ColumnPicks {
  block: CompareBlock;
  /** Counted from 0; undefined = the last layer. */
  layer?: number;
  head: number;
}

export interface CompareParams {
  text: string;
  /** Index (among the sentence's tokens) of the word the encoder-only model fills; undefined = the default. */
  mask?: number;
  columns: Record<FamilyId, ColumnPicks>;
}

function index(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,4}$/.test(s) ? Number(s) : undefined;
}

function isBlock(s: string | undefined): s is CompareBlock {
  return s === 'enc-self' || s === 'dec-self' || s === 'cross';
}

/** #/compare?text=…&mask=1&ed-block=cross&ed-layer=1&dec-head=2 → the view's parameters. */
export function readCompareParams(query: Query): CompareParams {
  const columns = {} as Record<FamilyId, ColumnPicks>;
  for (const f of FAMILY_IDS) {
    const p = PARAM_PREFIX[f];
    const block = queryGet(query, `${p}-block`);
    columns[f] = {
      block: isBlock(block) && FAMILY_BLOCKS[f].includes(block) ? block : FAMILY_BLOCKS[f][0],
      layer: index(queryGet(query, `${p}-layer`)),
      head: index(queryGet(query, `${p}-head`)) ?? 0,
    };
  }
  return { text: queryGet(query, 'text') ?? DEFAULT_SENTENCE, mask: index(queryGet(query, 'mask')), columns };
}

/** The query with one column's pick changed (others kept, order kept). */
export function withColumnPick(query: Query, family: FamilyId, key: 'block' | 'layer' | 'head', value: string | number): Query {
  return querySet(query, `${PARAM_PREFIX[family]}-${key}`, String(value));
}

/** The words of the sentence, as every family tokenizes English. */
export function sentenceWords(text: string): string[] {
  return tokenizeEnglish(text.replace(/<mask>/gi, ' '));
}

const PUNCTUATION = /^[^\p{L}\p{N}]+$/u;

/** Which word to mask when the URL names none: the second word of three or more (“the cat sat .” → cat), else the first; never punctuation. */
export function defaultMaskIndex(words: readonly string[]): number {
  const candidates = words.map((w, i) => (PUNCTUATION.test(w) ? -1 : i)).filter((i) => i >= 0);
  if (candidates.length === 0) return 0;
  return candidates.length >= 3 ? candidates[1] : candidates[0];
}

/** The words a mask may go on (no punctuation). */
export function maskableIndexes(words: readonly string[]): number[] {
  return words.map((w, i) => (PUNCTUATION.test(w) ? -1 : i)).filter((i) => i >= 0);
}

export interface MaskedSentence {
  words: string[];
  /** The index actually masked (clamped to the sentence). */
  index: number;
  /** The word it hides. */
  hidden: string;
  /** The encoder-only model's input: the words with `<mask>` in its place. */
  text: string;
}

export function maskedSentence(text: string, wanted?: number): MaskedSentence | null {
  const words = sentenceWords(text);
  if (words.length === 0) return null;
  const allowed = maskableIndexes(words);
  const index = wanted !== undefined && allowed.includes(wanted) ? wanted : defaultMaskIndex(words);
  const masked = words.map((w, i) => (i === index ? '<mask>' : w));
  return { words, index, hidden: words[index], text: masked.join(' ') };
}

/** What each family reads: the sentence itself, or (encoder-only) the sentence with one word masked. */
export function compareRequest(params: Pick<CompareParams, 'text' | 'mask'>): Record<FamilyId, string> {
  const masked = maskedSentence(params.text, params.mask);
  return { 'encoder-decoder': params.text, decoder: params.text, encoder: masked?.text ?? params.text };
}

/** Whether query r may attend to key c under a mask (one sentence: no padding). */
export function maskAllows(kind: MaskKind, r: number, c: number): boolean {
  return kind !== 'causal' || c <= r;
}

/** The mask as a grid (1 = may attend) and how many cells it removes. */
export function maskGrid(kind: MaskKind, rows: number, cols: number): { values: number[][]; masked: number } {
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (maskAllows(kind, r, c) ? 1 : 0)));
  return { values, masked: values.reduce((n, row) => n + row.filter((v) => v === 0).length, 0) };
}

export interface ParameterSummary {
  total: number;
  /** Parameters per part that exists (encoder with its embedding, decoder with its, output head). */
  parts: Array<{ side: BlockSide; total: number }>;
}

/** A model's parameters by part, read off its parameter list (parameterBreakdown). */
export function parameterSummary(config: ModelConfig, vocab: VocabSizes): ParameterSummary {
  const b = parameterBreakdown(config, vocab);
  const sides: BlockSide[] = ['encoder', 'decoder', 'output'];
  const parts = sides
    .map((side) => ({ side, total: b.blocks.filter((x) => x.side === side).reduce((n, x) => n + x.total, 0) }))
    .filter((p) => p.total > 0);
  return { total: b.total, parts };
}
