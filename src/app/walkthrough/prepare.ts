// The user's sentence → the encoder's input. Empty input is refused; over-long input is cut
// to the most the model reads (the box keeps the user's text, the UI says it was cut).
import { prepareSource } from '../../data/prepareSource';
import { tokenizeEnglish, tokenizeWhitespace } from '../../data/tokenize';
import { translateToy, parseToy } from '../../data/toyTranslate';
import type { Vocab } from '../../data/vocab';
import type { PreparedSource } from '../../data/prepareSource';
import type { PreparedView, ReferenceCheck } from '../../store/walkthroughResult';

export type PrepareOutcome = { ok: true; source: PreparedSource; view: PreparedView } | { ok: false; problem: 'empty' };

export function prepareSentence(text: string, vocab: Vocab, maxLen: number): PrepareOutcome {
  const first = prepareSource(text, vocab, maxLen);
  if (first.ok) return { ok: true, source: first.source, view: { ...first.source, truncated: null } };
  if (first.error.code === 'empty') return { ok: false, problem: 'empty' };
  // Too long: keep the first maxLen − 1 words (one position is <eos>).
  const { length, max } = first.error;
  const kept = tokenizeEnglish(text).slice(0, max - 1);
  const cut = prepareSource(kept.join(' '), vocab, maxLen, tokenizeWhitespace);
  if (!cut.ok) throw new Error(`prepare: ${kept.length} kept tokens still refused (${cut.error.code})`);
  return { ok: true, source: cut.source, view: { ...cut.source, truncated: { kept: kept.length, length, max } } };
}

/** The model's output against the toy grammar's reference translation of the same tokens. */
export function referenceCheck(sourceTokens: readonly string[], outputTokens: readonly string[]): ReferenceCheck {
  const parsed = parseToy(sourceTokens);
  if (!parsed.ok) return { kind: 'outside', problem: parsed.problem };
  const tokens = translateToy(sourceTokens)!;
  const same = tokens.length === outputTokens.length && tokens.every((t, i) => t === outputTokens[i]);
  return { kind: same ? 'match' : 'differs', tokens };
}
