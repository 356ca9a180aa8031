import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from './errors';
import { parseTatoebaTsv, splitTrainValid, tokenizeTatoeba } from './tatoeba';
import { loadTatoeba, publicUrl } from './tatoebaLoad';
import { loadTatoebaFile, TATOEBA_FILE } from './tatoebaNode';

const HEADER = 'en\tzh\tattribution';

describe('parseTatoebaTsv', () => {
  it('reads pairs with their attribution and records malformed lines', () => {
    const text = [
      `\uFEFF${HEADER}`,
      'Stop!\t住手！\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)',
      'two\tcolumns',
      '',
      'Wait!\t\tCC-BY x',
      'Go.\t走。\tCC-BY y\textra',
      'Hi.\t你好。\tCC-BY z\r',
      '',
    ].join('\n');
    const { pairs, skipped } = parseTatoebaTsv(text);
    expect(pairs).toEqual([
      { en: 'Stop!', zh: '住手！', attribution: 'CC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)', line: 2 },
      { en: 'Hi.', zh: '你好。', attribution: 'CC-BY z', line: 7 },
    ]);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, 'columns'],
      [5, 'empty-field'],
      [6, 'columns'],
    ]);
  });

  it('refuses a file with the wrong header', () => {
    try {
      parseTatoebaTsv('english\tchinese\nHi.\t你好。');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).detail).toEqual({ code: 'bad-header', found: 'english\tchinese' });
    }
  });
});

describe('the shipped file', async () => {
  const file = await loadTatoebaFile();

  it('parses completely, every pair attributed to tatoeba.org', () => {
    expect(file.skipped).toEqual([]);
    expect(file.pairs.length).toBe(3292);
    expect(file.pairs.every((p) => /^CC-BY 2\.0 \(France\) Attribution: tatoeba\.org #\d+/.test(p.attribution))).toBe(true);
  });

  it('tokenizes into short English word and Chinese character sequences', () => {
    const lengths = file.pairs.map(tokenizeTatoeba).map((p) => [p.en.length, p.zh.length]);
    expect(Math.max(...lengths.map(([en]) => en))).toBe(7);
    expect(Math.max(...lengths.map(([, zh]) => zh))).toBe(10);
    expect(tokenizeTatoeba(file.pairs[0])).toEqual({ en: ['stop', '!'], zh: ['住', '手', '！'] });
  });

  it('splits 90/10, deterministically, keeping one English sentence on one side', () => {
    const a = splitTrainValid(file.pairs, { seed: 5 });
    const b = splitTrainValid(file.pairs, { seed: 5 });
    const c = splitTrainValid(file.pairs, { seed: 6 });
    expect(a).toEqual(b);
    expect(c.valid).not.toEqual(a.valid);
    expect(a.train.length + a.valid.length).toBe(file.pairs.length);
    expect(a.valid.length / file.pairs.length).toBeCloseTo(0.1, 2);
    const key = (p: { en: string }) => p.en.toLowerCase().replace(/\s+/g, ' ');
    const trainSources = new Set(a.train.map(key));
    expect(a.valid.filter((p) => trainSources.has(key(p)))).toEqual([]);
    // Both sides keep file order.
    expect(a.valid.map((p) => p.line)).toEqual([...a.valid.map((p) => p.line)].sort((x, y) => x - y));
  });
});

describe('loadTatoeba (browser loader)', () => {
  const body = readFileSync(TATOEBA_FILE, 'utf8');

  it('fetches data/tatoeba-en-zh-short.tsv under the given base', async () => {
    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response(body, { status: 200 });
    }) as unknown as typeof fetch;
    const file = await loadTatoeba({ baseUrl: 'http://127.0.0.1:4173/lab/', fetchImpl: fakeFetch });
    expect(asked).toEqual(['http://127.0.0.1:4173/lab/data/tatoeba-en-zh-short.tsv']);
    expect(file.pairs.length).toBe(3292);
  });

  it('reports an HTTP failure as a typed error', async () => {
    const notFound = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(loadTatoeba({ baseUrl: 'http://127.0.0.1/', fetchImpl: notFound })).rejects.toMatchObject({
      detail: { code: 'http', status: 404, url: 'http://127.0.0.1/data/tatoeba-en-zh-short.tsv' },
    });
  });

  it('needs a base URL where there is no document', () => {
    // Vitest's BASE_URL is '/', absolute, but Node has no `location` either.
    expect(() => publicUrl('data/x.tsv')).toThrow(DataError);
    expect(publicUrl('data/x.tsv', 'http://h/app/index.html')).toBe('http://h/app/data/x.tsv');
  });
});
