// The one hook components use for every string: `t` for interface keys (typed against en.ts),
// `text` for { en, zh } records (stage texts, cards, experiments), `lang` for the rest.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLanguage, type Language } from './language';
import { pick, type Bilingual, type TextValues } from './text';
import type { TextFunction } from './keys';

export interface TextApi {
  /** i18next's t(), typed by `TextFunction` (keys.ts): keys and `{{name}}` values checked against en.ts. */
  t: TextFunction;
  /** The interface language. */
  lang: Language;
  /** A { en, zh } record in the interface language, `{{name}}` placeholders filled. */
  text: (text: Bilingual, values?: TextValues) => string;
}

export function useText(): TextApi {
  const { t: i18nextT, i18n } = useTranslation();
  // The same function at run time (a new one when the language changes); only its type is
  // the cheap one from keys.ts, so call sites do not instantiate i18next's generic overloads.
  const t = i18nextT as unknown as TextFunction;
  const lang: Language = parseLanguage(i18n.language) ?? 'en';
  const text = useCallback((b: Bilingual, values?: TextValues) => pick(b, lang, values), [lang]);
  return useMemo(() => ({ t, lang, text }), [t, lang, text]);
}
