// The Browse filters: words (in either or one language), section, topic, tag, kind,
// difficulty and mastery. Every control is a labelled native input or select.
import { useId, type ReactNode } from 'react';
import { type Language, useText } from '../../i18n';
import {
  CARD_KINDS,
  DECK,
  KIND_LABELS,
  MASTERY_LABELS,
  MASTERY_LEVELS,
  SECTION_IDS,
  SECTIONS,
  tagCounts,
  TOPICS,
  type CardKind,
  type Difficulty,
  type MasteryLevel,
  type SearchLanguage,
  type SectionId,
} from '../../study';

export interface BrowseFilterState {
  text: string;
  textLanguage: SearchLanguage;
  section: SectionId | '';
  topic: number | '';
  tag: string;
  kind: CardKind | '';
  difficulty: Difficulty | '';
  mastery: MasteryLevel | '';
}

export const EMPTY_FILTERS: BrowseFilterState = {
  text: '',
  textLanguage: 'both',
  section: '',
  topic: '',
  tag: '',
  kind: '',
  difficulty: '',
  mastery: '',
};

const TAGS = tagCounts(DECK);

function Select({ label, value, onChange, children, testId }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <div className="study-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {children}
      </select>
    </div>
  );
}

export function BrowseFilters({ value, onChange, lang }: { value: BrowseFilterState; onChange: (next: BrowseFilterState) => void; lang: Language }) {
  const { t } = useText();
  const searchId = useId();
  const set = (patch: Partial<BrowseFilterState>) => onChange({ ...value, ...patch });
  const all = t('study.browse.all');
  const topics = TOPICS.filter((topic) => value.section === '' || topic.section === value.section);

  return (
    <div className="study-filters" role="search" aria-label={t('study.browse.filtersLabel')}>
      <div className="study-filter study-filter--search">
        <label htmlFor={searchId}>{t('study.browse.search')}</label>
        <input
          id={searchId}
          type="search"
          value={value.text}
          placeholder={t('study.browse.searchPlaceholder')}
          onChange={(e) => set({ text: e.target.value })}
          data-testid="browse-search"
        />
      </div>
      <Select label={t('study.browse.searchIn')} value={value.textLanguage} onChange={(v) => set({ textLanguage: v as SearchLanguage })} testId="browse-search-lang">
        <option value="both">{t('study.browse.bothLanguages')}</option>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </Select>
      <Select
        label={t('study.browse.section')}
        value={value.section}
        onChange={(v) => {
          const section = v as SectionId | '';
          // A topic of another section would hide everything: drop it.
          const keepTopic = value.topic !== '' && (section === '' || TOPICS.find((tp) => tp.id === value.topic)?.section === section);
          set({ section, topic: keepTopic ? value.topic : '' });
        }}
      >
        <option value="">{all}</option>
        {SECTION_IDS.map((id) => (
          <option key={id} value={id}>
            {id} · {SECTIONS[id][lang]}
          </option>
        ))}
      </Select>
      <Select label={t('study.browse.topic')} value={String(value.topic)} onChange={(v) => set({ topic: v === '' ? '' : Number(v) })} testId="browse-topic">
        <option value="">{all}</option>
        {topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.id}. {topic.title[lang]}
          </option>
        ))}
      </Select>
      <Select label={t('study.browse.tag')} value={value.tag} onChange={(v) => set({ tag: v })}>
        <option value="">{all}</option>
        {TAGS.map(({ tag, count }) => (
          <option key={tag} value={tag}>
            {tag} ({count})
          </option>
        ))}
      </Select>
      <Select label={t('study.browse.kind')} value={value.kind} onChange={(v) => set({ kind: v as CardKind | '' })} testId="browse-kind">
        <option value="">{all}</option>
        {CARD_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind][lang]}
          </option>
        ))}
      </Select>
      <Select label={t('study.browse.difficulty')} value={String(value.difficulty)} onChange={(v) => set({ difficulty: v === '' ? '' : (Number(v) as Difficulty) })}>
        <option value="">{all}</option>
        {([1, 2, 3] as const).map((d) => (
          <option key={d} value={d}>
            {t(`study.browse.difficulty${d}`)}
          </option>
        ))}
      </Select>
      <Select label={t('study.browse.mastery')} value={value.mastery} onChange={(v) => set({ mastery: v as MasteryLevel | '' })}>
        <option value="">{all}</option>
        {MASTERY_LEVELS.map((level) => (
          <option key={level} value={level}>
            {MASTERY_LABELS[level][lang]}
          </option>
        ))}
      </Select>
    </div>
  );
}
