import type { ReactNode } from 'react';
import { useText } from '../../i18n';

export interface BannerAction {
  label: string;
  onClick: () => void;
  busy?: boolean;
}

/** A page-wide problem in plain words, optional technical details, and one way out. */
export function ErrorBanner({
  title,
  children,
  detail,
  action,
  testId,
}: {
  title: string;
  children?: ReactNode;
  detail?: string;
  action?: BannerAction;
  testId?: string;
}) {
  const { t } = useText();
  return (
    <div className="banner banner--error" role="alert" data-testid={testId}>
      <div className="banner__text">
        <p className="banner__title">{title}</p>
        {children && <p className="banner__body">{children}</p>}
        {detail && (
          <details className="banner__details">
            <summary>{t('gpu.lost.details')}</summary>
            <code>{detail}</code>
          </details>
        )}
      </div>
      {action && (
        <button
          type="button"
          className="button"
          // aria-disabled, not disabled: a disabled button drops keyboard focus.
          aria-disabled={action.busy || undefined}
          onClick={() => {
            if (!action.busy) action.onClick();
          }}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
