// What the training step's runtime is doing, announced politely: loading the model, waiting for
// the GPU question, computing; nothing once the step is shown.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { sameRequest } from './requests';

export function BackwardStatus() {
  const { t } = useText();
  const status = useAppStore((s) => s.backward.status);
  const modelStatus = useAppStore((s) => s.model.status);
  const result = useAppStore((s) => s.backward.result);
  const request = useAppStore((s) => s.backward.request);
  let text = '';
  if (status === 'waiting') text = modelStatus === 'loading' ? t('backward.status.waitingModel') : t('backward.status.waitingGpu');
  else if (status === 'running') {
    if (!result) text = t('backward.status.computing');
    else if (request && sameRequest(result.request, request)) text = t('backward.status.gpuWarming'); // a CPU preview
    else text = `${t('backward.status.computing')} ${t('backward.status.stale')}`;
  }
  return (
    <p className="status-line" role="status" data-testid="backward-status" data-status={status}>
      {text}
    </p>
  );
}
