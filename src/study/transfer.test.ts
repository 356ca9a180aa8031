// Export and import of progress: a round trip restores everything, and broken files are
// refused with the right error code while the stored progress stays exactly as it was.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './clock';
import { DECK } from './cards';
import { IMPORT_ERROR_MESSAGES, importErrorMessage, importReportMessage } from './messages';
import { createStudyService, type StudyService } from './service';
import { createMemoryStore } from './storage/memoryStore';
import { parseProgressFile, type ImportErrorCode } from './transfer/importProgress';
import { exportFileName, MAX_IMPORT_BYTES, PROGRESS_FORMAT } from './transfer/progressFile';
import { CST, T0 } from './testing';

const [A, B, C] = DECK.map((c) => c.id);
const NOW = T0 + 2 * DAY_MS;

/** A service with a few days of history, its clock at NOW. */
async function studied(): Promise<StudyService> {
  let now = T0;
  const service = createStudyService({ store: createMemoryStore(), clock: () => now, calendar: CST });
  await service.grade(A, 'good', { durationMs: 3000 });
  now += MINUTE_MS;
  await service.grade(B, 'again', { source: 'drill' });
  now += 20 * MINUTE_MS;
  await service.grade(A, 'good');
  await service.saveSettings({ newPerDay: 8, drillSeconds: 45 });
  now = NOW;
  await service.grade(C, 'easy');
  return service;
}

async function exportedFile(): Promise<Record<string, unknown>> {
  return JSON.parse((await (await studied()).exportProgress()).text);
}

describe('export', () => {
  it('writes the format tag, settings, cards and reviews with epoch-ms dates', async () => {
    const service = await studied();
    const { fileName, text } = await service.exportProgress();
    expect(fileName).toBe('attention-lab-study-2025-03-05.json');
    const file = JSON.parse(text);
    expect(file.format).toBe(PROGRESS_FORMAT);
    expect(file.format).toBe('attention-lab/study-progress@1');
    expect(file.exportedAt).toBe(NOW);
    expect(file.settings).toEqual({ newPerDay: 8, drillSeconds: 45 });
    expect(file.cards.map((c: { cardId: string }) => c.cardId)).toEqual([A, B, C].sort());
    expect(file.reviews).toHaveLength(4);
    expect(typeof file.reviews[0].reviewedAt).toBe('number');
  });

  it('names the file by the local day', () => {
    const lateUtc = Date.UTC(2025, 2, 5, 20); // 04:00 on 6 March in CST
    expect(exportFileName(lateUtc, CST)).toBe('attention-lab-study-2025-03-06.json');
  });
});

