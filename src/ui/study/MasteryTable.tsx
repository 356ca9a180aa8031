// How well each part of the deck is known: one row per section (stacked bar + counts), and the
// same per topic behind a disclosure. The numbers are in the table; the bars only repeat them.
import { Fragment } from 'react';
import { type Language, useText } from '../../i18n';
import {
  MASTERY_LABELS,
  MASTERY_LEVELS,
  SECTION_IDS,
  SECTIONS,
  TOPICS,
  type MasteryCounts,
  type StudyStats,
} from '../../study';

function total(c: MasteryCounts): number {
  return c.new + c.learning + c.young + c.mature;
}

export function MasteryBar({ counts }: { counts: MasteryCounts }) {
  const sum = total(counts);
  return (
    <span className="study-bar" aria-hidden="true">
      {sum > 0 &&
        MASTERY_LEVELS.map((level) =>
          counts[level] > 0 ? (
            <span key={level} className={`study-bar__part study-bar__part--${level}`} style={{ width: `${(counts[level] / sum) * 100}%` }} />
          ) : null,
        )}
    </span>
  );
}

function CountCells({ counts }: { counts: MasteryCounts }) {
  return (
    <>
      {MASTERY_LEVELS.map((level) => (
        <td key={level} className="num">
          {counts[level]}
        </td>
      ))}
      <td className="num">{total(counts)}</td>
      <td className="study-table__bar">
        <MasteryBar counts={counts} />
      </td>
    </>
  );
}

function HeaderRow({ lang, first }: { lang: Language; first: string }) {
  const { t } = useText();
  return (
    <tr>
      <th scope="col">{first}</th>
      {MASTERY_LEVELS.map((level) => (
        <th key={level} scope="col" className="num">
          <span className={`study-swatch study-swatch--${level}`} aria-hidden="true" /> {MASTERY_LABELS[level][lang]}
        </th>
      ))}
      <th scope="col" className="num">
        {t('study.progress.total')}
      </th>
      <th scope="col">
        <span className="visually-hidden">{t('study.progress.barColumn')}</span>
      </th>
    </tr>
  );
}

export function MasteryTable({ stats, lang }: { stats: StudyStats; lang: Language }) {
  const { t } = useText();
  return (
    <>
      <table className="study-table" data-testid="mastery-by-section">
        <caption>{t('study.progress.bySection')}</caption>
        <thead>
          <HeaderRow lang={lang} first={t('study.progress.section')} />
        </thead>
        <tbody>
          {SECTION_IDS.map((id) => (
            <tr key={id}>
              <th scope="row">
                {id} · {SECTIONS[id][lang]}
              </th>
              <CountCells counts={stats.bySection[id]} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('study.progress.wholeDeck')}</th>
            <CountCells counts={stats.mastery} />
          </tr>
        </tfoot>
      </table>

      <details className="study-topics">
        <summary>{t('study.progress.byTopic')}</summary>
        <table className="study-table study-table--topics" data-testid="mastery-by-topic">
          <caption className="visually-hidden">{t('study.progress.byTopic')}</caption>
          <thead>
            <HeaderRow lang={lang} first={t('study.progress.topic')} />
          </thead>
          <tbody>
            {SECTION_IDS.map((section) => (
              <Fragment key={section}>
                <tr className="study-table__group">
                  <th scope="colgroup" colSpan={MASTERY_LEVELS.length + 3}>
                    {section} · {SECTIONS[section][lang]}
                  </th>
                </tr>
                {TOPICS.filter((topic) => topic.section === section && stats.byTopic[topic.id]).map((topic) => (
                  <tr key={topic.id}>
                    <th scope="row">
                      {topic.id}. {topic.title[lang]}
                    </th>
                    <CountCells counts={stats.byTopic[topic.id]} />
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
