// What the runtime is doing, announced politely: loading the model, waiting for the GPU
// question, computing; nothing once the result is there.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { modelForFamily } from '../../store/slices/model';

export function StatusLine() {
  const { t } = useText();
  const status = useAppStore((s) => s.walkthrough.status);
  const modelMissing = useAppStore((s) => !modelForFamily(s.model, s.walkthrough.family));
  const result = useAppStore((s) => s.walkthrough.result);
  const current = useAppStore((s) => s.walkthrough.text);
  let text = '';
  if (status === 'waiting') text = modelMissing ? t('walkthrough.sentence.waitingModel') : t('walkthrough.sentence.waitingGpu');
  else if (status === 'running') {
    if (!result) text = t('walkthrough.sentence.computing');
    else if (result.text === current) text = t('walkthrough.sentence.gpuWarming'); // a CPU preview
    else text = `${t('walkthrough.sentence.computing')} ${t('walkthrough.sentence.stale')}`;
  }
  return (
    <p className="status-line" role="status" data-testid="walkthrough-status" data-status={status}>
      {text}
    </p>
  );
}
