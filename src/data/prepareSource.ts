// A user's sentence → the encoder's input (source ids + <eos>), or a typed refusal the UI can
// put into words. Too-long input is refused, never silently cut: the UI decides whether to offer
// truncation.
import { tokenizeEnglish } from './tokenize';
import { EOS_ID, type Vocab } from './vocab';

export type SourceProblem =
  | { code: 'empty' }
  /** `length` counts the source tokens plus <eos>; at most `max` (the model's maxLen) fit. */
  | { code: 'too-long'; length: number; max: number };

export interface PreparedSource {
  tokens: string[];
  /** (S) the tokens' ids followed by <eos>; S = tokens.length + 1 ≤ maxLen. */
  ids: number[];
  /** Positions in `tokens` that the vocabulary does not know (encoded as <unk>). */
  unknown: number[];
}

export type PrepareSourceResult = { ok: true; source: PreparedSource } | { ok: false; error: SourceProblem };

export function prepareSource(
  text: string,
  vocab: Vocab,
  maxLen: number,
  tokenize: (text: string) => string[] = tokenizeEnglish,
): PrepareSourceResult {
  if (!Number.isInteger(maxLen) || maxLen < 2) throw new RangeError(`prepareSource: maxLen must be an integer ≥ 2, got ${maxLen}`);
  const tokens = tokenize(text);
  if (tokens.length === 0) return { ok: false, error: { code: 'empty' } };
  const length = tokens.length + 1;
  if (length > maxLen) return { ok: false, error: { code: 'too-long', length, max: maxLen } };
  const { ids, unknown } = vocab.encode(tokens);
  return { ok: true, source: { tokens, ids: [...ids, EOS_ID], unknown } };
}
