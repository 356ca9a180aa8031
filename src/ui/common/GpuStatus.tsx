import { useText } from '../../i18n';
import { useAppStore } from '../../store';

/** Header badge: the WebGPU adapter in use, or "CPU fallback" and why. */
export function GpuStatus() {
  const { t } = useText();
  const state = useAppStore((s) => s.gpu.state);

  let label: string;
  let detail: string | null = null;
  let technical: string | undefined;
  switch (state.kind) {
    case 'pending':
      label = t('gpu.pending');
      break;
    case 'ready':
      label = t('gpu.webgpu');
      detail = state.ctx.info.name;
      break;
    case 'fallback':
      label = t('gpu.fallback');
      detail = t(`gpu.reason.${state.reason}`);
      technical = state.detail;
      break;
    case 'lost':
      label = t('gpu.fallback');
      detail = t('gpu.reason.device-failed');
      technical = state.failure.message;
      break;
  }

  return (
    <p className="gpu-status" data-state={state.kind} data-testid="gpu-status" role="status" title={technical}>
      <span className="gpu-status__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('gpu.label')}: </span>
      <span className="gpu-status__label">{label}</span>
      {detail && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="gpu-status__detail">{detail}</span>
        </>
      )}
    </p>
  );
}
