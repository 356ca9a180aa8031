import { describe, expect, it } from 'vitest';
import { cardById } from './cards';
import { checkCloze, normalizeAnswer, splitCloze } from './cloze';
import type { Cloze } from './types';

const same = (variants: string[]) => {
  const forms = new Set(variants.map(normalizeAnswer));
  expect(forms.size, `${variants.join(' | ')} → ${[...forms].join(' | ')}`).toBe(1);
};

describe('normalizeAnswer', () => {
  it('treats the usual ways of writing √d_k alike', () => {
    same(['sqrt(d_k)', '√d_k', '√dk', '√(d_k)', String.raw`\sqrt{d_k}`, 'SQRT(DK)', ' sqrt( d_k ) ', 'ｓｑｒｔ（ｄ＿ｋ）', '√ｄｋ']);
  });

  it('treats transposes, fractions and superscripts alike', () => {
    same(['QKᵀ/√d_k', 'QK^T/sqrt(d_k)', 'Q K^T / √dk', String.raw`\frac{QK^T}{\sqrt{d_k}}`, 'QK^⊤/√d_k', String.raw`QK^{\top}/\sqrt{d_k}`]);
    same(['n^2', 'n²', 'N^2', 'n^{2}', 'n^(2)']);
  });

  it('reads Greek letters written as names, symbols or LaTeX', () => {
    same(['√(σ²+ε)', 'sqrt(sigma^2 + epsilon)', 'sqrt(var + eps)', String.raw`\sqrt{\sigma^2+\epsilon}`, '√(σ^2+ϵ)']);
    same(['-∞', '−∞', '-inf', '- infinity', String.raw`-\infty`]);
  });

  it('ignores case, width, spaces, underscores, leading articles and trailing punctuation', () => {
    same(['Key', 'the key', ' KEY. ', 'ｋｅｙ']);
    same(['warmup_steps', 'warmup steps', 'WarmupSteps']);
    same(['编码器', ' 编码器。', '编 码 器']);
    same(['W·W', 'W*W', 'W×W', String.raw`W \cdot W`]);
  });

  it('keeps differences that matter', () => {
    const distinct = ['√dk', 'dk', '√(σ^2+ε)', 'σ^2+ε', '-∞', '∞', 'key', 'keys', '0.1', '1'];
    expect(new Set(distinct.map(normalizeAnswer)).size).toBe(distinct.length);
    expect(normalizeAnswer('steps')).toBe('steps'); // "eps" inside a word is not epsilon
  });
});

describe('checkCloze', () => {
  const cloze: Cloze = {
    text: { en: 'softmax({{gap}}) V', zh: '注意力：softmax({{gap}}) V' },
    answers: ['QKᵀ/√d_k', 'QK^T/sqrt(d_k)'],
  };

  it('accepts notational variants of an accepted answer and names the one matched', () => {
    expect(checkCloze(cloze, 'Q K^T / √dk')).toEqual({ correct: true, expected: 'QKᵀ/√d_k' });
  });

  it('rejects wrong and empty answers and shows the canonical answer', () => {
    expect(checkCloze(cloze, 'QK^T')).toEqual({ correct: false, expected: 'QKᵀ/√d_k' });
    expect(checkCloze(cloze, '   ').correct).toBe(false);
  });

  it('accepts answers in either language where the card lists both', () => {
    const card = cardById('d23-kv-source')!;
    expect(checkCloze(card.cloze!, 'the encoder output').correct).toBe(true);
    expect(checkCloze(card.cloze!, '编码器').correct).toBe(true);
    expect(checkCloze(card.cloze!, 'decoder').correct).toBe(false);
  });

  it('splits the text around the gap in each language', () => {
    expect(splitCloze(cloze.text, 'en')).toEqual({ before: 'softmax(', after: ') V' });
    expect(splitCloze(cloze.text, 'zh')).toEqual({ before: '注意力：softmax(', after: ') V' });
    expect(() => splitCloze({ en: 'no gap', zh: '没有' }, 'en')).toThrow(/no \{\{gap\}\} marker/);
  });
});
