import { describe, expect, it } from 'vitest';
import { renderTex } from './renderTex';

describe('renderTex', () => {
  it('typesets TeX with MathML for screen readers', () => {
    const r = renderTex('\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V', true);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.html).toContain('class="katex-display"');
      expect(r.html).toContain('<math');
    }
  });

  it('returns the source instead of throwing on invalid TeX', () => {
    const r = renderTex('\\frac{1}{', false);
    expect(r).toMatchObject({ ok: false, source: '\\frac{1}{' });
  });

  it('accepts Chinese inside \\text', () => {
    expect(renderTex('\\text{注意力}').ok).toBe(true);
  });
});
