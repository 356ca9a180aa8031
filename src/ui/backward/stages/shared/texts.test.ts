// The texts of output-grad, attention-grad, cross-grad and their shared pieces: both languages
// filled, Chinese written in Chinese, and the same {{placeholders}} in en and zh (no single-brace
// {name} left over).
import { describe, expect, it } from 'vitest';
import { placeholders, type Bilingual } from '../../../../i18n/text';
import * as attention from '../attention-grad/content';
import * as cross from '../cross-grad/content';
import * as output from '../output-grad/content';
import { paramGradText } from './paramGradContent';
import { scaleVariantText } from './scaleText';
import { softmaxGradText } from './softmaxGradContent';

const isBilingual = (v: unknown): v is Bilingual => typeof v === 'object' && v !== null && typeof (v as Bilingual).en === 'string' && typeof (v as Bilingual).zh === 'string';

function collect(prefix: string, v: unknown, out: [string, Bilingual][]) {
  if (isBilingual(v)) out.push([prefix, v]);
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) collect(`${prefix}.${k}`, x, out);
}

describe('training-step stage texts (output-grad, attention-grad, cross-grad)', () => {
  const all: [string, Bilingual][] = [];
  for (const [name, mod] of Object.entries({ output, attention, cross, paramGradText, scaleVariantText, softmaxGradText })) collect(name, mod, all);

  it('has both languages and the same placeholders in each', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const [key, b] of all) {
      expect(b.en.trim(), key).not.toBe('');
      expect(b.zh.trim(), key).not.toBe('');
      expect(placeholders(b.zh), key).toEqual(placeholders(b.en));
      expect(b.en.replace(/\{\{\w+\}\}/g, ''), key).not.toMatch(/\{\w+\}/);
    }
  });

  it('writes titles and explanations in Chinese', () => {
    for (const mod of [output, attention, cross]) {
      for (const b of [mod.title, mod.explain.what, mod.explain.why, mod.explain.problem]) expect(b.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
