// Short human labels for a waiting time, as on the grade buttons: "10 min", "2 d" / "10 分钟", "2 天".
import { DAY_MS, HOUR_MS, MINUTE_MS } from './clock';
import { GRADE_LABELS } from './messages';
import { GRADE_NAMES, type GradeName } from './records';
import type { IntervalPreview } from './scheduler';
import type { Language } from '../i18n/language';

const MONTH_DAYS = 30.4375; // 365.25 / 12
const YEAR_DAYS = 365.25;

const UNITS: Record<'min' | 'h' | 'd' | 'mo' | 'y', Record<Language, string>> = {
  min: { en: 'min', zh: '分钟' },
  h: { en: 'h', zh: '小时' },
  d: { en: 'd', zh: '天' },
  mo: { en: 'mo', zh: '个月' },
  y: { en: 'y', zh: '年' },
};

/** One decimal below 10, whole numbers above; never "1.0". */
function amount(x: number): string {
  const rounded = x < 10 ? Math.round(x * 10) / 10 : Math.round(x);
  return String(rounded);
}

/** "< 1 min", "10 min", "1.5 h", "2 d", "3.2 mo", "1.1 y" — or the same in Chinese. */
export function formatInterval(ms: number, lang: Language): string {
  const unit = (u: keyof typeof UNITS, x: string) => `${x} ${UNITS[u][lang]}`;
  if (ms < MINUTE_MS - 500) return lang === 'en' ? '< 1 min' : '不到 1 分钟';
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return unit('min', String(Math.max(1, minutes)));
  const hours = ms / HOUR_MS;
  if (Math.round(hours) < 24) return unit('h', amount(hours));
  const days = ms / DAY_MS;
  if (Math.round(days) < 31) return unit('d', String(Math.round(days)));
  const months = days / MONTH_DAYS;
  if (Math.round(months * 10) / 10 < 12) return unit('mo', amount(months));
  return unit('y', amount(days / YEAR_DAYS));
}

export interface GradeButton {
  grade: GradeName;
  /** "Good" / "良好" */
  label: string;
  /** "10 min" / "10 分钟": when the card would come back. */
  interval: string;
  intervalMs: number;
}

/** The four grade buttons for a card, from the scheduler's preview. */
export function gradeButtons(preview: Record<GradeName, IntervalPreview>, lang: Language): GradeButton[] {
  return GRADE_NAMES.map((grade) => ({
    grade,
    label: GRADE_LABELS[grade][lang],
    interval: formatInterval(preview[grade].intervalMs, lang),
    intervalMs: preview[grade].intervalMs,
  }));
}
