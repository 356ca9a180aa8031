import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useText } from '../../i18n';
import { ErrorBanner } from './ErrorBanner';

function CrashNotice({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useText();
  return (
    <ErrorBanner title={t('crash.title')} detail={error.message} action={{ label: t('crash.retry'), onClick: onRetry }}>
      {t('crash.body')}
    </ErrorBanner>
  );
}

/** Keeps a crashing view from taking the header (and the way out) down with it. */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('view crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <CrashNotice error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
