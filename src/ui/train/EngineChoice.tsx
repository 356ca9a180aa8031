// The engine override: Auto (the faster engine measured on this machine) / GPU / CPU,
// remembered per GPU adapter by the training slice; a change moves a current model to that
// engine. "Measure again" forgets the stored measurements. Without WebGPU there is nothing to
// choose: a line says so.
import { useId } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { ENGINE_PREFERENCES, type EnginePreference } from '../../train/enginePick';

export function EngineChoice() {
  const { t } = useText();
  const id = useId();
  const engine = useAppStore((s) => s.training.engine);
  const gpuKnown = useAppStore((s) => s.gpu.state.kind !== 'pending');
  const gpuReady = useAppStore((s) => s.gpu.state.kind === 'ready');
  const status = useAppStore((s) => s.training.status);
  const setPreference = useAppStore((s) => s.training.setEnginePreference);
  const remeasure = useAppStore((s) => s.training.remeasureEngines);
  const busy = status === 'starting' || status === 'recovering' || engine.calibrating !== null;

  if (!gpuKnown) return null;
  if (!gpuReady) {
    return (
      <p className="train-field__hint train-engine-choice" data-testid="engine-choice-none">
        {t('train.engineChoice.noGpu')}
      </p>
    );
  }
  const label = (p: EnginePreference) => t(`train.engineChoice.${p}`);
  return (
    <div className="train-engine-choice">
      <div className="train-field">
        <label htmlFor={id}>{t('train.engineChoice.label')}</label>
        <select
          id={id}
          value={engine.preference}
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void setPreference(e.target.value as EnginePreference)}
          data-testid="engine-choice"
        >
          {ENGINE_PREFERENCES.map((p) => (
            <option key={p} value={p}>
              {label(p)}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="train-field__hint">
          {t('train.engineChoice.hint')}
        </p>
      </div>
      {engine.preference === 'auto' && engine.source && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void remeasure()} data-testid="engine-remeasure">
          {t('train.engineChoice.remeasure')}
        </button>
      )}
    </div>
  );
}
