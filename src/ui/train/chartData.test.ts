import { describe, expect, it } from 'vitest';
import type { AttentionSnapshot } from '../../train/attention';
import { Series } from '../../train/series';
import { DEFAULT_TRAINING_CONFIG, withConfig } from '../../train/trainingConfig';
import { entropyXY, plannedSchedule, scheduleHorizon, seriesXY } from './chartData';

describe('chart data', () => {
  it('copies a live series, so later pushes do not change what was drawn', () => {
    const s = new Series(4);
    s.push(1, 4);
    s.push(2, 3);
    const xy = seriesXY(s);
    s.push(3, 2);
    s.push(4, 1);
    s.push(5, 0.5); // compaction rewrites the buffers
    expect(Array.from(xy.x)).toEqual([1, 2]);
    expect(Array.from(xy.y)).toEqual([4, 3]);
  });

  it('plans the warm-up: linear up to the peak at the warm-up step, then inverse-sqrt decay', () => {
    const config = withConfig(DEFAULT_TRAINING_CONFIG, { optimizer: { lr: 2e-3 }, schedule: { kind: 'inverse-sqrt', warmup: 50 } });
    const { x, y } = plannedSchedule(config, 200, 40);
    const at = (step: number) => y[x.indexOf(step)];
    expect(x[0]).toBe(1);
    expect(x).toContain(50);
    expect(x[x.length - 1]).toBe(200);
    expect(at(50)).toBeCloseTo(2e-3, 12);
    expect(at(1)).toBeCloseTo(2e-3 / 50, 12);
    expect(at(200)).toBeCloseTo(2e-3 * Math.sqrt(50 / 200), 12);
    expect(Math.max(...y)).toBeCloseTo(2e-3, 12);
  });

  it('draws the schedule to the planned steps, else a little past the current step', () => {
    expect(scheduleHorizon(withConfig(DEFAULT_TRAINING_CONFIG, { maxSteps: 60 }), 10)).toBe(60);
    const warm100 = withConfig(DEFAULT_TRAINING_CONFIG, { schedule: { warmup: 100 } });
    expect(scheduleHorizon(warm100, 0)).toBe(300); // 3 × warm-up 100
    expect(scheduleHorizon(withConfig(DEFAULT_TRAINING_CONFIG, { schedule: { warmup: 50 } }), 0)).toBe(200); // at least 200
    expect(scheduleHorizon(warm100, 1000)).toBe(1250);
  });

  it('entropy per snapshot: uniform rows give ln n, one-hot rows give 0', () => {
    const snap = (step: number, data: number[]): AttentionSnapshot => ({
      step,
      srcTokens: ['a', 'b'],
      tgtTokens: ['<bos>', 'x'],
      target: 'reference',
      maps: [{ block: 'cross', layer: 0, heads: 1, rows: 2, cols: 2, data: Float32Array.from(data) }],
    });
    const { x, y } = entropyXY([snap(10, [0.5, 0.5, 0.5, 0.5]), snap(20, [1, 0, 0, 1])]);
    expect(x).toEqual([10, 20]);
    expect(y[0]).toBeCloseTo(Math.log(2), 6);
    expect(y[1]).toBe(0);
  });
});
