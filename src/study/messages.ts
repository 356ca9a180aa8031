// User-facing strings the study logic defines, in English and Simplified Chinese. Templates
// use i18next's {{name}} placeholders, filled by src/i18n's pick / fillText like every text.
import type { Language } from '../i18n/language';
import { pick, type Bilingual } from '../i18n/text';
import type { MasteryLevel } from './mastery';
import type { GradeName } from './records';
import type { ImportError, ImportErrorCode, ImportReport } from './transfer/importProgress';
import type { CardKind } from './types';

export const GRADE_LABELS: Record<GradeName, Bilingual> = {
  again: { en: 'Again', zh: '重来' },
  hard: { en: 'Hard', zh: '困难' },
  good: { en: 'Good', zh: '良好' },
  easy: { en: 'Easy', zh: '简单' },
};

export const MASTERY_LABELS: Record<MasteryLevel, Bilingual> = {
  new: { en: 'New', zh: '未学' },
  learning: { en: 'Learning', zh: '学习中' },
  young: { en: 'Young', zh: '初步掌握' },
  mature: { en: 'Mature', zh: '熟练掌握' },
};

export const KIND_LABELS: Record<CardKind, Bilingual> = {
  qa: { en: 'Question', zh: '问答' },
  cloze: { en: 'Fill the gap', zh: '填空' },
  predict: { en: 'Predict, then see', zh: '先预测，再验证' },
  practice: { en: 'Say it aloud', zh: '口头练习' },
};

export const IMPORT_ERROR_MESSAGES: Record<ImportErrorCode, Bilingual> = {
  'too-large': {
    en: 'The file is {{size}}; progress files larger than {{limit}} are not accepted.',
    zh: '文件大小为 {{size}}，超过了 {{limit}} 的上限，无法导入。',
  },
  'not-json': {
    en: 'The file is not valid JSON, so it cannot be a progress export.',
    zh: '该文件不是有效的 JSON，不可能是导出的学习进度。',
  },
  'not-progress-file': {
    en: 'This JSON file is not an Attention Lab progress export (it has no format tag).',
    zh: '这个 JSON 文件不是 Attention Lab 导出的学习进度（缺少格式标记）。',
  },
  'foreign-format': {
    en: 'This file is in another format ({{found}}), not an Attention Lab progress export.',
    zh: '该文件是其他格式（{{found}}），不是 Attention Lab 导出的学习进度。',
  },
  'unsupported-version': {
    en: 'This progress file is version {{found}}; this app reads version {{supported}}. Update the app, then try again.',
    zh: '该进度文件的版本为 {{found}}，本应用只能读取版本 {{supported}}。请更新应用后重试。',
  },
  'missing-field': {
    en: 'The file is incomplete: {{path}} is missing.',
    zh: '文件不完整：缺少 {{path}}。',
  },
  'wrong-type': {
    en: 'The file is damaged: {{path}} should be {{expected}}.',
    zh: '文件已损坏：{{path}} 应为{{expected}}。',
  },
  'invalid-value': {
    en: 'The file is damaged: {{path}} has a value outside what is allowed.',
    zh: '文件已损坏：{{path}} 的取值超出了允许范围。',
  },
  'absurd-date': {
    en: 'The file contains an impossible date at {{path}} ({{date}}). Check the clock of the device it came from.',
    zh: '文件在 {{path}} 处有一个不可能的日期（{{date}}）。请检查导出设备的时钟。',
  },
  'duplicate-card': {
    en: 'The file lists the card “{{cardId}}” twice, so it is unclear which progress to keep.',
    zh: '文件中卡片“{{cardId}}”出现了两次，无法确定保留哪一份进度。',
  },
  'no-known-cards': {
    en: 'None of the {{records}} records in this file belong to this deck.',
    zh: '文件中的 {{records}} 条记录没有一条属于本卡组。',
  },
};

/** JSON type names as zod reports them, for the 'wrong-type' message. */
const TYPE_NAMES: Record<string, Bilingual> = {
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  string: { en: 'text', zh: '文本' },
  boolean: { en: 'true or false', zh: '布尔值' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'a list', zh: '列表' },
  null: { en: 'null', zh: 'null' },
};

export const IMPORT_REPORT_MESSAGES = {
  imported: {
    en: 'Imported progress for {{cards}} cards and {{reviews}} reviews.',
    zh: '已导入 {{cards}} 张卡片的进度和 {{reviews}} 条复习记录。',
  },
  skipped: {
    en: 'Skipped {{count}} cards this deck no longer has: {{ids}}.',
    zh: '跳过了本卡组中已不存在的 {{count}} 张卡片：{{ids}}。',
  },
} satisfies Record<string, Bilingual>;

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The import error as a sentence in `lang`. */
export function importErrorMessage(error: ImportError, lang: Language): string {
  const p = error.params;
  const params: Record<string, string | number> = { ...p };
  if (error.code === 'too-large') {
    params.size = formatBytes(Number(p.bytes));
    params.limit = formatBytes(Number(p.limitBytes));
  }
  if (error.code === 'wrong-type') params.expected = TYPE_NAMES[String(p.expected)]?.[lang] ?? String(p.expected);
  if (error.code === 'absurd-date') {
    const value = Number(p.value);
    params.date = Number.isFinite(value) && Math.abs(value) < 8.64e15 ? new Date(value).toISOString() : String(p.value);
  }
  return pick(IMPORT_ERROR_MESSAGES[error.code], lang, params);
}

/** What an accepted import did, as one or two sentences in `lang`. */
export function importReportMessage(report: ImportReport, lang: Language): string {
  const lines = [pick(IMPORT_REPORT_MESSAGES.imported, lang, { cards: report.cards, reviews: report.reviews })];
  if (report.skippedCardIds.length > 0) {
    const ids = report.skippedCardIds.slice(0, 5).join(', ') + (report.skippedCardIds.length > 5 ? ', …' : '');
    lines.push(pick(IMPORT_REPORT_MESSAGES.skipped, lang, { count: report.skippedCardIds.length, ids }));
  }
  return lines.join(lang === 'en' ? ' ' : '');
}
