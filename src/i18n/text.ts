// Bilingual texts as data, and the one way to fill a text's placeholders. Dependency-free
// (types and pure functions only), so src/train and src/study may use it without i18next.
// Placeholders are i18next's: `{{name}}`, in interface strings and in { en, zh } records alike.
import type { Language } from './language';

/** A user-facing text in both languages (stage texts, cards, experiment descriptions). */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Values for a text's `{{name}}` placeholders. */
export type TextValues = Readonly<Record<string, string | number>>;

/** `{{name}}` (spaces inside the braces allowed, as in i18next). */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; a name without a value is left as it is. */
export function fillText(template: string, values?: TextValues): string {
  if (!values) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** `text` in `lang`, its placeholders filled. */
export function pick(text: Bilingual, lang: Language, values?: TextValues): string {
  return fillText(text[lang], values);
}

/** Both languages filled with the same values. */
export function fillBilingual(text: Bilingual, values: TextValues): Bilingual {
  return { en: fillText(text.en, values), zh: fillText(text.zh, values) };
}

/** The placeholder names a template uses, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]))].sort();
}
