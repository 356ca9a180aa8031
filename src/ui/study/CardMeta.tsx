// The line above a card's question: kind, topic, difficulty and how well it is known.
import { type Language, useText } from '../../i18n';
import { KIND_LABELS, MASTERY_LABELS, topicById, type Card, type MasteryLevel } from '../../study';

export function CardMeta({ card, lang, mastery }: { card: Card; lang: Language; mastery: MasteryLevel }) {
  const { t } = useText();
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
