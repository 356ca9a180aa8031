import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate } from './format';

describe('Train view numbers', () => {
  it('running time as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(83_500)).toBe('1:23');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('learning rates as people write them', () => {
    expect(formatRate(0.001)).toBe('0.001');
    expect(formatRate(0.0003)).toBe('3.0e−4');
    expect(formatRate(1000)).toBe('1000');
    expect(formatRate(0.00333333)).toBe('0.00333');
  });
});
