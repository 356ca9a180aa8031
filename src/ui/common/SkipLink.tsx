import { useText } from '../../i18n';

/**
 * First tab stop: jumps past the header. A plain href="#main" would change the hash and
 * so the route, hence the click handler that only moves focus.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useText();
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
