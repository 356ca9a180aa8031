// The Study view's sub-navigation as an ARIA tablist: arrow keys, Home and End move between
// tabs (and open them), Tab moves on into the open panel.
import { useRef, type KeyboardEvent } from 'react';
import { useText } from '../../i18n';
import { STUDY_TABS, type StudyTab } from './studyRoute';

export const tabId = (tab: StudyTab) => `study-tab-${tab}`;
export const panelId = (tab: StudyTab) => `study-panel-${tab}`;

export function StudyTabs({ current, onSelect }: { current: StudyTab; onSelect: (tab: StudyTab) => void }) {
  const { t } = useText();
  const refs = useRef<Partial<Record<StudyTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (e: KeyboardEvent) => {
    const i = STUDY_TABS.indexOf(current);
    const last = STUDY_TABS.length - 1;
    const next =
      e.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
      : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : null;
    if (next === null) return;
    e.preventDefault();
    const tab = STUDY_TABS[next];
    onSelect(tab);
    refs.current[tab]?.focus();
  };

  return (
    <div className="study-tabs" role="tablist" aria-label={t('study.tabs.label')} onKeyDown={onKeyDown}>
      {STUDY_TABS.map((tab) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[tab] = el;
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === current}
          aria-controls={tab === current ? panelId(tab) : undefined}
          tabIndex={tab === current ? 0 : -1}
          className="study-tab"
          onClick={() => onSelect(tab)}
        >
          {t(`study.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
