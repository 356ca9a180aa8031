// Reading a progress file. Everything is checked before anything is written, so a refused
// file leaves progress untouched. A refusal is a typed error (a code plus params) that the UI
// translates with messages.ts. Records of cards this deck does not have (retired, or from a
// newer deck) are skipped and reported rather than refusing the whole file — unless none of
// the file's records belong to this deck, which means it is some other deck's progress.
import type * as z from 'zod/mini';
import { reviewKey, type ProgressData, type ReviewRecord } from '../records';
import {
  EARLIEST_PLAUSIBLE_MS,
  FUTURE_TOLERANCE_MS,
  MAX_DUE_AHEAD_MS,
  MAX_IMPORT_BYTES,
  PROGRESS_FORMAT_PREFIX,
  PROGRESS_FORMAT_VERSION,
  progressFileSchema,
  type ProgressFile,
} from './progressFile';

export type ImportErrorCode =
  | 'too-large' // { bytes, limitBytes }
  | 'not-json' // { detail }
  | 'not-progress-file' // valid JSON without a format tag
  | 'foreign-format' // { found }
  | 'unsupported-version' // { found, supported }
  | 'missing-field' // { path }
  | 'wrong-type' // { path, expected }
  | 'invalid-value' // { path }
  | 'absurd-date' // { path, value }
  | 'duplicate-card' // { cardId }
  | 'no-known-cards'; // { records }

export interface ImportError {
  code: ImportErrorCode;
  params: Record<string, string | number>;
}

export interface ImportReport {
  cards: number;
  reviews: number;
  /** Card ids in the file that this deck does not have; their records were skipped. */
  skippedCardIds: string[];
  skippedReviews: number;
  /** Reviews listed twice in the file (same card and time), kept once. */
  duplicateReviews: number;
}

export type ImportResult =
  | { ok: true; data: ProgressData; report: ImportReport }
  | { ok: false; error: ImportError };

export interface ImportContext {
  now: number;
  knownCardIds: ReadonlySet<string>;
}

const fail = (code: ImportErrorCode, params: ImportError['params'] = {}): ImportResult => ({
  ok: false,
  error: { code, params },
});

/** `cards[3].due` from zod's path array. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Whether the field at `path` is absent from the parsed JSON (rather than present but wrong). */
function isMissing(json: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = json;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return true;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === undefined;
}

function fromZodIssue(issue: z.core.$ZodIssue, json: unknown): ImportResult {
  const path = formatPath(issue.path);
  if (isMissing(json, issue.path)) return fail('missing-field', { path });
  if (issue.code === 'invalid_type') return fail('wrong-type', { path, expected: issue.expected });
  return fail('invalid-value', { path });
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Moments (reviews, writes, the export) lie between 2020 and a day from now; due dates up to FSRS's longest interval ahead. */
function checkDates(file: ProgressFile, now: number): ImportResult | null {
  const { cards, reviews } = file;
  const latestMoment = now + FUTURE_TOLERANCE_MS;
  const latestDue = now + MAX_DUE_AHEAD_MS;
  const check = (value: number, path: string, latest: number) =>
    value < EARLIEST_PLAUSIBLE_MS || value > latest ? fail('absurd-date', { path, value }) : null;
  const exported = check(file.exportedAt, 'exportedAt', latestMoment);
  if (exported) return exported;
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i];
    const bad =
      check(c.due, `cards[${i}].due`, latestDue) ??
      check(c.updatedAt, `cards[${i}].updatedAt`, latestMoment) ??
      (c.lastReview === null ? null : check(c.lastReview, `cards[${i}].lastReview`, latestMoment));
    if (bad) return bad;
  }
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i];
    const bad = check(r.reviewedAt, `reviews[${i}].reviewedAt`, latestMoment) ?? check(r.dueAfter, `reviews[${i}].dueAfter`, latestDue);
    if (bad) return bad;
  }
  return null;
}

/** Validates a progress file completely; returns the records to write or the first problem found. */
export function parseProgressFile(text: string, ctx: ImportContext): ImportResult {
  // Size first, before any parsing: each UTF-16 unit is at least one UTF-8 byte.
  const bytes = text.length > MAX_IMPORT_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES) return fail('too-large', { bytes, limitBytes: MAX_IMPORT_BYTES });

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail('not-json', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('format' in json)) {
    return fail('not-progress-file');
  }
  const format = (json as { format: unknown }).format;
  if (typeof format !== 'string' || !format.startsWith(PROGRESS_FORMAT_PREFIX)) {
    return fail('foreign-format', { found: String(format).slice(0, 80) });
  }
  if (format !== `${PROGRESS_FORMAT_PREFIX}${PROGRESS_FORMAT_VERSION}`) {
    return fail('unsupported-version', { found: format.slice(PROGRESS_FORMAT_PREFIX.length, 40), supported: PROGRESS_FORMAT_VERSION });
  }

  const parsed = progressFileSchema.safeParse(json);
  if (!parsed.success) return fromZodIssue(parsed.error.issues[0], json);
  const file = parsed.data;

  const bad = checkDates(file, ctx.now);
  if (bad) return bad;

  const seen = new Set<string>();
  for (const c of file.cards) {
    if (seen.has(c.cardId)) return fail('duplicate-card', { cardId: c.cardId });
    seen.add(c.cardId);
  }

  const known = (id: string) => ctx.knownCardIds.has(id);
  const cards = file.cards.filter((c) => known(c.cardId));
  const reviewsByKey = new Map<string, ReviewRecord>();
  let skippedReviews = 0;
  for (const r of file.reviews) {
    if (!known(r.cardId)) skippedReviews++;
    else if (!reviewsByKey.has(reviewKey(r))) reviewsByKey.set(reviewKey(r), r);
  }
  const reviews = [...reviewsByKey.values()];
  const records = file.cards.length + file.reviews.length;
  if (records > 0 && cards.length === 0 && reviews.length === 0) return fail('no-known-cards', { records });

  const skippedCardIds = [
    ...new Set([...file.cards, ...file.reviews].map((r) => r.cardId).filter((id) => !known(id))),
  ].sort();
  return {
    ok: true,
    data: { cards, reviews, settings: file.settings },
    report: {
      cards: cards.length,
      reviews: reviews.length,
      skippedCardIds,
      skippedReviews,
      duplicateReviews: file.reviews.length - skippedReviews - reviews.length,
    },
  };
}
