import { describe, expect, it } from 'vitest';
import { formatFixed, formatPercent, formatRange, formatShort } from './format';

describe('format', () => {
  it('fixes decimals and writes a true minus sign', () => {
    expect(formatFixed(0.53249, 3)).toBe('0.532');
    expect(formatFixed(-1.25, 3)).toBe('−1.250');
    expect(formatFixed(2, 0)).toBe('2');
  });

  it('does not show a sign on a value that rounds to zero', () => {
    expect(formatFixed(-0.0001, 3)).toBe('0.000');
  });

  it('states ranges with three significant digits', () => {
    expect(formatRange([-2.3119, 3.0512])).toBe('−2.31 … 3.05');
    expect(formatShort(0.000512)).toBe('5.12e−4');
    expect(formatShort(0)).toBe('0');
  });

  it('formats proportions as percentages and names non-numbers', () => {
    expect(formatPercent(0.8732)).toBe('87.3%');
    expect(formatFixed(NaN)).toBe('NaN');
    expect(formatShort(-Infinity)).toBe('−∞');
  });
});
