// The one hook components use for every string: `t` for interface keys (typed against en.ts),
// `text` for { en, zh } records (stage texts, cards, experiments), `lang` for the rest.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLanguage, type Language } from './language';
import { pick, type Bilingual, type TextValues } from './text';

export interface TextApi {
  /** i18next's typed t(): keys and interpolation values are checked against en.ts. */
  t: ReturnType<typeof useTranslation>['t'];
  /** The interface language. */
  lang: Language;
  /** A { en, zh } record in the interface language, `{{name}}` placeholders filled. */
  text: (text: Bilingual, values?: TextValues) => string;
}

export function useText(): TextApi {
  const { t, i18n } = useTranslation();
  const lang: Language = parseLanguage(i18n.language) ?? 'en';
  const text = useCallback((b: Bilingual, values?: TextValues) => pick(b, lang, values), [lang]);
  return useMemo(() => ({ t, lang, text }), [t, lang, text]);
}
