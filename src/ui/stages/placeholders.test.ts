// Every { en, zh } text of the stage registries uses i18next's {{name}} placeholders (the one
// syntax src/i18n's fillText fills), the same names in both languages, and no leftover {name}.
import { describe, expect, it } from 'vitest';
import { placeholders, type Bilingual } from '../../i18n/text';
import * as weights from './shared/AttentionWeights';

const modules: Record<string, unknown> = {
  ...import.meta.glob('./*/content.ts', { eager: true }),
  ...import.meta.glob('./*/texts.ts', { eager: true }),
  './shared/AttentionWeights.tsx': { TIP: weights.TIP, MASKED_TIP: weights.MASKED_TIP },
};

function isBilingual(v: unknown): v is Bilingual {
  return typeof v === 'object' && v !== null && typeof (v as Bilingual).en === 'string' && typeof (v as Bilingual).zh === 'string';
}

/** Every { en, zh } record reachable from a module's exports, with its path. */
function records(value: unknown, path: string, out: [string, Bilingual][] = [], seen = new Set<unknown>()): [string, Bilingual][] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (isBilingual(value)) out.push([path, value]);
  else for (const [k, v] of Object.entries(value)) records(v, `${path}.${k}`, out, seen);
  return out;
}

const all = Object.entries(modules).flatMap(([file, m]) => records(m, file));
/** Placeholders only English grammar needs ("block{{plural}}"). */
const ENGLISH_ONLY = new Set(['plural']);
const SINGLE_BRACE = /(?<!\{)\{\s*[A-Za-z]\w*\s*\}(?!\})/;

describe('stage text placeholders', () => {
  it('finds the registries', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(20);
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter(([, b]) => placeholders(b.en).length > 0).length).toBeGreaterThan(100);
  });

  it('uses the same {{placeholders}} in English and Chinese (but English plural endings)', () => {
    for (const [path, b] of all) {
      const zh = placeholders(b.zh);
      expect(zh, path).toEqual(placeholders(b.en).filter((name) => !ENGLISH_ONLY.has(name) || zh.includes(name)));
    }
  });

  it('has no single-brace {name} placeholder left', () => {
    for (const [path, b] of all) {
      expect(b.en, path).not.toMatch(SINGLE_BRACE);
      expect(b.zh, path).not.toMatch(SINGLE_BRACE);
    }
  });
});
