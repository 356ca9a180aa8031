// Marks the part of the Train view a study card asked about (&highlight=<id>): outlined,
// labelled, and scrolled into view once when the view opens.
import { useEffect, useRef, type ReactNode } from 'react';
import { useText } from '../../i18n';

export function Highlight({ active, id, children }: { active: boolean; id: string; children: ReactNode }) {
  const { t } = useText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [active]);
  return (
    <div ref={ref} className={active ? 'train-highlight train-highlight--on' : 'train-highlight'} data-testid={`highlight-${id}`} data-highlighted={active || undefined}>
      {active && <p className="train-highlight__label">{t('train.view.fromCard')}</p>}
      {children}
    </div>
  );
}
