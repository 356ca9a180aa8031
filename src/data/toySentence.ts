// The structure of one toy sentence and how each language lays it out (en-zh-grammar.md):
//
//   statement  SUBJ V.past [O] [PLACE] [TIME] .          SUBJ [TIME] [PLACE] V 了 [O] 。
//   negative   SUBJ did not V.base [O] [PLACE] [TIME] .  SUBJ [TIME] [PLACE] 没 V [O] 。
//   question   did SUBJ V.base [O] [PLACE] [TIME] ?      SUBJ [TIME] [PLACE] V 了 [O] 吗 ？
//
// The generator samples a ToyParts and renders both sides; the reference translator parses the
// English side back into a ToyParts and renders the Chinese side. One renderer serves both, so
// they cannot disagree.
import type { Entry, Lexicon, Noun, Verb } from './lexicon';

export type ToyForm = 'statement' | 'negative' | 'question';
export const TOY_FORMS: readonly ToyForm[] = ['statement', 'negative', 'question'];

/** DET [ADJ] NOUN */
export interface NounPhrase {
  det: Entry;
  adj: Entry | null;
  noun: Noun;
}

export type Subject = { kind: 'pronoun'; pronoun: Entry } | { kind: 'np'; np: NounPhrase };

export interface ToyParts {
  form: ToyForm;
  subject: Subject;
  verb: Verb;
  object: NounPhrase | null; // present exactly when the verb is transitive
  place: Entry | null;
  time: Entry | null;
}

/** A sentence pair as token arrays (the unit every dataset in src/data yields). */
export interface TokenPair {
  en: string[];
  zh: string[];
}

export interface ToySentence extends TokenPair {
  form: ToyForm;
  parts: ToyParts;
}

// Fixed function words of the rules table (not in the JSON lexicon).
export const EN_DID = 'did';
export const EN_NOT = 'not';
export const ZH_PERFECTIVE = '了';
export const ZH_NEGATION = '没';
export const ZH_QUESTION = '吗';

const npEn = (np: NounPhrase): string[] => [...np.det.en, ...(np.adj?.en ?? []), ...np.noun.en];
const npZh = (np: NounPhrase): string[] => [...np.det.zh, ...(np.adj?.zh ?? []), ...np.noun.zh];
const subjectEn = (s: Subject): string[] => (s.kind === 'pronoun' ? s.pronoun.en : npEn(s.np));
const subjectZh = (s: Subject): string[] => (s.kind === 'pronoun' ? s.pronoun.zh : npZh(s.np));

export function renderEnglish(p: ToyParts, lex: Lexicon): string[] {
  const tail = [...(p.object ? npEn(p.object) : []), ...(p.place?.en ?? []), ...(p.time?.en ?? [])];
  switch (p.form) {
    case 'statement':
      return [...subjectEn(p.subject), p.verb.past, ...tail, ...lex.punctuation.statement.en];
    case 'negative':
      return [...subjectEn(p.subject), EN_DID, EN_NOT, p.verb.base, ...tail, ...lex.punctuation.statement.en];
    case 'question':
      return [EN_DID, ...subjectEn(p.subject), p.verb.base, ...tail, ...lex.punctuation.question.en];
  }
}

export function renderChinese(p: ToyParts, lex: Lexicon): string[] {
  const head = [...subjectZh(p.subject), ...(p.time?.zh ?? []), ...(p.place?.zh ?? [])];
  const object = p.object ? npZh(p.object) : [];
  switch (p.form) {
    case 'statement':
      return [...head, ...p.verb.zh, ZH_PERFECTIVE, ...object, ...lex.punctuation.statement.zh];
    case 'negative':
      return [...head, ZH_NEGATION, ...p.verb.zh, ...object, ...lex.punctuation.statement.zh];
    case 'question':
      return [...head, ...p.verb.zh, ZH_PERFECTIVE, ...object, ZH_QUESTION, ...lex.punctuation.question.zh];
  }
}

export function toySentence(parts: ToyParts, lex: Lexicon): ToySentence {
  return { en: renderEnglish(parts, lex), zh: renderChinese(parts, lex), form: parts.form, parts };
}

/**
 * The longest English and Chinese sentences the grammar can produce, from the lexicon
 * (for the shipped one: 15 English tokens, a negative such as "the big dog did not see the big
 * cat in the park last night .", and 16 Chinese tokens, a question with "我 的" on both noun
 * phrases and "今天 早上").
 */
export function toyMaxLengths(lex: Lexicon): { en: number; zh: number } {
  const longest = (lists: string[][]): number => Math.max(0, ...lists.map((l) => l.length));
  const adjEn = longest(lex.adjectives.map((a) => a.en));
  const adjZh = longest(lex.adjectives.map((a) => a.zh));
  const detEn = longest(lex.determiners.map((d) => d.en));
  const detZh = longest(lex.determiners.map((d) => d.zh));
  const npOf = (nouns: Noun[], side: 'en' | 'zh'): number =>
    Math.max(
      0,
      ...nouns.map(
        (n) =>
          (side === 'en' ? detEn : detZh) +
          (lex.adjectiveNounClasses.includes(n.cls) ? (side === 'en' ? adjEn : adjZh) : 0) +
          n[side].length,
      ),
    );
  const subjectNouns = lex.nouns.filter((n) => lex.subjectNounClasses.includes(n.cls));
  const side = (s: 'en' | 'zh') => {
    const subject = Math.max(longest(lex.pronouns.map((p) => p[s])), npOf(subjectNouns, s));
    const place = longest(lex.places.map((p) => p[s]));
    const time = longest(lex.times.map((t) => t[s]));
    // Longest verb + object combination over all verbs (intransitives have no object).
    const verbs = [...lex.transitiveVerbs, ...lex.intransitiveVerbs];
    const verbObject = Math.max(
      ...verbs.map((v) => {
        const verbLen = s === 'en' ? 1 : v.zh.length;
        return verbLen + npOf(lex.nouns.filter((n) => v.objects.includes(n.cls)), s);
      }),
    );
    return { subject, place, time, verbObject };
  };
  const en = side('en');
  const zh = side('zh');
  const enCore = en.subject + en.verbObject + en.place + en.time;
  const zhCore = zh.subject + zh.verbObject + zh.place + zh.time;
  const stop = lex.punctuation.statement;
  const ask = lex.punctuation.question;
  return {
    // statement: core + "." ; negative: + "did not" ; question: "did" + core + "?"
    en: Math.max(enCore + stop.en.length, enCore + 2 + stop.en.length, enCore + 1 + ask.en.length),
    // statement: + 了 + 。 ; negative: 没 + 。 ; question: 了 + 吗 + ？
    zh: Math.max(zhCore + 1 + stop.zh.length, zhCore + 1 + stop.zh.length, zhCore + 2 + ask.zh.length),
  };
}
