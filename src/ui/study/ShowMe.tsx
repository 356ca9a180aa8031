// "Show me": the live panel behind a card, with the element it talks about highlighted.
import { type Language, useText } from '../../i18n';
import { backwardStageOf, type Card } from '../../study';
import { CardText } from './CardText';
import { showMeHash } from './studyRoute';

export function ShowMe({ card, lang, showBoth }: { card: Card; lang: Language; showBoth: boolean }) {
  const { t } = useText();
  return (
    <div className="study-showme">
      <a className="study-showme__link" href={showMeHash(card)} data-testid="show-me">
        {card.stage === 'train' ? t('study.card.showMeTrain') : backwardStageOf(card.stage) ? t('study.card.showMeBackward') : t('study.card.showMe')}
      </a>
      {card.stageNote && <CardText text={card.stageNote} lang={lang} showBoth={showBoth} className="study-showme__note" />}
    </div>
  );
}
