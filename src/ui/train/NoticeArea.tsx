// What the runtime has to tell the user (the training slice's `notice`), in words, with the
// actions that help: resume, lower the learning rate, export, dismiss. Problems are alerts and
// take the focus; confirmations are polite status messages.
import { useEffect, useRef, type ReactNode } from 'react';
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { TrainingNotice } from '../../store/slices/training';
import { formatShort } from '../../viz';
import { formatRate } from './format';
import { MAIN_CONTROL_ID } from './Controls';
import { downloadText } from '../../viz/download';

const ALERTS = new Set<TrainingNotice['kind']>(['divergence', 'error', 'storage', 'import-refused']);

interface Action {
  label: string;
  run: () => void;
  primary?: boolean;
}

export function NoticeArea() {
  const notice = useAppStore((s) => s.training.notice);
  if (!notice) return null;
  return <Notice key={noticeKey(notice)} notice={notice} />;
}

function noticeKey(n: TrainingNotice): string {
  return JSON.stringify(n);
}

function Notice({ notice }: { notice: TrainingNotice }) {
  const { t } = useText();
  const dismissNotice = useAppStore((s) => s.training.dismissNotice);
  const start = useAppStore((s) => s.training.start);
  const setConfig = useAppStore((s) => s.training.setConfig);
  const exportModel = useAppStore((s) => s.training.exportModel);
  const lr = useAppStore((s) => s.training.config.optimizer.lr);
  const ref = useRef<HTMLDivElement>(null);
  const alert = ALERTS.has(notice.kind);
  useEffect(() => {
    if (alert) ref.current?.focus();
  }, [alert]);

  const dismiss: Action = {
    label: t('train.actions.dismiss'),
    run: () => {
      dismissNotice();
      document.getElementById(MAIN_CONTROL_ID)?.focus(); // the notice held the focus; give it a sensible home
    },
  };
  const resume: Action = { label: t('train.actions.resume'), run: () => void start(), primary: true };
  let title: string | null = null;
  let body: ReactNode = null;
  let actions: Action[] = [dismiss];

  switch (notice.kind) {
    case 'divergence': {
      const i = notice.info;
      const lower = i.lr > 0 && Number.isFinite(i.lr) ? lr / 10 : null;
      title = t('train.notice.divergence.title', { step: i.step });
      body = (
        <>
          <p>{t(`train.notice.divergence.${i.reason}`, { loss: formatShort(i.loss), gradNorm: formatShort(i.gradNorm), lr: formatRate(i.lr) })}</p>
          <p>{t('train.notice.divergence.restored', { restoredStep: i.restoredStep })}</p>
          <p className="train-notice__subtitle">{t('train.notice.divergence.tryTitle')}</p>
          <ul>
            <li>{t('train.notice.divergence.tryLowerLr')}</li>
            <li>{t('train.notice.divergence.tryWarmup')}</li>
            <li>{t('train.notice.divergence.tryClipping')}</li>
          </ul>
        </>
      );
      actions = [
        ...(lower !== null
          ? [
              {
                label: t('train.actions.lowerLr', { lr: formatRate(lower) }),
                primary: true,
                run: () => void setConfig({ optimizer: { lr: lower } }).then((r) => r.kind === 'applied' && dismissNotice()),
              },
            ]
          : []),
        { ...resume, primary: false },
        dismiss,
      ];
      break;
    }
    case 'device-lost':
      body = <p>{t('train.notice.deviceLost', { step: notice.step })}</p>;
      actions = [];
      break;
    case 'device-recovered':
      body = <p>{t(notice.resumed ? 'train.notice.deviceRecoveredResumed' : 'train.notice.deviceRecovered', { engine: t(`train.engine.${notice.engine}`), step: notice.step })}</p>;
      actions = notice.resumed ? [dismiss] : [resume, dismiss];
      break;
    case 'finished':
      body = <p>{t('train.notice.finished', { step: notice.step })}</p>;
      break;
    case 'error':
      body = <p>{t(`train.error.${notice.error.code}`, { message: notice.error.message })}</p>;
      if (notice.error.code === 'pretrained-mismatch')
        actions = [{ label: t('train.actions.untickPretrained'), primary: true, run: () => void setConfig({ fromPretrained: false }, { confirm: true }).then(() => dismissNotice()) }, dismiss];
      break;
    case 'storage':
      body = <p>{t(`train.storage.${notice.code}`, { detail: notice.detail })}</p>;
      if (notice.code === 'quota') actions = [{ label: t('train.actions.export'), primary: true, run: () => void exportModel().then((file) => file && downloadText(file.fileName, file.text)) }, dismiss];
      break;
    case 'import-refused':
      title = t('train.notice.importRefused');
      body = (
        <>
          <p data-testid="import-refusal">{t(`data.checkpoint.${notice.code}`, notice.params)}</p>
          <p>{t('data.checkpoint.keptCurrent')}</p>
        </>
      );
      break;
    case 'saved':
      body = <p>{t('train.notice.saved', { name: notice.name })}</p>;
      break;
    case 'imported':
      body = <p>{t('train.notice.imported', { name: notice.name })}</p>;
      break;
    case 'walkthrough-unavailable':
      body = <p>{t('train.notice.walkthroughUnavailable')}</p>;
      break;
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={alert ? 'train-notice train-notice--alert' : 'train-notice'}
      role={alert ? 'alert' : 'status'}
      data-testid="train-notice"
      data-kind={notice.kind}
    >
      <div className="train-notice__text">
        {title && <p className="train-notice__title">{title}</p>}
        {body}
      </div>
      {actions.length > 0 && (
        <div className="train-notice__actions">
          {actions.map((a) => (
            <button key={a.label} type="button" className={a.primary ? 'button' : 'button button--secondary'} onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
