/** The favicon's attention-matrix mark, drawn inline (decorative). */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="var(--color-logo)" />
      <g fill="var(--color-brand-accent)">
        <rect x="6" y="6" width="5" height="5" />
        <rect x="13.5" y="13.5" width="5" height="5" opacity=".8" />
        <rect x="21" y="21" width="5" height="5" opacity=".6" />
        <rect x="21" y="6" width="5" height="5" opacity=".3" />
        <rect x="6" y="21" width="5" height="5" opacity=".3" />
      </g>
    </svg>
  );
}
