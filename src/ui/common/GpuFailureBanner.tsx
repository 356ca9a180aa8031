import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { ErrorBanner } from './ErrorBanner';
import { MAIN_CONTENT_ID } from './ids';

/** Shown after a device loss (or a failed restart), with the "Restart GPU" action. */
export function GpuFailureBanner() {
  const { t } = useText();
  const state = useAppStore((s) => s.gpu.state);
  const restarting = useAppStore((s) => s.gpu.restarting);
  const restart = useAppStore((s) => s.gpu.restart);

  const action = {
    label: restarting ? t('gpu.lost.restarting') : t('gpu.lost.restart'),
    onClick: () =>
      void restart().then(() => {
        // On success the banner (and the focused button) is gone: continue in the content.
        if (document.activeElement === document.body) document.getElementById(MAIN_CONTENT_ID)?.focus();
      }),
    busy: restarting,
  };
  if (state.kind === 'lost') {
    return (
      <ErrorBanner
        testId="gpu-failure"
        title={state.failure.kind === 'lost' ? t('gpu.lost.lost') : t('gpu.lost.error')}
        detail={state.failure.message}
        action={action}
      >
        {t('gpu.lost.body')}
      </ErrorBanner>
    );
  }
  if (state.kind === 'fallback' && state.afterFailure) {
    return (
      <ErrorBanner
        testId="gpu-failure"
        title={t('gpu.lost.restartFailed', { reason: t(`gpu.reason.${state.reason}`) })}
        detail={state.detail}
        action={action}
      />
    );
  }
  return null;
}
