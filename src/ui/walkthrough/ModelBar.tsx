// Which model and which engine the walkthrough (or the training step) computes with, and the
// way back to the shipped model after a trained or imported one was opened.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { ActiveModel } from '../../store/slices/model';
import type { BackendSummary } from '../../store/walkthroughResult';

function useModelName(model: ActiveModel): string {
  const { t } = useText();
  const c = model.checkpoint.config;
  const name = model.source === 'shipped' ? t('walkthrough.model.shipped') : model.label;
  const summary = t('walkthrough.model.summary', {
    d: c.dModel,
    h: c.nHeads,
    enc: c.nEncoderLayers,
    dec: c.nDecoderLayers,
    f: c.dFF,
    norm: t(c.norm === 'post' ? 'walkthrough.model.postNorm' : 'walkthrough.model.preNorm'),
  });
  return `${name} (${summary})`;
}

export function ModelBar({ engine, gpuFailure }: { engine: BackendSummary | null; /** The GPU's error when the shown result had to come from the CPU. */ gpuFailure: string | null }) {
  const { t } = useText();
  const active = useAppStore((s) => s.model.active);
  const restoreShipped = useAppStore((s) => s.model.restoreShipped);
  return (
    <div className="model-bar" data-testid="model-bar">
      {active && (
        <p className="model-bar__item">
          <span className="model-bar__key">{t('walkthrough.model.label')}:</span> <ModelName model={active} />
          {active.source !== 'shipped' && (
            <>
              {' '}
              <span className="model-bar__source">({t(`walkthrough.model.${active.source}`)})</span>{' '}
              <button type="button" className="button button--small" onClick={() => void restoreShipped()}>
                {t('walkthrough.model.useShipped')}
              </button>
            </>
          )}
        </p>
      )}
      {engine && (
        <p className="model-bar__item" data-testid="engine" data-engine={engine.kind}>
          <span className="model-bar__key">{t('walkthrough.model.engine')}:</span>{' '}
          {engine.kind === 'webgpu' ? t('walkthrough.model.webgpu', { name: engine.name }) : t('walkthrough.model.cpu')}
        </p>
      )}
      {gpuFailure && (
        <div className="note note--warn" role="status">
          {t('walkthrough.model.gpuFailed')}
          <details>
            <summary>{t('walkthrough.model.details')}</summary>
            <code>{gpuFailure}</code>
          </details>
        </div>
      )}
    </div>
  );
}

function ModelName({ model }: { model: ActiveModel }) {
  return <span data-testid="model-name">{useModelName(model)}</span>;
}
