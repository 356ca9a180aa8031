// "Study this": the study cards whose "show me" opens this stage (a forward stage id, or
// 'backward/<id>' for the training step), in the current language.
// The deck is loaded on first use (it is text for 97 cards; the walkthrough does not need it
// to start).
import { useEffect, useId, useState } from 'react';
import { useText } from '../../i18n';
import type { Card, CardStage } from '../../study/types';

let deckPromise: Promise<readonly Card[]> | null = null;
function loadDeck(): Promise<readonly Card[]> {
  deckPromise ??= import('../../study/cards').then((m) => m.DECK);
  return deckPromise;
}

export function StudyThis({ stage }: { stage: CardStage }) {
  const { t, text: tx } = useText();
  const [open, setOpen] = useState(false);
  const [cards, setCards] = useState<readonly Card[] | null>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadDeck().then((deck) => live && setCards(deck.filter((c) => c.stage === stage)));
    return () => {
      live = false;
    };
  }, [open, stage]);

  return (
    <div className="study-this">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        data-testid="study-this"
      >
        {t('walkthrough.study.open')}
      </button>
      <div id={listId} className="study-this__panel" hidden={!open}>
        {open && cards === null && <p>{t('app.loading')}</p>}
        {open && cards?.length === 0 && <p>{t('walkthrough.study.none')}</p>}
        {open && cards && cards.length > 0 && (
          <>
            <p className="study-this__heading">{t('walkthrough.study.heading')}</p>
            <ul>
              {cards.map((c) => (
                <li key={c.id}>
                  <a href={`#/study?card=${encodeURIComponent(c.id)}`} data-card={c.id}>
                    {tx(c.question)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
