// Every { en, zh } text of the training-step stages (content.ts, texts.ts, shared/*Content.ts
// and shared/content.ts) uses i18next's {{name}} placeholders, the same names in both languages
// (English-only 'plural' allowed), and no leftover single-brace {name}.
import { describe, expect, it } from 'vitest';
import { placeholderMismatches } from '../testing';

const modules: Record<string, Record<string, unknown>> = {
  ...import.meta.glob<Record<string, unknown>>('./*/content.ts', { eager: true }),
  ...import.meta.glob<Record<string, unknown>>('./*/texts.ts', { eager: true }),
  ...import.meta.glob<Record<string, unknown>>('./shared/*ontent.ts', { eager: true }),
};

describe('training-step stage text placeholders', () => {
  it('finds the texts of every stage', () => {
    for (const id of ['loss', 'logits-grad', 'output-grad', 'attention-grad', 'cross-grad', 'residual-flow', 'embedding-grad', 'update']) {
      expect(Object.keys(modules), id).toContain(`./${id}/content.ts`);
    }
    expect(Object.keys(modules)).toContain('./shared/content.ts');
  });

  it('uses the same {{placeholders}} in English and Chinese, and no single-brace {name}', () => {
    for (const [file, m] of Object.entries(modules)) expect(placeholderMismatches(m), file).toEqual([]);
  });
});
