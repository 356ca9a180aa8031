// Which classes label smoothing spreads ε over, in this project's loss (every token of the
// target vocabulary, specials included; docs/checkpoint.md "Loss"), against the Annotated
// Transformer's choice (everything but <pad> and the target).
import { type Bilingual, fillBilingual } from '../../../i18n/text';
import { text } from './content';

/** The specials are the vocabulary's tokens written <…> (ids 0–3 in this program). */
export function smoothingScopeText(eps: number, vocab: readonly string[]): Bilingual {
  const V = vocab.length;
  const specials = vocab.filter((t) => /^<.+>$/.test(t));
  const share = eps / V;
  const values = { v: V, share: share >= 1e-3 ? share.toFixed(4) : share.toExponential(2) };
  return {
    en: fillBilingual(text.smoothingScope, { ...values, specials: specials.join(', ') }).en,
    zh: fillBilingual(text.smoothingScope, { ...values, specials: specials.join('、') }).zh,
  };
}
