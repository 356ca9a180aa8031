// Checking a typed cloze answer. Both the input and every accepted answer go through the same
// normalisation, so `sqrt(d_k)`, `√d_k`, `√dk`, `\sqrt{d_k}` and a full-width `ｓｑｒｔ（ｄ＿ｋ）`
// all compare equal. The normalised form is only for comparing; it is never shown.
import type { Language } from '../i18n/language';
import type { Bilingual } from '../i18n/text';
import { CLOZE_GAP, type Cloze } from './types';

// Superscripts must become `^x` before NFKC, which would otherwise turn `n²` into `n2`.
const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '^0', '¹': '^1', '²': '^2', '³': '^3', '⁴': '^4', '⁵': '^5', '⁶': '^6', '⁷': '^7', '⁸': '^8', '⁹': '^9',
  '⁻': '^-', 'ᵀ': '^T', '⊤': 'T', 'ᵗ': '^t',
};

const LATEX_SYMBOLS: Record<string, string> = {
  sigma: 'σ', mu: 'μ', epsilon: 'ε', varepsilon: 'ε', gamma: 'γ', beta: 'β', phi: 'φ', varphi: 'φ',
  infty: '∞', top: 't', cdot: '*', times: '*', ast: '*', tau: 'τ', lambda: 'λ', alpha: 'α', theta: 'θ',
  text: '', mathrm: '', mathit: '', operatorname: '',
};

// Spelled-out names, replaced only as whole words (so `steps` keeps its `eps`).
const WORDS: [RegExp, string][] = [
  [/(?<![a-z])sqrt(?![a-z])/g, '√'],
  [/(?<![a-z])sigma(?![a-z])/g, 'σ'],
  [/(?<![a-z])mu(?![a-z])/g, 'μ'],
  [/(?<![a-z])(?:epsilon|eps)(?![a-z])/g, 'ε'],
  [/(?<![a-z])gamma(?![a-z])/g, 'γ'],
  [/(?<![a-z])beta(?![a-z])/g, 'β'],
  [/(?<![a-z])phi(?![a-z])/g, 'φ'],
  [/(?<![a-z])tau(?![a-z])/g, 'τ'],
  [/(?<![a-z])(?:infinity|inf)(?![a-z])/g, '∞'],
  [/(?<![a-z])(?:variance|var)(?![a-z])/g, 'σ^2'],
];

/** Parentheses around something without operators carry no meaning: `√(dk)` = `√dk`. */
const BARE_PARENS = /\(([^()+\-*/,]*)\)/g;

/** The comparison form of an answer: case-, width-, space- and notation-insensitive. */
export function normalizeAnswer(raw: string): string {
  let s = raw.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵀ⊤ᵗ]/g, (c) => SUPERSCRIPTS[c] ?? c);
  s = s.normalize('NFKC').toLowerCase().trim();
  s = s.replace(/^(?:the|a|an)\s+/, '');
  s = s.replace(/[−–—‐‑]/g, '-');
  // LaTeX: drop sizing and spacing commands, unwrap \frac and \sqrt, name the symbols.
  s = s.replace(/\\(?:left|right|displaystyle|[,;:! ])/g, '');
  s = s.replace(/([_^])\{([^{}]*)\}/g, '$1($2)');
  for (let prev = ''; prev !== s; ) {
    prev = s; // innermost first: \frac{QK^T}{\sqrt{d_k}}
    s = s.replace(/\\sqrt\{([^{}]*)\}/g, '√($1)').replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)');
  }
  s = s.replace(/\\([a-z]+)/g, (_whole, name: string) => LATEX_SYMBOLS[name] ?? name);
  for (const [pattern, replacement] of WORDS) s = s.replace(pattern, replacement);
  s = s.replace(/[·×⋅∙]/g, '*');
  // Separators that never change meaning here: spaces, underscores, braces, quotes.
  s = s.replace(/[\s_{}'"`‘’“”]/g, '');
  s = s.replace(/[.,;:!?。，；：！？、]+$/u, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(BARE_PARENS, '$1');
  }
  return s;
}

export interface ClozeCheck {
  correct: boolean;
  /** The accepted answer the input matched, or the canonical answer when it matched none. */
  expected: string;
}

/** Compares a typed answer with a cloze's accepted answers. An empty input is never correct. */
export function checkCloze(cloze: Cloze, input: string): ClozeCheck {
  const typed = normalizeAnswer(input);
  const match = typed === '' ? undefined : cloze.answers.find((a) => normalizeAnswer(a) === typed);
  return { correct: match !== undefined, expected: match ?? cloze.answers[0] };
}

/** The text before and after the gap, for rendering an input box in between. */
export function splitCloze(text: Bilingual, lang: Language): { before: string; after: string } {
  const s = text[lang];
  const at = s.indexOf(CLOZE_GAP);
  if (at < 0) throw new Error(`cloze: no ${CLOZE_GAP} marker in "${s}"`);
  return { before: s.slice(0, at), after: s.slice(at + CLOZE_GAP.length) };
}
