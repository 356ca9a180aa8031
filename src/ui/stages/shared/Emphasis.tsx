// Marks the part of a panel a study card asked about (?highlight=<id>): outlined, labelled,
// and scrolled into view once when the panel opens.
import { useEffect, useRef, type ReactNode } from 'react';
import { useText } from '../../../i18n';

const LABEL = { en: 'From your study card', zh: '学习卡片所指的内容' };

export function Emphasis({ active, children, testId }: { active: boolean; children: ReactNode; testId?: string }) {
  const { text: tx } = useText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [active]);
  return (
    <div ref={ref} className={active ? 'emphasis emphasis--on' : 'emphasis'} data-testid={testId} data-highlighted={active || undefined}>
      {active && <p className="emphasis__label">{tx(LABEL)}</p>}
      {children}
    </div>
  );
}
