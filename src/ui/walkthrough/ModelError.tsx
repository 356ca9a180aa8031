// The shipped model did not load: say why in the user's language (checkpoint refusals use the
// data.checkpoint messages), with a retry.
import { useText } from '../../i18n';
import type { FamilyId } from '../../model/stageIds';
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

/** The load error of the model a family's view needs (the translator's, or another family's shipped model). */
export function ModelError({ family = 'encoder-decoder' }: { family?: FamilyId }) {
  const error = useAppStore((s) => {
    if (family === 'encoder-decoder') return s.model.status === 'error' ? (s.model.error ?? null) : null;
    const load = s.model.familyLoad[family];
    return load.status === 'error' ? load.error : null;
  });
  if (!error) return null;
  return <ModelErrorBanner error={error} family={family} />;
}

function ModelErrorBanner({ error, family }: { error: ModelLoadError; family: FamilyId }) {
  const { t } = useText();
  const load = useAppStore((s) => s.model.loadShippedFamily);
  return (
    <ErrorBanner
      title={t('walkthrough.model.failed')}
      action={{ label: t('crash.retry'), onClick: () => void load(family) }}
      testId="model-error"
    >
      {useMessage(error)}
    </ErrorBanner>
  );
}
