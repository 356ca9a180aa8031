// Start / Pause / Step / Reset, what the run is doing (status, steps, time, rates, engine,
// model), and "Open in walkthrough". The counters read the live record on their own schedule,
// so a step re-renders only this small part.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { engineOf } from '../../train/enginePick';
import type { TrainingLive } from '../../train/live';
import { useConfirm } from './ConfirmDialog';
import { EngineChoice } from './EngineChoice';
import { engineWhy } from './engineWhy';
import { formatCount, formatDuration } from './format';
import { useLiveVersion } from './useLive';

/** The Start/Pause button's id (where focus goes when a notice closes). */
export const MAIN_CONTROL_ID = 'train-toggle';

/** Statuses in which the run is busy (the main button pauses). */
const BUSY = new Set(['running', 'starting', 'recovering']);

export function Controls({ beforeRun, onOpenWalkthrough }: { beforeRun: () => Promise<boolean>; onOpenWalkthrough: () => void }) {
  const { t, lang } = useText();
  const confirm = useConfirm();
  const status = useAppStore((s) => s.training.status);
  const steps = useAppStore((s) => s.training.steps);
  const origin = useAppStore((s) => s.training.origin);
  const engineKind = useAppStore((s) => s.training.engineKind);
  const info = useAppStore((s) => s.training.info);
  const choice = useAppStore((s) => s.training.engine);
  const live = useAppStore((s) => s.training.live);
  const start = useAppStore((s) => s.training.start);
  const pause = useAppStore((s) => s.training.pause);
  const step = useAppStore((s) => s.training.step);
  const reset = useAppStore((s) => s.training.reset);
  const busy = BUSY.has(status);
  const hasModel = steps > 0 || origin.kind !== 'new';
  const canOpen = hasModel && (status === 'paused' || status === 'diverged');

  const toggle = async () => {
    if (busy) return pause();
    if (await beforeRun()) await start();
  };
  const runOne = async () => {
    if (await beforeRun()) await step(1);
  };
  const askReset = async () => {
    if (hasModel && !(await confirm({ title: t('train.confirm.resetTitle'), body: t('train.confirm.resetBody'), action: t('train.confirm.resetAction'), danger: true }))) return;
    await reset();
  };

  const originText =
    origin.kind === 'saved' || origin.kind === 'imported' ? t(`train.origin.${origin.kind}`, { name: origin.name }) : t(`train.origin.${origin.kind}`);
  const workers = info?.workers ?? 1;
  const engineText = engineKind
    ? t(`train.engine.${engineKind}`) +
      (engineKind === 'webgpu' && info?.device ? ` · ${info.device}` : '') +
      (workers > 1 ? ` · ${t('train.controls.workers', { n: workers })}` : '')
    : t('train.controls.engineLater');
  // Why this engine (measured ratio, the user's choice, no WebGPU…), or what is being measured.
  // Only for the engine that runs (after a device loss it may differ from the decision).
  const decided = !!engineKind && choice.decision?.engine === engineOf(engineKind);
  const why = choice.calibrating || decided ? engineWhy(choice, t, lang) : null;

  return (
    <section className="train-panel train-controls" aria-labelledby="train-controls-title">
      <div className="train-controls__head">
        <h2 id="train-controls-title">{t('train.controls.title')}</h2>
        <p className="train-status" data-status={status} role="status" data-testid="train-status">
          <span className="train-status__dot" aria-hidden="true" />
          <span className="visually-hidden">{t('train.controls.status')}: </span>
          {t(`train.status.${status}`)}
        </p>
      </div>
      <div className="train-controls__buttons">
        <button type="button" id={MAIN_CONTROL_ID} className="button train-controls__main" onClick={() => void toggle()} data-testid="train-toggle">
          {busy ? t('train.controls.pause') : hasModel ? t('train.controls.resume') : t('train.controls.start')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void runOne()} title={t('train.controls.stepHint')} data-testid="train-step">
          {t('train.controls.step')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void askReset()} data-testid="train-reset">
          {t('train.controls.reset')}
        </button>
      </div>
      <dl className="train-stats">
        <LiveStats live={live} />
        <div>
          <dt>{t('train.controls.engine')}</dt>
          <dd data-testid="train-engine" data-engine={engineKind ?? ''} data-workers={info ? workers : ''} data-reason={choice.decision?.reason ?? ''}>
            {choice.calibrating ? null : engineText}
            {why && (
              <span className="train-engine__why" data-testid="train-engine-why">
                {choice.calibrating ? why : ` — ${why}`}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('train.controls.model')}</dt>
          <dd data-testid="train-origin">
            {originText}
            {info ? ` · ${t('train.controls.parameters', { n: formatCount(info.parameters, lang) })}` : ''}
          </dd>
        </div>
      </dl>
      <EngineChoice />
      <div className="train-controls__walkthrough">
        <button type="button" className="button button--secondary" disabled={!canOpen} onClick={onOpenWalkthrough} aria-describedby="train-open-hint" data-testid="open-walkthrough">
          {t('train.controls.openWalkthrough')}
        </button>
        <p id="train-open-hint" className="train-field__hint">
          {canOpen || !hasModel ? t('train.controls.openWalkthroughHint') : t('train.controls.openWalkthroughLater')}
        </p>
      </div>
    </section>
  );
}

/** Steps, running time and throughput, from the live record (a few updates a second). */
function LiveStats({ live }: { live: TrainingLive }) {
  const { t, lang } = useText();
  useLiveVersion(live, 250);
  const rates = live.rates();
  const items: [string, string, string][] = [
    ['steps', t('train.controls.steps'), formatCount(live.step, lang)],
    ['elapsed', t('train.controls.elapsed'), formatDuration(live.elapsedMs)],
    ['steps-per-sec', t('train.controls.stepsPerSec'), formatCount(rates.stepsPerSec, lang, 1)],
    ['tokens-per-sec', t('train.controls.tokensPerSec'), formatCount(rates.tokensPerSec, lang)],
  ];
  return (
    <>
      {items.map(([id, label, value]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={`train-${id}`} data-value={id === 'steps' ? live.step : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </>
  );
}
