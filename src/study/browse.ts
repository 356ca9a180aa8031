// Browsing the deck: filter by section, topic, tag, kind, difficulty and mastery, and search
// the text in both languages or in one.
import { topicById, type SectionId } from './curriculum';
import { masteryOf, type MasteryLevel } from './mastery';
import type { CardProgress } from './records';
import type { Language } from '../i18n/language';
import type { Card, CardKind, Difficulty } from './types';

/** Where a text search looks: both languages (the default), or only one. */
export type SearchLanguage = 'both' | Language;

/** Every field narrows the result; within a field, any listed value matches. */
export interface CardFilter {
  sections?: readonly SectionId[];
  topics?: readonly number[];
  tags?: readonly string[];
  kinds?: readonly CardKind[];
  difficulties?: readonly Difficulty[];
  /** Needs the progress map passed to filterCards. */
  mastery?: readonly MasteryLevel[];
  /** Words to find (all of them) in the card's texts, tags or topic title. */
  text?: string;
  /**
   * The language whose texts `text` is looked for in (default both). A bilingual learner may
   * want only one: "softmax" is written in Latin letters in Chinese answers too. Ids, tags and
   * formulas count as English; a cloze answer counts for the script it is written in.
   */
  textLanguage?: SearchLanguage;
}

/** Case- and width-insensitive form for searching (full-width letters match ASCII). */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

const CJK = /[\u3400-\u9fff]/;

/** Everything a text search in `lang` looks at. */
function searchableText(card: Card, lang: Language): string {
  const topic = topicById(card.topic);
  const answers = (card.cloze?.answers ?? []).filter((a) => CJK.test(a) === (lang === 'zh'));
  const parts = [card.question[lang], card.answer[lang], card.cloze?.text[lang] ?? '', ...answers, topic?.title[lang] ?? ''];
  if (lang === 'en') parts.push(card.id, card.formula ?? '', ...card.tags);
  return fold(parts.join('\n'));
}

const textCache = new WeakMap<Card, Record<SearchLanguage, string>>();

function textOf(card: Card, lang: SearchLanguage): string {
  let texts = textCache.get(card);
  if (texts === undefined) {
    const en = searchableText(card, 'en');
    const zh = searchableText(card, 'zh');
    texts = { en, zh, both: `${en}\n${zh}` };
    textCache.set(card, texts);
  }
  return texts[lang];
}

/** Search terms: whitespace-separated words; Chinese text without spaces is one term, matched as a substring. */
export function searchTerms(text: string): string[] {
  return fold(text).split(/\s+/).filter((t) => t.length > 0);
}

export function matchesFilter(card: Card, filter: CardFilter, progress?: ReadonlyMap<string, CardProgress>): boolean {
  const has = <T>(list: readonly T[] | undefined, value: T) => !list || list.length === 0 || list.includes(value);
  if (!has(filter.topics, card.topic)) return false;
  if (filter.sections && filter.sections.length > 0) {
    const section = topicById(card.topic)?.section;
    if (!section || !filter.sections.includes(section)) return false;
  }
  if (filter.tags && filter.tags.length > 0 && !card.tags.some((t) => filter.tags!.includes(t))) return false;
  if (!has(filter.kinds, card.kind)) return false;
  if (!has(filter.difficulties, card.difficulty)) return false;
  if (filter.mastery && filter.mastery.length > 0 && !filter.mastery.includes(masteryOf(progress?.get(card.id)))) {
    return false;
  }
  if (filter.text) {
    const haystack = textOf(card, filter.textLanguage ?? 'both');
    if (!searchTerms(filter.text).every((term) => haystack.includes(term))) return false;
  }
  return true;
}

/** The cards that pass the filter, in deck order. */
export function filterCards(
  deck: readonly Card[],
  filter: CardFilter,
  progress?: ReadonlyMap<string, CardProgress>,
): Card[] {
  return deck.filter((card) => matchesFilter(card, filter, progress));
}

/** Every tag in the deck with how many cards carry it, most used first (ties alphabetical). */
export function tagCounts(deck: readonly Card[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const card of deck) for (const tag of card.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
