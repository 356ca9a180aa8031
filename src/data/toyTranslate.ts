// The reference translator of the toy task: parses an English token sequence of the grammar
// (deterministically — the grammar is unambiguous) and renders its one correct Chinese
// translation. Anything outside the grammar is refused with the position and kind of the first
// problem, which is how the UI tells "not a sentence of the toy language" apart from "the model
// got it wrong".
import { LEXICON, takesAdjective, type Entry, type Lexicon, type Verb } from './lexicon';
import { EN_DID, EN_NOT, renderChinese, type NounPhrase, type Subject, type ToyForm, type ToyParts } from './toySentence';

export type ToyParseCode =
  | 'expected-subject' // not a pronoun or a determiner where the subject starts
  | 'expected-noun' // a determiner (and adjective) not followed by a noun
  | 'subject-not-allowed' // the noun cannot be a subject (only animals and people can)
  | 'adjective-not-allowed' // an adjective on a drink or a person
  | 'expected-not' // "did" after the subject must be followed by "not"
  | 'expected-verb'
  | 'wrong-verb-form' // past after "did", or base form in a statement
  | 'expected-object' // a transitive verb without its object
  | 'object-not-allowed' // an object on an intransitive verb, or of a class the verb refuses
  | 'expected-punctuation' // missing, or "." on a question / "?" on a statement
  | 'trailing-tokens'; // anything after the final punctuation

export interface ToyParseProblem {
  code: ToyParseCode;
  at: number; // index of the offending token (tokens.length when the sentence ended early)
}

export type ToyParseResult = { ok: true; parts: ToyParts } | { ok: false; problem: ToyParseProblem };

class Fail {
  constructor(readonly problem: ToyParseProblem) {}
}

/** The entry of `list` whose English tokens start at tokens[i] (longest wins), or null. */
function matchEntry<T extends Entry>(list: readonly T[], tokens: readonly string[], i: number): T | null {
  let best: T | null = null;
  for (const e of list) {
    const fits = e.en.length > 0 && e.en.every((w, k) => tokens[i + k] === w);
    if (fits && (!best || e.en.length > best.en.length)) best = e;
  }
  return best;
}

class Parser {
  i = 0;
  constructor(
    readonly tokens: readonly string[],
    readonly lex: Lexicon,
  ) {}

  fail(code: ToyParseCode, at = this.i): never {
    throw new Fail({ code, at: Math.min(at, this.tokens.length) });
  }

  take<T extends Entry>(list: readonly T[]): T | null {
    const e = matchEntry(list, this.tokens, this.i);
    if (e) this.i += e.en.length;
    return e;
  }

  nounPhrase(): NounPhrase | null {
    const det = this.take(this.lex.determiners);
    if (!det) return null;
    const adjAt = this.i;
    const adj = this.take(this.lex.adjectives);
    const noun = this.take(this.lex.nouns);
    if (!noun) this.fail('expected-noun');
    if (adj && !takesAdjective(this.lex, noun.cls)) this.fail('adjective-not-allowed', adjAt);
    return { det, adj, noun };
  }

  subject(): Subject {
    const pronoun = this.take(this.lex.pronouns);
    if (pronoun) return { kind: 'pronoun', pronoun };
    const start = this.i;
    const np = this.nounPhrase();
    if (!np) this.fail('expected-subject', start);
    if (!this.lex.subjectNounClasses.includes(np.noun.cls)) this.fail('subject-not-allowed', this.i - np.noun.en.length);
    return { kind: 'np', np };
  }

  verb(form: ToyForm): Verb {
    const word = this.tokens[this.i];
    const verbs = [...this.lex.transitiveVerbs, ...this.lex.intransitiveVerbs];
    const wanted = form === 'statement' ? 'past' : 'base';
    const verb = verbs.find((v) => v[wanted] === word);
    if (!verb) this.fail(verbs.some((v) => v.base === word || v.past === word) ? 'wrong-verb-form' : 'expected-verb');
    this.i++;
    return verb;
  }

  object(verb: Verb): NounPhrase | null {
    const start = this.i;
    const np = this.nounPhrase();
    if (verb.objects.length === 0) {
      if (np) this.fail('object-not-allowed', start);
      return null;
    }
    if (!np) this.fail('expected-object', start);
    if (!verb.objects.includes(np.noun.cls)) this.fail('object-not-allowed', start);
    return np;
  }

  sentence(): ToyParts {
    let form: ToyForm = 'statement';
    if (this.tokens[0] === EN_DID) {
      form = 'question';
      this.i = 1;
    }
    const subject = this.subject();
    if (form !== 'question' && this.tokens[this.i] === EN_DID) {
      form = 'negative';
      this.i++;
      if (this.tokens[this.i] !== EN_NOT) this.fail('expected-not');
      this.i++;
    }
    const verb = this.verb(form);
    const object = this.object(verb);
    const place = this.take(this.lex.places);
    const time = this.take(this.lex.times);
    const punctuation = form === 'question' ? this.lex.punctuation.question : this.lex.punctuation.statement;
    if (!this.take([punctuation])) this.fail('expected-punctuation');
    if (this.i !== this.tokens.length) this.fail('trailing-tokens');
    return { form, subject, verb, object, place, time };
  }
}

/** Parses English tokens of the toy grammar into their structure, or says where it fails. */
export function parseToy(enTokens: readonly string[], lex: Lexicon = LEXICON): ToyParseResult {
  try {
    return { ok: true, parts: new Parser(enTokens, lex).sentence() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** The reference Chinese translation of an English toy sentence, or null if it is not one. */
export function translateToy(enTokens: readonly string[], lex: Lexicon = LEXICON): string[] | null {
  const r = parseToy(enTokens, lex);
  return r.ok ? renderChinese(r.parts, lex) : null;
}
