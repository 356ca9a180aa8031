// The page-side record of a run: throughput from recent points, rewinds drop voided metrics,
// and the saved history brings the same numbers back.
import { describe, expect, it } from 'vitest';
import { TrainingLive } from './live';
import type { QualityReport } from './measure';

const point = (step: number) => ({ step, loss: 5 - step / 10, gradNorm: 1, lr: 1e-3, tokens: 100, elapsedMs: step * 50 });
const report = (step: number): QualityReport => ({ step, n: 4, validLoss: 1, teacherForcedAccuracy: 0.5, exactMatch: step / 100, tokenAccuracy: 0.5, bleu: 0.2, entropy: { 'enc-self': 1, 'dec-self': 1, cross: 1 }, ms: 1 });

describe('TrainingLive', () => {
  it('computes steps/s and tokens/s, and notifies subscribers', () => {
    const live = new TrainingLive();
    let calls = 0;
    live.subscribe(() => calls++);
    live.apply({ type: 'steps', points: [1, 2, 3, 4, 5].map(point) });
    expect(live.rates()).toEqual({ stepsPerSec: 20, tokensPerSec: 2000 }); // a step per 50 ms, 100 tokens each
    expect(live.step).toBe(5);
    expect(live.tokensSeen).toBe(500);
    expect(calls).toBe(1);
    expect(live.version).toBe(1);
  });

  it('a rewind drops losses, evaluations and snapshots after the step', () => {
    const live = new TrainingLive();
    live.apply({ type: 'steps', points: [1, 2, 3, 4].map(point) });
    live.apply({ type: 'eval', report: report(2), samples: [] });
    live.apply({ type: 'eval', report: report(4), samples: [] });
    live.apply({ type: 'attention', snapshot: { step: 4, srcTokens: [], tgtTokens: [], target: 'reference', maps: [] } });
    live.apply({ type: 'rewind', step: 2 });
    expect([...live.loss.steps]).toEqual([1, 2]);
    expect(live.evals.map((r) => r.step)).toEqual([2]);
    expect(live.attention.length).toBe(0);
    expect(live.step).toBe(2);
  });

  it('round-trips its history', () => {
    const live = new TrainingLive();
    live.apply({ type: 'steps', points: [1, 2, 3].map(point) });
    live.apply({ type: 'eval', report: report(3), samples: [{ source: ['a'], reference: ['b'], hypothesis: ['b'], correct: [true], exact: true }] });
    const copy = new TrainingLive();
    copy.restore(structuredClone(live.toHistory()));
    expect([...copy.loss.values]).toEqual([...live.loss.values].map((v) => Number(v.toPrecision(5))));
    expect(copy.lastEval()?.exactMatch).toBe(0.03);
    expect(copy.samples[0].exact).toBe(true);
    expect(copy.step).toBe(3);
  });
});
