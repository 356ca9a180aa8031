// The toy task's two vocabularies, read off the lexicon: every token the grammar can produce and
// nothing else, in a fixed order (specials; then pronouns, determiners, adjectives, nouns, verbs,
// places, times, function words, punctuation — each in lexicon order).
import { LEXICON, type Entry, type Lexicon } from './lexicon';
import { EN_DID, EN_NOT, ZH_NEGATION, ZH_PERFECTIVE, ZH_QUESTION } from './toySentence';
import { Vocab } from './vocab';

function reachableNouns(lex: Lexicon) {
  const classes = new Set([...lex.subjectNounClasses, ...lex.transitiveVerbs.flatMap((v) => v.objects)]);
  return lex.nouns.filter((n) => classes.has(n.cls));
}

function orderedEntries(lex: Lexicon): Entry[] {
  const nouns = reachableNouns(lex);
  const adjectivesUsed = nouns.some((n) => lex.adjectiveNounClasses.includes(n.cls));
  return [
    ...lex.pronouns,
    ...lex.determiners,
    ...(adjectivesUsed ? lex.adjectives : []),
    ...nouns,
    ...lex.places,
    ...lex.times,
    lex.punctuation.statement,
    lex.punctuation.question,
  ];
}

export function toyVocabs(lex: Lexicon = LEXICON): { src: Vocab; tgt: Vocab } {
  const verbs = [...lex.transitiveVerbs, ...lex.intransitiveVerbs];
  const entries = orderedEntries(lex);
  const en = [...entries.flatMap((e) => e.en), ...verbs.flatMap((v) => [v.base, v.past]), EN_DID, EN_NOT];
  const zh = [...entries.flatMap((e) => e.zh), ...verbs.flatMap((v) => v.zh), ZH_PERFECTIVE, ZH_NEGATION, ZH_QUESTION];
  return { src: Vocab.fromWords(en), tgt: Vocab.fromWords(zh) };
}
