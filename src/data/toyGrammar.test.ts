import { describe, expect, it } from 'vitest';
import raw from './en-zh-grammar.json';
import { LEXICON, readLexicon, type LexiconJson } from './lexicon';
import { generateToyCorpus, TOY_DISTRIBUTION } from './toyGenerator';
import { parseToy, translateToy } from './toyTranslate';
import { toyMaxLengths, type ToySentence } from './toySentence';

const words = (s: string) => s.split(' ');
const N = 20_000;
const corpus: ToySentence[] = generateToyCorpus(7, N);

// Surface word classes, read straight from the JSON so these checks do not reuse the code under test.
const json = raw as LexiconJson;
const nounClassOf = new Map(Object.entries(json.nouns).flatMap(([cls, list]) => list.map(([en]) => [en, cls] as const)));
const adjectives = new Set(json.adjectives.map(([en]) => en));
const determiners = new Set(json.determiners.map(([en]) => en));

describe('toy grammar: the examples of en-zh-grammar.md', () => {
  it.each([
    ['the cat sat .', '猫 坐 了 。'],
    ['i ate the apple yesterday .', '我 昨天 吃 了 苹果 。'],
    ['she did not read my letter in the library .', '她 在 图书馆 没 读 我 的 信 。'],
    ['did the big dog drink the water at home last night ?', '大 狗 昨晚 在 家 喝 了 水 吗 ？'],
  ])('%s → %s', (en, zh) => {
    expect(translateToy(words(en))).toEqual(words(zh));
  });
});

