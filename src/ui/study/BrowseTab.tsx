// Browse: filter and search the deck, then open a card's detail (also where `#/study?card=…`
// lands, e.g. from the walkthrough's "back to the card").
import { useMemo } from 'react';
import { useText } from '../../i18n';
import { HTML_LANG } from '../../i18n/language';
import { cardById, DECK, filterCards, KIND_LABELS, MASTERY_LABELS, masteryOf, topicById } from '../../study';
import { useAppStore } from '../../store';
import { formatHash, type Query } from '../common/route';
import { BrowseFilters, EMPTY_FILTERS, type BrowseFilterState } from './BrowseFilters';
import { CardDetail } from './CardDetail';
import { studyRouteFor } from './studyRoute';

export function BrowseTab({
  query,
  cardId,
  unknownCardId,
  filters,
  onFiltersChange,
}: {
  query: Query;
  cardId?: string;
  unknownCardId?: string;
  filters: BrowseFilterState;
  onFiltersChange: (next: BrowseFilterState) => void;
}) {
  const { t, lang } = useText();
  const snapshot = useAppStore((s) => s.study.snapshot);
  const progress = snapshot?.progress;

  const cards = useMemo(
    () =>
      filterCards(
        DECK,
        {
          text: filters.text,
          textLanguage: filters.textLanguage,
          sections: filters.section ? [filters.section] : undefined,
          topics: filters.topic === '' ? undefined : [filters.topic],
          tags: filters.tag ? [filters.tag] : undefined,
          kinds: filters.kind ? [filters.kind] : undefined,
          difficulties: filters.difficulty === '' ? undefined : [filters.difficulty],
          mastery: filters.mastery ? [filters.mastery] : undefined,
        },
        progress,
      ),
    [filters, progress],
  );

  const card = cardId ? cardById(cardId) : undefined;
  if (card) return <CardDetail card={card} listHash={formatHash(studyRouteFor(query, 'browse'))} />;

  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  return (
    <div className="study-browse">
      {unknownCardId && (
        <p className="notice" role="status">
          {t('study.browse.unknownCard', { id: unknownCardId })}
        </p>
      )}
      <BrowseFilters value={filters} onChange={onFiltersChange} lang={lang} />
      <p className="study-browse__count" aria-live="polite" data-testid="browse-count">
        {t('study.browse.count', { count: cards.length, total: DECK.length })}{' '}
        {filtered && (
          <button type="button" className="link-button" onClick={() => onFiltersChange(EMPTY_FILTERS)}>
            {t('study.browse.clear')}
          </button>
        )}
      </p>
      <ul className="study-list" data-testid="browse-list">
        {cards.map((c) => {
          const mastery = masteryOf(progress?.get(c.id));
          return (
            <li key={c.id} className="study-list__item" data-card-id={c.id}>
              <a href={formatHash(studyRouteFor(query, 'browse', c.id))} lang={HTML_LANG[lang]} className="study-list__question">
                {c.question[lang]}
              </a>
              <span className="study-list__meta">
                <span className={`study-badge study-badge--${c.kind}`}>{KIND_LABELS[c.kind][lang]}</span>
                <span>{t('study.card.topic', { n: c.topic })} · {topicById(c.topic)?.title[lang]}</span>
                <span className={`study-mastery study-mastery--${mastery}`}>{MASTERY_LABELS[mastery][lang]}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {cards.length === 0 && <p className="study-hint">{t('study.browse.none')}</p>}
    </div>
  );
}
