// The line above a card's question: kind, topic, difficulty and how well it is known.
import { useTranslation } from 'react-i18next';
import { KIND_LABELS, MASTERY_LABELS, topicById, type Card, type Lang, type MasteryLevel } from '../../study';

export function CardMeta({ card, lang, mastery }: { card: Card; lang: Lang; mastery: MasteryLevel }) {
  const { t } = useTranslation();
  const topic = topicById(card.topic);
  return (
    <p className="study-meta">
      <span className={`study-badge study-badge--${card.kind}`}>{KIND_LABELS[card.kind][lang]}</span>
      <span className="study-meta__topic">
        {t('study.card.topic', { n: card.topic })}
        {topic ? ` · ${topic.title[lang]}` : ''}
      </span>
      <span className="study-meta__difficulty" title={t('study.card.difficultyTitle')}>
        {t('study.card.difficulty', { n: card.difficulty })}
      </span>
      <span className={`study-mastery study-mastery--${mastery}`}>{MASTERY_LABELS[mastery][lang]}</span>
    </p>
  );
}