describe('toy grammar: generated corpus', () => {
  it('has the documented maximum lengths, reached in the corpus', () => {
    const max = toyMaxLengths(LEXICON);
    expect(max).toEqual({ en: 15, zh: 16 });
    const enLengths = corpus.map((s) => s.en.length);
    const zhLengths = corpus.map((s) => s.zh.length);
    expect(Math.max(...enLengths)).toBe(max.en);
    expect(Math.max(...zhLengths)).toBe(max.zh);
    expect(enLengths).toContain(13); // the longest statement
    expect(Math.min(...enLengths)).toBe(3); // "i sat ."
  });

  it('every sentence is parsed back to its own structure and translation', () => {
    for (const s of corpus) {
      const r = parseToy(s.en);
      if (!r.ok) throw new Error(`${s.en.join(' ')}: ${r.problem.code} at ${r.problem.at}`);
      expect(r.parts).toEqual(s.parts);
      expect(translateToy(s.en)).toEqual(s.zh);
    }
  });

  it('never breaks the surface rules', () => {
    // Collects broken rules instead of asserting per token (20k sentences stay fast).
    const broken: string[] = [];
    const check = (ok: boolean, rule: string, s: ToySentence) => {
      if (!ok) broken.push(`${rule}: ${s.en.join(' ')}`);
    };
    const has = (list: string[], w: string) => list.includes(w);
    for (const s of corpus) {
      const { en, zh } = s;
      en.forEach((w, i) => {
        if (!adjectives.has(w)) return;
        check(json.adjective_noun_classes.includes(nounClassOf.get(en[i + 1]) ?? ''), 'adjective on an allowed noun', s);
        check(determiners.has(en[i - 1]), 'adjective after a determiner', s);
      });
      const did = en.filter((w) => w === 'did').length;
      const last2 = zh.slice(-2).join(' ');
      if (s.form === 'statement') {
        check(did === 0 && en.at(-1) === '.' && zh.at(-1) === '。', 'statement: no did, full stops', s);
        check(has(zh, '了') && !has(zh, '没') && !has(zh, '吗'), 'statement: 了 only', s);
      } else if (s.form === 'negative') {
        check(did === 1 && en[en.indexOf('did') + 1] === 'not' && en.at(-1) === '.', 'negative: did not … .', s);
        check(has(zh, '没') && !has(zh, '了') && !has(zh, '吗') && zh.at(-1) === '。', 'negative: 没 … 。', s);
      } else {
        check(did === 1 && en[0] === 'did' && !has(en, 'not') && en.at(-1) === '?', 'question: did … ?', s);
        check(has(zh, '了') && last2 === '吗 ？', 'question: … 了 … 吗 ？', s);
      }
      check(!has(zh, '') && !has(en, ''), 'no empty tokens', s);
    }
    expect(broken.slice(0, 5)).toEqual([]);
  });

  it('gives transitive verbs an allowed object and intransitive verbs none', () => {
    for (const s of corpus) {
      const transitive = json.transitive_verbs.find((v) => v.base === s.parts.verb.base);
      const verbAt = s.en.findIndex((w) => w === s.parts.verb.base || w === s.parts.verb.past);
      const next = s.en[verbAt + 1];
      if (transitive) {
        expect(determiners.has(next), s.en.join(' ')).toBe(true);
        const noun = s.en.slice(verbAt + 2).find((w) => nounClassOf.has(w))!;
        expect(transitive.objects).toContain(nounClassOf.get(noun));
      } else {
        expect(s.parts.object).toBeNull();
        expect(determiners.has(next), s.en.join(' ')).toBe(false);
      }
    }
  });

  it('uses only animals and people as noun subjects', () => {
    for (const s of corpus) {
      if (s.parts.subject.kind === 'np') expect(json.subject_noun_classes).toContain(s.parts.subject.np.noun.cls);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const a = generateToyCorpus(7, 200);
    expect(a).toEqual(corpus.slice(0, 200));
    const b = generateToyCorpus(8, 200);
    const same = a.filter((s, i) => s.en.join(' ') === b[i].en.join(' ')).length;
    expect(same).toBeLessThan(20);
  });

  it('matches the documented distribution', () => {
    const frac = (pred: (s: ToySentence) => boolean, among: ToySentence[] = corpus) =>
      among.filter(pred).length / among.length;
    const near = (x: number, p: number) => expect(Math.abs(x - p)).toBeLessThan(0.03);
    for (const form of ['statement', 'negative', 'question'] as const) near(frac((s) => s.form === form), TOY_DISTRIBUTION.form[form]);
    near(frac((s) => s.parts.subject.kind === 'pronoun'), TOY_DISTRIBUTION.subjectPronoun);
    near(frac((s) => s.parts.object !== null), TOY_DISTRIBUTION.transitive);
    near(frac((s) => s.parts.place !== null), TOY_DISTRIBUTION.place);
    near(frac((s) => s.parts.time !== null), TOY_DISTRIBUTION.time);
    near(frac((s) => s.parts.place !== null && s.parts.time !== null && s.parts.object !== null), 0.175);
    const objects = corpus.flatMap((s) => (s.parts.object ? [s.parts.object] : []));
    const eligible = objects.filter((np) => json.adjective_noun_classes.includes(np.noun.cls));
    near(eligible.filter((np) => np.adj).length / eligible.length, TOY_DISTRIBUTION.adjective);
    near(objects.filter((np) => np.det.en[0] === 'the').length / objects.length, 1 / json.determiners.length);
    // Long sentences are common: about a third of the corpus has 10 or more English tokens.
    expect(frac((s) => s.en.length >= 10)).toBeGreaterThan(0.28);
  });
});

describe('toy grammar: the reference translator refuses what the grammar cannot produce', () => {
  it.each([
    ['cat sat .', 'expected-subject', 0],
    ['the big .', 'expected-noun', 2],
    ['the water sat .', 'subject-not-allowed', 1],
    ['i drank the red water .', 'adjective-not-allowed', 3],
    ['the big teacher ran .', 'adjective-not-allowed', 1],
    ['she did read the book .', 'expected-not', 2],
    ['i banana .', 'expected-verb', 1],
    ['did she ate the apple ?', 'wrong-verb-form', 2],
    ['she eat the apple .', 'wrong-verb-form', 1],
    ['i ate .', 'expected-object', 2],
    ['i ate the water .', 'object-not-allowed', 2],
    ['the cat sat the apple .', 'object-not-allowed', 3],
    ['i ate the apple ?', 'expected-punctuation', 4],
    ['i sat yesterday at home .', 'expected-punctuation', 3],
    ['i sat', 'expected-punctuation', 2],
    ['i ate the apple . .', 'trailing-tokens', 5],
    ['', 'expected-subject', 0],
  ])('%s → %s at %i', (en, code, at) => {
    const r = parseToy(en ? words(en) : []);
    expect(r).toEqual({ ok: false, problem: { code, at } });
    expect(translateToy(en ? words(en) : [])).toBeNull();
  });
});

describe('lexicon', () => {
  it('splits multi-word entries into tokens on both sides', () => {
    expect(LEXICON.times.find((t) => t.en.join(' ') === 'last night')).toEqual({ en: ['last', 'night'], zh: ['昨晚'] });
    expect(LEXICON.times.find((t) => t.en[0] === 'this')?.zh).toEqual(['今天', '早上']);
    expect(LEXICON.determiners[0]).toEqual({ en: ['the'], zh: [] });
  });

  it('rejects a verb whose object class does not exist', () => {
    const broken = structuredClone(json);
    broken.transitive_verbs[0].objects = ['furniture'];
    expect(() => readLexicon(broken)).toThrow(/transitive_verbs\.eat\.objects: unknown noun class "furniture"/);
  });

  it('rejects an unknown format', () => {
    expect(() => readLexicon({ ...json, format: 'other@2' })).toThrow(/format/);
  });
});

describe('lexicon immutability', () => {
  it('cannot be changed through a generated sentence', () => {
    const s = generateToyCorpus(1, 1)[0];
    expect(() => s.parts.verb.zh.push('x')).toThrow(TypeError);
    expect(Object.isFrozen(LEXICON.nouns[0].en)).toBe(true);
  });
});
