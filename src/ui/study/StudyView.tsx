// Placeholder until the study deck lands.
import { useTranslation } from 'react-i18next';
import type { StudyRoute } from '../common/route';

export function StudyView(_props: { route: StudyRoute }) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.study.title')}</h1>
      <p className="coming-next">{t('views.study.comingNext')}</p>
    </section>
  );
}
