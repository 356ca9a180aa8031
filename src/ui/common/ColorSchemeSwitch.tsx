import { useText } from '../../i18n';
import { useAppStore } from '../../store';
import { COLOR_SCHEME_CHOICES } from '../../store/slices/settings';
import { resolveColorScheme } from './colorScheme';
import { useSystemPrefersDark } from './useColorScheme';

/** Light / Dark / System: three labelled toggle buttons, like the language switch. */
export function ColorSchemeSwitch() {
  const { t } = useText();
  const choice = useAppStore((s) => s.settings.colorScheme);
  const setColorScheme = useAppStore((s) => s.settings.setColorScheme);
  const systemScheme = resolveColorScheme('system', useSystemPrefersDark());
  return (
    <div className="segmented segmented--scheme" role="group" aria-label={t('colorScheme.label')} data-testid="color-scheme-switch">
      {COLOR_SCHEME_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={choice === c}
          title={c === 'system' ? t('colorScheme.systemTitle', { scheme: t(`colorScheme.${systemScheme}`) }) : undefined}
          onClick={() => setColorScheme(c)}
        >
          {t(`colorScheme.${c}`)}
        </button>
      ))}
    </div>
  );
}
