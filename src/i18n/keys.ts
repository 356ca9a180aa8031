// The interface strings' keys and placeholders as plain types, computed once from en.ts.
// i18next's own typed t() re-derives its key union and `{{name}}` values through generic
// overloads at every call (tens of millions of type instantiations over the app); `t` from
// useText() is typed by these named aliases instead, so a call is a lookup in a literal union.
import type { en } from './en';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Every `[dotted key, English text]` pair of a strings object. */
type Entries<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? [`${Prefix}${K}`, T[K]] : Entries<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** `a.b_one` → `a.b` (i18next's plural forms are looked up by their base key). */
type BaseKey<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** The `{{name}}` placeholder names of a text. */
type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? (Name extends ` ${infer N}` | `${infer N} ` | ` ${infer N} ` ? N : Name) | Placeholders<Rest>
  : never;

/** Values for a text's placeholders: `count` (the plural selector) a number, others any string or number. */
type ValuesOf<Names extends string> = { readonly [N in Names]: N extends 'count' ? number : string | number };

type AllEntries = Entries<typeof en>;

/** Every interface-string key (`'train.status.paused'`; plurals by their base key, `'study.progress.days'`). */
export type TextKey = BaseKey<AllEntries[0]>;

/**
 * Each key's placeholder values, e.g. `TextParams['train.notice.saved']` is `{ name: string | number }`;
 * a plural key needs `count: number`.
 */
export type TextParams = {
  [E in AllEntries as BaseKey<E[0]>]: E[0] extends `${string}_${PluralSuffix}`
    ? ValuesOf<Placeholders<E[1]> | 'count'>
    : ValuesOf<Placeholders<E[1]>>;
};

/**
 * `t` from useText(): an interface string by key, placeholders filled. Keys are checked against
 * en.ts; a key built at run time is a template literal over typed codes
 * (`` t(`train.error.${code}`, { message }) ``), checked for every code the union holds.
 */
export type TextFunction = <K extends TextKey>(key: K, values?: TextParams[K]) => string;
