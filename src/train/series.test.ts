// The bounded metric series: pairs merge when full, history round-trips, rollbacks truncate.
import { describe, expect, it } from 'vitest';
import { Series } from './series';

describe('Series', () => {
  it('merges neighbouring points when full and keeps accumulating at the new stride', () => {
    const s = new Series(4);
    for (let step = 1; step <= 4; step++) s.push(step, step * 10);
    expect([...s.steps]).toEqual([1, 2, 3, 4]);
    s.push(5, 50); // full: merge to (2: 15), (4: 35), then 5 waits for a partner
    expect(s.stride).toBe(2);
    expect([...s.steps]).toEqual([2, 4]);
    expect([...s.values]).toEqual([15, 35]);
    s.push(6, 60);
    expect([...s.steps]).toEqual([2, 4, 6]);
    expect(s.values[2]).toBe(55);
    expect(s.at(5)).toBe(35);
    expect(s.at(1)).toBeNull();
  });

  it('round-trips through JSON within a point budget', () => {
    const s = new Series(64);
    for (let step = 1; step <= 40; step++) s.push(step, 1 / step);
    const json = s.toJSON(10);
    expect(json.steps.length).toBeLessThanOrEqual(10);
    expect(json.stride).toBeGreaterThan(1);
    const back = Series.fromJSON(json, 64);
    expect([...back.steps]).toEqual(json.steps);
    expect(back.stride).toBe(json.stride);
    const target = new Series(64);
    target.push(99, 1);
    target.load(json);
    expect([...target.steps]).toEqual(json.steps);
  });

  it('truncates after a rollback', () => {
    const s = new Series(8);
    for (let step = 1; step <= 6; step++) s.push(step, step);
    s.truncateAfter(3);
    expect([...s.steps]).toEqual([1, 2, 3]);
    expect(s.last()).toEqual({ step: 3, value: 3 });
  });
});
