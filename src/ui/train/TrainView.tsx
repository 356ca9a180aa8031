// Placeholder until the training view lands.
import { useTranslation } from 'react-i18next';
import type { TrainRoute } from '../common/route';

export function TrainView(_props: { route: TrainRoute }) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="view-title">
      <h1 id="view-title">{t('views.train.title')}</h1>
      <p className="coming-next">{t('views.train.comingNext')}</p>
    </section>
  );
}
