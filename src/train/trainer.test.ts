// The in-page trainer on the CPU engine with a small model: the loop learns, pauses, steps,
// evaluates and snapshots attention; the divergence guard catches lr = 1e3 and rolls back.
import { describe, expect, it } from 'vitest';
import type { StepPoint, TrainerEvent } from './events';
import { allFinite } from './guard';
import { cpuTrainer, nextEvent, smallConfig } from './testing';

const points = (events: TrainerEvent[]): StepPoint[] => events.flatMap((e) => (e.type === 'steps' ? e.points : []));

describe('Trainer (CPU engine, small toy model)', () => {
  it('learns: the loss after 50 steps is below the first, with eval and attention events', async () => {
    const { trainer, events, info } = await cpuTrainer(smallConfig({ maxSteps: 50 }));
    expect(info.step).toBe(0);
    expect(info.probe.ok).toBe(true);
    trainer.start();
    await nextEvent(trainer.subscribe.bind(trainer), (e): e is Extract<TrainerEvent, { type: 'finished' }> => e.type === 'finished');
    await trainer.evaluate();
    const ps = points(events);
    expect(ps.map((p) => p.step)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const first = ps[0].loss;
    const last = ps.slice(-5).reduce((a, p) => a + p.loss, 0) / 5;
    expect(last).toBeLessThan(first);
    expect(ps.every((p) => p.tokens > 0 && p.lr > 0 && p.elapsedMs >= 0)).toBe(true);
    const evals = events.filter((e) => e.type === 'eval');
    expect(evals.length).toBeGreaterThanOrEqual(2);
    const snaps = events.flatMap((e) => (e.type === 'attention' ? [e.snapshot] : []));
    expect(snaps.length).toBeGreaterThan(1);
    const s = snaps[snaps.length - 1];
    expect(s.target).toBe('reference');
    // 1 encoder layer, 1 decoder layer: enc-self, dec-self, cross; every row sums to 1.
    expect(s.maps.map((m) => m.block)).toEqual(['enc-self', 'dec-self', 'cross']);
    const cross = s.maps[2];
    expect([cross.heads, cross.rows, cross.cols]).toEqual([2, s.tgtTokens.length, s.srcTokens.length]);
    for (let r = 0; r < cross.heads * cross.rows; r++) {
      const sum = cross.data.subarray(r * cross.cols, (r + 1) * cross.cols).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 4);
    }
    trainer.dispose();
  });

  it('pause stops the steps; step(n) runs exactly n more', async () => {
    const { trainer } = await cpuTrainer(smallConfig());
    trainer.start();
    // Wait for a step to land rather than a fixed time: on a busy machine 150 ms may hold none.
    await nextEvent(trainer.subscribe.bind(trainer), (e): e is Extract<TrainerEvent, { type: 'steps' }> => e.type === 'steps');
    await trainer.pause();
    const paused = trainer.steps;
    expect(paused).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(trainer.steps).toBe(paused);
    expect(trainer.currentStatus).toBe('paused');
    await trainer.step(3);
    expect(trainer.steps).toBe(paused + 3);
    trainer.dispose();
  });

  it('the divergence guard pauses at lr = 1e3 and restores the last good snapshot exactly', async () => {
    const { trainer, events } = await cpuTrainer(smallConfig({ optimizer: { lr: 1e3, maxNorm: 1 }, schedule: { kind: 'constant', warmup: 0 }, cadence: { snapshotEvery: 1 } }));
    trainer.start();
    const ev = await nextEvent(trainer.subscribe.bind(trainer), (e): e is Extract<TrainerEvent, { type: 'divergence' }> => e.type === 'divergence');
    expect(trainer.currentStatus).toBe('diverged');
    const { info } = ev;
    // Either float32 overflowed, or the loss is far beyond any sane model's (logits in the millions).
    if (info.reason === 'non-finite') expect(Number.isFinite(info.loss) && Number.isFinite(info.gradNorm)).toBe(false);
    else expect(info.loss).toBeGreaterThan(1000);
    expect(info.restoredStep).toBeLessThan(info.step);
    expect(info.restoredFinite).toBe(true);
    expect(trainer.steps).toBe(info.restoredStep);
    const good = await trainer.lastGoodState();
    const now = await trainer.exportState();
    expect(now.step).toBe(good.step);
    expect(allFinite(now.params) && allFinite(now.m) && allFinite(now.v)).toBe(true);
    expect(now.params).toEqual(good.params);
    expect(now.m).toEqual(good.m);
    expect(now.v).toEqual(good.v);
    expect(events.some((e) => e.type === 'rewind' && e.step === info.restoredStep)).toBe(true);
    trainer.dispose();
  });
});
