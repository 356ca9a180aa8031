// Seeded sampler of the toy language: the same seed always gives the same sentences.
//
// Distribution (each choice independent; "uniform" means over the lexicon's entries):
//   form         statement 1/3, negative 1/3, question 1/3
//   subject      pronoun 0.4 (uniform over 6); otherwise a noun phrase whose noun is uniform over
//                the subject classes' nouns (animal, person: 6 nouns)
//   verb         transitive 0.7 (uniform over 7), intransitive 0.3 (uniform over 6)
//   object       transitive verbs only: class uniform over the verb's allowed classes, then noun
//                uniform within the class
//   determiner   uniform over the 5 (so "the" 0.2, whose Chinese side is empty)
//   adjective    0.5 on nouns of adjective_noun_classes (animal, food, readable, thing), never on
//                drinks or people; uniform over the 5
//   PLACE        0.5, uniform over the 5;  TIME 0.5, uniform over the 4
// So about a quarter of sentences carry both PLACE and TIME, and 17.5% have an object, a PLACE
// and a TIME together: long sentences are common. Lengths reach 15 English tokens (negatives)
// and 16 Chinese tokens (questions); see toyMaxLengths.
import { LEXICON, nounsOfClass, takesAdjective, type Lexicon, type Noun } from './lexicon';
import { Rng } from './prng';
import { toySentence, type NounPhrase, type Subject, type ToyForm, type ToyParts, type ToySentence } from './toySentence';

export const TOY_DISTRIBUTION = {
  form: { statement: 1 / 3, negative: 1 / 3, question: 1 / 3 } as Record<ToyForm, number>,
  subjectPronoun: 0.4,
  transitive: 0.7,
  adjective: 0.5,
  place: 0.5,
  time: 0.5,
} as const;

function sampleForm(rng: Rng): ToyForm {
  const { statement, negative } = TOY_DISTRIBUTION.form;
  const u = rng.next();
  return u < statement ? 'statement' : u < statement + negative ? 'negative' : 'question';
}

/** Determiner and optional adjective around a chosen noun. */
function nounPhraseFor(rng: Rng, lex: Lexicon, noun: Noun): NounPhrase {
  const det = rng.pick(lex.determiners);
  const adj = takesAdjective(lex, noun.cls) && rng.chance(TOY_DISTRIBUTION.adjective) ? rng.pick(lex.adjectives) : null;
  return { det, adj, noun };
}

function sampleSubject(rng: Rng, lex: Lexicon): Subject {
  if (rng.chance(TOY_DISTRIBUTION.subjectPronoun)) return { kind: 'pronoun', pronoun: rng.pick(lex.pronouns) };
  const subjectNouns = lex.nouns.filter((n) => lex.subjectNounClasses.includes(n.cls));
  return { kind: 'np', np: nounPhraseFor(rng, lex, rng.pick(subjectNouns)) };
}

/** Samples the structure of one sentence. */
export function sampleToyParts(rng: Rng, lex: Lexicon = LEXICON): ToyParts {
  const form = sampleForm(rng);
  const subject = sampleSubject(rng, lex);
  const transitive = rng.chance(TOY_DISTRIBUTION.transitive);
  const verb = rng.pick(transitive ? lex.transitiveVerbs : lex.intransitiveVerbs);
  let object: NounPhrase | null = null;
  if (transitive) {
    const objectClass = rng.pick(verb.objects);
    object = nounPhraseFor(rng, lex, rng.pick(nounsOfClass(lex, objectClass)));
  }
  const place = rng.chance(TOY_DISTRIBUTION.place) ? rng.pick(lex.places) : null;
  const time = rng.chance(TOY_DISTRIBUTION.time) ? rng.pick(lex.times) : null;
  return { form, subject, verb, object, place, time };
}

/** An endless seeded stream of toy sentence pairs. */
export function* toySentences(seed: number, lex: Lexicon = LEXICON): Generator<ToySentence, never> {
  const rng = new Rng(seed);
  for (;;) yield toySentence(sampleToyParts(rng, lex), lex);
}

/** The first n sentences of the stream for `seed`. */
export function generateToyCorpus(seed: number, n: number, lex: Lexicon = LEXICON): ToySentence[] {
  const out: ToySentence[] = [];
  const stream = toySentences(seed, lex);
  while (out.length < n) out.push(stream.next().value);
  return out;
}
