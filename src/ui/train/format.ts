// Numbers in the Train view's own words: running time, rates, counts, dates.
import type { Language } from '../../i18n/language';

const locale = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** 83 500 ms → "1:23"; past an hour "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function formatCount(n: number, lang: Language, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function formatDate(ms: number, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** A learning rate as people write it: 0.001, 3e-4, 1000. */
export function formatRate(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)) return v.toExponential(1).replace('e-', 'e−').replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}