describe('import', () => {
  it('round-trips: export, import into an empty profile, same progress', async () => {
    const source = await studied();
    const { text } = await source.exportProgress();
    const target = createStudyService({ store: createMemoryStore(), clock: () => NOW + HOUR_MS, calendar: CST });
    const result = await target.importProgress(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toEqual({ cards: 3, reviews: 4, skippedCardIds: [], skippedReviews: 0, duplicateReviews: 0 });
    expect(await target.load()).toEqual(await source.load());
    // Importing the same file again changes nothing.
    await target.importProgress(text);
    expect(await target.load()).toEqual(await source.load());
  });

  it('merges by default and replaces on request', async () => {
    const source = await studied();
    const { text } = await source.exportProgress();
    let now = NOW + HOUR_MS;
    const target = createStudyService({ store: createMemoryStore(), clock: () => now });
    await target.grade(DECK[10].id, 'good');
    now += MINUTE_MS;
    await target.importProgress(text);
    expect((await target.load()).progress.size).toBe(4);
    await target.importProgress(text, 'replace');
    expect((await target.load()).progress.size).toBe(3);
  });

  it('skips and reports records of cards this deck does not have', async () => {
    const file = await exportedFile();
    const cards = file.cards as { cardId: string }[];
    const reviews = file.reviews as { cardId: string }[];
    const retired = { ...cards[0], cardId: 'z99-retired' };
    const doubled = reviews[0];
    const text = JSON.stringify({ ...file, cards: [...cards, retired], reviews: [...reviews, { ...reviews[1], cardId: 'z99-retired' }, doubled] });
    const result = parseProgressFile(text, { now: NOW, knownCardIds: new Set(DECK.map((c) => c.id)) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toEqual({ cards: 3, reviews: 4, skippedCardIds: ['z99-retired'], skippedReviews: 1, duplicateReviews: 1 });
    expect(result.data.cards.map((c) => c.cardId)).not.toContain('z99-retired');
    expect(importReportMessage(result.report, 'en')).toBe(
      'Imported progress for 3 cards and 4 reviews. Skipped 1 cards this deck no longer has: z99-retired.',
    );
    expect(importReportMessage(result.report, 'zh')).toContain('z99-retired');
  });

  it('accepts an export of a profile with no progress yet', async () => {
    const service = createStudyService({ store: createMemoryStore(), clock: () => NOW });
    const { text } = await service.exportProgress();
    expect((await service.importProgress(text)).ok).toBe(true);
  });

  describe('refuses broken files with a code and leaves progress untouched', () => {
    type Case = [name: string, code: ImportErrorCode, make: (file: Record<string, unknown>) => string, params?: Record<string, unknown>];
    // Untyped on purpose: these edits break the file in ways its types would not allow.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Json = any;
    const edit = (f: (file: Json) => void) => (file: Record<string, unknown>) => {
      const copy: Json = structuredClone(file);
      f(copy);
      return JSON.stringify(copy);
    };
    const cases: Case[] = [
      ['an empty file', 'not-json', () => ''],
      ['not JSON', 'not-json', () => 'attention-lab progress, honest'],
      ['truncated JSON', 'not-json', (f) => JSON.stringify(f).slice(0, 100)],
      ['a JSON array', 'not-progress-file', () => '[1, 2, 3]'],
      ['JSON without a format tag', 'not-progress-file', () => '{"cards": []}'],
      ['another program’s file', 'foreign-format', edit((f) => (f.format = 'anki/collection@2')), { found: 'anki/collection@2' }],
      ['the model checkpoint format', 'foreign-format', edit((f) => (f.format = 'attention-lab/checkpoint@1'))],
      ['a newer version', 'unsupported-version', edit((f) => (f.format = 'attention-lab/study-progress@2')), { found: '2', supported: 1 }],
      ['a number where a date belongs', 'wrong-type', edit((f) => (f.cards[0].due = '2025-03-04')), { path: 'cards[0].due', expected: 'number' }],
      ['a missing field', 'missing-field', edit((f) => delete f.reviews[1].grade), { path: 'reviews[1].grade' }],
      ['an unknown grade', 'invalid-value', edit((f) => (f.reviews[0].grade = 'perfect')), { path: 'reviews[0].grade' }],
      ['a negative repetition count', 'invalid-value', edit((f) => (f.cards[1].reps = -3)), { path: 'cards[1].reps' }],
      ['settings out of range', 'invalid-value', edit((f) => (f.settings.newPerDay = 100000)), { path: 'settings.newPerDay' }],
      ['a review in 1970', 'absurd-date', edit((f) => (f.reviews[2].reviewedAt = 0)), { path: 'reviews[2].reviewedAt', value: 0 }],
      ['a review next year', 'absurd-date', edit((f) => (f.reviews[0].reviewedAt = NOW + 365 * DAY_MS)), { path: 'reviews[0].reviewedAt' }],
      ['a due date in the year 3000', 'absurd-date', edit((f) => (f.cards[0].due = Date.UTC(3000, 0, 1))), { path: 'cards[0].due' }],
      ['an export date before 2020', 'absurd-date', edit((f) => (f.exportedAt = Date.UTC(2019, 5, 1))), { path: 'exportedAt' }],
      ['the same card twice', 'duplicate-card', edit((f) => f.cards.push({ ...f.cards[0] })), { cardId: [A, B, C].sort()[0] }],
      ['another deck’s progress', 'no-known-cards', edit((f) => {
        for (const r of [...f.cards, ...f.reviews]) r.cardId = `other-${r.cardId}`;
      }), { records: 7 }],
      ['a huge file', 'too-large', (f) => JSON.stringify({ ...f, padding: 'x'.repeat(MAX_IMPORT_BYTES) }), { limitBytes: MAX_IMPORT_BYTES }],
    ];

    it.each(cases)('%s → %s', async (_name, code, make, params) => {
      const service = await studied();
      const file = JSON.parse((await service.exportProgress()).text);
      const before = await service.load();
      const result = await service.importProgress(make(file), 'replace');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      if (params) expect(result.error.params).toMatchObject(params);
      expect(await service.load()).toEqual(before);
      for (const lang of ['en', 'zh'] as const) {
        const message = importErrorMessage(result.error, lang);
        expect(message).not.toMatch(/\{\{/);
        if (lang === 'zh') expect(message).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('covers every error code with a case', () => {
      const tested = new Set(cases.map((c) => c[1]));
      expect([...tested].sort()).toEqual(Object.keys(IMPORT_ERROR_MESSAGES).sort());
    });
  });
});

describe('import error messages', () => {
  it('read naturally in both languages', () => {
    expect(importErrorMessage({ code: 'too-large', params: { bytes: 12 * 1024 * 1024, limitBytes: MAX_IMPORT_BYTES } }, 'en')).toBe(
      'The file is 12.0 MB; progress files larger than 8.0 MB are not accepted.',
    );
    expect(importErrorMessage({ code: 'wrong-type', params: { path: 'cards[0].due', expected: 'number' } }, 'zh')).toBe(
      '文件已损坏：cards[0].due 应为数字。',
    );
    expect(importErrorMessage({ code: 'absurd-date', params: { path: 'exportedAt', value: 0 } }, 'en')).toContain('1970-01-01T00:00:00.000Z');
  });
});
