// A card text in the interface language, optionally followed by the other language (for
// bilingual learners). Each part carries its own lang attribute, so fonts and screen readers
// pick the right voice.
import type { ElementType, ReactNode } from 'react';
import type { Bilingual, Language } from '../../i18n';
import { HTML_LANG } from '../../i18n/language';

export function otherLang(lang: Language): Language {
  return lang === 'en' ? 'zh' : 'en';
}

export function CardText({
  text,
  lang,
  showBoth,
  as: Tag = 'p',
  id,
  className,
}: {
  text: Bilingual;
  lang: Language;
  showBoth: boolean;
  as?: ElementType;
  id?: string;
  className?: string;
}) {
  const other = otherLang(lang);
  return (
    <>
      <Tag id={id} className={className} lang={HTML_LANG[lang]}>
        {text[lang]}
      </Tag>
      {showBoth && (
        <p className="study-other-lang" lang={HTML_LANG[other]}>
          {text[other]}
        </p>
      )}
    </>
  );
}

/** The same, for inline pieces (labels, list items) where only a span fits. */
export function InlineText({ text, lang, showBoth }: { text: Bilingual; lang: Language; showBoth: boolean }): ReactNode {
  const other = otherLang(lang);
  return (
    <>
      <span lang={HTML_LANG[lang]}>{text[lang]}</span>
      {showBoth && (
        <span className="study-other-lang study-other-lang--inline" lang={HTML_LANG[other]}>
          {text[other]}
        </span>
      )}
    </>
  );
}
