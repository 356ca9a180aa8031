// The toy grammar's lexicon (en-zh-grammar.json, rules in /work/shared/data/en-zh-grammar.md)
// turned into token arrays. Every entry holds both sides already split on spaces, so a phrase is
// rendered by concatenation: "the" → en ['the'], zh [] ; "last night" → ['last','night'], ['昨晚'].
import raw from './en-zh-grammar.json';

/** A word or fixed phrase with its translation, both as tokens. */
export interface Entry {
  en: string[];
  zh: string[];
}

export type NounClass = string; // 'animal' | 'person' | 'food' | … as listed in the JSON

export interface Noun extends Entry {
  cls: NounClass;
}

export interface Verb {
  base: string; // after "did" / "did not"
  past: string; // in statements
  zh: string[];
  /** Noun classes the object may have; empty for intransitive verbs. */
  objects: NounClass[];
}

export interface Lexicon {
  pronouns: Entry[];
  determiners: Entry[];
  adjectives: Entry[];
  nouns: Noun[]; // in JSON order, class by class
  nounClasses: NounClass[];
  transitiveVerbs: Verb[];
  intransitiveVerbs: Verb[];
  times: Entry[];
  places: Entry[];
  subjectNounClasses: NounClass[];
  adjectiveNounClasses: NounClass[];
  punctuation: { statement: Entry; question: Entry };
}

/** The JSON file's shape (format en-zh-grammar@1). */
export interface LexiconJson {
  format: string;
  pronouns: string[][];
  determiners: string[][];
  adjectives: string[][];
  nouns: Record<string, string[][]>;
  transitive_verbs: { base: string; past: string; zh: string; objects: string[] }[];
  intransitive_verbs: { base: string; past: string; zh: string }[];
  times: string[][];
  places: string[][];
  subject_noun_classes: string[];
  adjective_noun_classes: string[];
  punctuation: { statement: string[]; question: string[] };
}

const split = (s: string): string[] => s.split(' ').filter((t) => t.length > 0);

function entry(pair: string[], where: string): Entry {
  if (pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
    throw new Error(`lexicon ${where}: expected [english, chinese], got ${JSON.stringify(pair)}`);
  }
  return { en: split(pair[0]), zh: split(pair[1]) };
}

/** Converts and checks a lexicon; throws naming the first problem found. */
export function readLexicon(json: LexiconJson): Lexicon {
  if (json.format !== 'en-zh-grammar@1') throw new Error(`lexicon: format must be en-zh-grammar@1, got ${json.format}`);
  const nounClasses = Object.keys(json.nouns);
  const nouns = nounClasses.flatMap((cls) => json.nouns[cls].map((p, i) => ({ ...entry(p, `nouns.${cls}[${i}]`), cls })));
  const verb = (v: { base: string; past: string; zh: string; objects?: string[] }): Verb => ({
    base: v.base,
    past: v.past,
    zh: split(v.zh),
    objects: v.objects ?? [],
  });
  const lex: Lexicon = {
    pronouns: json.pronouns.map((p, i) => entry(p, `pronouns[${i}]`)),
    determiners: json.determiners.map((p, i) => entry(p, `determiners[${i}]`)),
    adjectives: json.adjectives.map((p, i) => entry(p, `adjectives[${i}]`)),
    nouns,
    nounClasses,
    transitiveVerbs: json.transitive_verbs.map(verb),
    intransitiveVerbs: json.intransitive_verbs.map(verb),
    times: json.times.map((p, i) => entry(p, `times[${i}]`)),
    places: json.places.map((p, i) => entry(p, `places[${i}]`)),
    subjectNounClasses: json.subject_noun_classes,
    adjectiveNounClasses: json.adjective_noun_classes,
    punctuation: {
      statement: entry(json.punctuation.statement, 'punctuation.statement'),
      question: entry(json.punctuation.question, 'punctuation.question'),
    },
  };
  checkLexicon(lex);
  return deepFreeze(lex); // generated sentences share these entries in their `parts`
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function checkLexicon(lex: Lexicon): void {
  const known = new Set(lex.nounClasses);
  const classLists: [string, NounClass[]][] = [
    ['subject_noun_classes', lex.subjectNounClasses],
    ['adjective_noun_classes', lex.adjectiveNounClasses],
    ...lex.transitiveVerbs.map((v): [string, NounClass[]] => [`transitive_verbs.${v.base}.objects`, v.objects]),
  ];
  for (const [where, list] of classLists) {
    for (const cls of list) if (!known.has(cls)) throw new Error(`lexicon ${where}: unknown noun class "${cls}"`);
  }
  for (const v of lex.transitiveVerbs) {
    if (v.objects.length === 0) throw new Error(`lexicon transitive_verbs.${v.base}: no object classes`);
  }
  // English words must be single lowercase tokens so the English side parses back unambiguously.
  const words = [
    ...[lex.pronouns, lex.determiners, lex.adjectives, lex.nouns].flat().flatMap((e) => e.en),
    ...[...lex.transitiveVerbs, ...lex.intransitiveVerbs].flatMap((v) => [v.base, v.past]),
  ];
  for (const w of words) {
    if (w !== w.toLowerCase() || /\s/.test(w) || w.length === 0) throw new Error(`lexicon: word "${w}" must be one lowercase token`);
  }
  const requiredNonEmpty: [string, unknown[]][] = [
    ['pronouns', lex.pronouns],
    ['determiners', lex.determiners],
    ['transitive_verbs', lex.transitiveVerbs],
    ['intransitive_verbs', lex.intransitiveVerbs],
    ['subject_noun_classes', lex.subjectNounClasses],
  ];
  for (const [where, list] of requiredNonEmpty) if (list.length === 0) throw new Error(`lexicon ${where}: empty`);
}

/** The shipped lexicon. */
export const LEXICON: Lexicon = readLexicon(raw as LexiconJson);

export const nounsOfClass = (lex: Lexicon, cls: NounClass): Noun[] => lex.nouns.filter((n) => n.cls === cls);

export const takesAdjective = (lex: Lexicon, cls: NounClass): boolean => lex.adjectiveNounClasses.includes(cls);
