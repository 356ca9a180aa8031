// The shipped model did not load: say why in the user's language (checkpoint refusals use the
// data.checkpoint messages), with a retry.
import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import type { ModelLoadError } from '../../store/slices/model';
import { ErrorBanner } from '../common/ErrorBanner';

function useMessage(error: ModelLoadError): string {
  const { t } = useText();
  switch (error.kind) {
    case 'checkpoint':
      // Every code has a message; params fill its placeholders (missing ones stay empty).
      return t(`data.checkpoint.${error.code}`, { max: '', got: '', field: '', detail: '', side: '', token: '', name: '', want: '', size: '', ...error.params });
    case 'http':
      return t('walkthrough.model.http', { url: error.url, status: error.status });
    case 'network':
      return t('walkthrough.model.network', { url: error.url, message: error.message });
  }
}

export function ModelError() {
  const status = useAppStore((s) => s.model.status);
  const error = useAppStore((s) => s.model.error);
  if (status !== 'error' || !error) return null;
  return <ModelErrorBanner error={error} />;
}

function ModelErrorBanner({ error }: { error: ModelLoadError }) {
  const { t } = useText();
  const loadShipped = useAppStore((s) => s.model.loadShipped);
  return (
    <ErrorBanner
      title={t('walkthrough.model.failed')}
      action={{ label: t('crash.retry'), onClick: () => void loadShipped() }}
      testId="model-error"
    >
      {useMessage(error)}
    </ErrorBanner>
  );
}
