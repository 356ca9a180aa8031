// "Predict, then see": write down what the experiment will do, run it in the Train view, then
// reveal the explanation. The prediction is kept in the store, so it survives the trip.
import { useId } from 'react';
import { useText } from '../../i18n';
import type { Card } from '../../study';
import { useAppStore } from '../../store';
import { experimentHash } from './studyRoute';

export function PredictField({ card, revealed }: { card: Card; revealed: boolean }) {
  const { t } = useText();
  const fieldId = useId();
  const prediction = useAppStore((s) => s.study.predictions[card.id] ?? '');
  const setPrediction = useAppStore((s) => s.study.setPrediction);
  const href = experimentHash(card);
  return (
    <div className="study-predict">
      <label htmlFor={fieldId} className="study-field-label">
        {t('study.predict.label')}
      </label>
      <textarea
        id={fieldId}
        className="study-textarea"
        rows={3}
        value={prediction}
        readOnly={revealed}
        placeholder={t('study.predict.placeholder')}
        onChange={(e) => setPrediction(card.id, e.target.value)}
      />
      {href && (
        <p className="study-predict__run">
          <a className="button button--secondary" href={href} data-testid="run-experiment">
            {card.experiment ? t('study.predict.run') : t('families.study.see')}
          </a>{' '}
          <span className="study-hint">{card.experiment ? t('study.predict.runHint') : t('families.study.seeHint')}</span>
        </p>
      )}
    </div>
  );
}
