// Interview drill: random questions against a timer. Answer aloud or type, reveal the model
// answer, grade yourself; each grade is a review (source 'drill') for the scheduler.
import { useId, useState, type FormEvent } from 'react';
import { useText } from '../../i18n';
import {
  DECK,
  drillSummary,
  SECTION_IDS,
  SECTIONS,
  startDrill,
  type DrillSession,
  type SectionId,
} from '../../study';
import { useAppStore } from '../../store';
import { DrillQuestionView } from './DrillQuestion';
import { useFocusOnMount } from './hooks';

const COUNTS = [3, 5, 10, 20] as const;

export function DrillTab({ session, onSession }: { session: DrillSession | null; onSession: (s: DrillSession | null) => void }) {
  if (!session) return <DrillSetup onStart={onSession} />;
  if (session.phase === 'finished') return <DrillSummaryView session={session} onAgain={() => onSession(null)} />;
  return <DrillQuestionView session={session} onSession={onSession} />;
}

function DrillSetup({ onStart }: { onStart: (s: DrillSession) => void }) {
  const { t, lang } = useText();
  const settings = useAppStore((s) => s.study.snapshot?.settings);
  const [count, setCount] = useState<number>(5);
  const [section, setSection] = useState<SectionId | ''>('');
  const countId = useId();
  const sectionId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const now = Date.now();
    onStart(
      startDrill(DECK, { count, seed: now, defaultSeconds: settings?.drillSeconds ?? 60, ...(section ? { filter: { sections: [section] } } : {}) }, now),
    );
  };

  return (
    <form className="study-drill-setup" onSubmit={submit}>
      <p>{t('study.drill.intro', { seconds: settings?.drillSeconds ?? 60 })}</p>
      <div className="study-settings">
        <div className="study-settings__field">
          <label htmlFor={countId}>{t('study.drill.count')}</label>
          <select id={countId} value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="study-settings__field">
          <label htmlFor={sectionId}>{t('study.browse.section')}</label>
          <select id={sectionId} value={section} onChange={(e) => setSection(e.target.value as SectionId | '')}>
            <option value="">{t('study.browse.all')}</option>
            {SECTION_IDS.map((id) => (
              <option key={id} value={id}>
                {id} · {SECTIONS[id][lang]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" data-testid="drill-start">
          {t('study.drill.start')}
        </button>
      </div>
      <p className="study-hint">{t('study.drill.setupHint')}</p>
    </form>
  );
}

function DrillSummaryView({ session, onAgain }: { session: DrillSession; onAgain: () => void }) {
  const { t } = useText();
  const summary = drillSummary(session);
  const againRef = useFocusOnMount<HTMLButtonElement>();
  const mean = summary.meanThinkingMs === null ? '—' : t('study.drill.seconds', { n: Math.round(summary.meanThinkingMs / 1000) });
  return (
    <div className="study-drill-summary" data-testid="drill-summary">
      <h3>{t('study.drill.doneTitle')}</h3>
      <dl className="facts">
        <dt>{t('study.drill.asked')}</dt>
        <dd>{summary.asked}</dd>
        <dt>{t('study.drill.graded')}</dt>
        <dd>{t('study.drill.gradedDetail', { graded: summary.graded, again: summary.byGrade.again, hard: summary.byGrade.hard, good: summary.byGrade.good, easy: summary.byGrade.easy })}</dd>
        <dt>{t('study.drill.skipped')}</dt>
        <dd>{summary.skipped}</dd>
        <dt>{t('study.drill.overtime')}</dt>
        <dd>{summary.overtime}</dd>
        <dt>{t('study.drill.meanTime')}</dt>
        <dd>{mean}</dd>
      </dl>
      <button type="button" className="button" onClick={onAgain} ref={againRef}>
        {t('study.drill.again')}
      </button>
    </div>
  );
}
