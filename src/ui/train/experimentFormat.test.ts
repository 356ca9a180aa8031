import { describe, expect, it } from 'vitest';
import { formatDifference, formatMetric } from './experimentFormat';

const words = { missing: '—', never: 'never', points: (s: string) => `${s} pp` };

describe('experiment numbers', () => {
  it('writes losses as decimals, rates as percentages and the divergence step as a step', () => {
    expect(formatMetric('trainLoss', 1.23456, words)).toBe('1.235');
    expect(formatMetric('exactMatch', 0.875, words)).toBe('87.5%');
    expect(formatMetric('entropyCross', 0.5, words)).toBe('0.500');
    expect(formatMetric('divergedAtStep', 3, words)).toBe('3');
    expect(formatMetric('divergedAtStep', null, words)).toBe('never');
    expect(formatMetric('validLoss', null, words)).toBe('—');
  });

  it('differences: signed decimals, percentage points for rates, nothing for steps', () => {
    expect(formatDifference('trainLoss', 2, 1.5, words)).toBe('−0.500');
    expect(formatDifference('validLoss', 1, 1.25, words)).toBe('+0.250');
    expect(formatDifference('exactMatch', 0.9, 0.125, words)).toBe('−77.5 pp');
    expect(formatDifference('orderDistinct', 0, 0.5, words)).toBe('+50.0 pp');
    expect(formatDifference('divergedAtStep', null, 4, words)).toBe('—');
    expect(formatDifference('exactMatch', null, 0.5, words)).toBe('—');
  });
});
