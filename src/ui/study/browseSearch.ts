// Browse: the deck's filter (src/study/browse.ts) plus the choice of which language the search
// words are looked for in. The study layer searches both languages at once; a bilingual learner
// sometimes wants only one (an English term that also appears in a Chinese answer, say).
import { filterCards, topicById, type Card, type CardFilter, type CardProgress, type Lang } from '../../study';

export type SearchLanguage = 'both' | Lang;

export interface BrowseQuery extends Omit<CardFilter, 'text'> {
  text?: string;
  textLanguage?: SearchLanguage;
}

/** Case- and width-insensitive, as the study layer's own search. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The card's texts in one language; tags, ids and formulas count as English. */
function textIn(card: Card, lang: Lang): string {
  const topic = topicById(card.topic);
  const parts = [card.question[lang], card.answer[lang], card.cloze?.text[lang] ?? '', topic?.title[lang] ?? ''];
  if (lang === 'en') parts.push(card.id, card.formula ?? '', ...card.tags);
  return fold(parts.join('\n'));
}

/** The cards matching every filter, in deck order. */
export function browseCards(deck: readonly Card[], query: BrowseQuery, progress?: ReadonlyMap<string, CardProgress>): Card[] {
  const { text, textLanguage = 'both', ...filter } = query;
  const trimmed = text?.trim() ?? '';
  if (trimmed === '' || textLanguage === 'both') return filterCards(deck, { ...filter, text: trimmed }, progress);
  const terms = fold(trimmed).split(/\s+/).filter(Boolean);
  return filterCards(deck, filter, progress).filter((card) => {
    const haystack = textIn(card, textLanguage);
    return terms.every((term) => haystack.includes(term));
  });
}
