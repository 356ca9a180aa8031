import { useText } from '../../i18n';
import { HTML_LANG, LANGUAGES } from '../../i18n/language';
import { useAppStore } from '../../store';
import { syncLangParam } from './useRoute';

/** English / 中文 toggle; each name is written in its own language and script. */
export function LanguageSwitch() {
  const { t } = useText();
  const language = useAppStore((s) => s.settings.language);
  const setLanguage = useAppStore((s) => s.settings.setLanguage);
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={HTML_LANG[lang]}
          aria-pressed={language === lang}
          onClick={() => {
            setLanguage(lang);
            syncLangParam(lang);
          }}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
