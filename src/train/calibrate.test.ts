// Calibration: build and warm-up excluded, a budget of timed steps, failures as rate 0, engines
// measured one after the other; and a real CPU trainer measured end to end.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { calibrateEngines, calibrationSpec, measureTrainer } from './calibrate';
import type { TrainerEvent, TrainerHandle } from './events';
import { smallConfig } from './testing';
import { Trainer } from './trainer';

/** A trainer whose steps take `stepMs` of a fake clock (the first one `firstMs`), init `initMs`. */
function fakeTrainer(clock: { t: number }, { stepMs, firstMs = stepMs, initMs = 0, failInit = false }: { stepMs: number; firstMs?: number; initMs?: number; failInit?: boolean }) {
  const listeners = new Set<(e: TrainerEvent) => void>();
  let stepped = 0;
  const calls: number[] = [];
  let disposed = false;
  const handle = {
    kind: 'cpu-worker',
    init: async () => {
      if (failInit) throw new Error('no worker');
      clock.t += initMs;
      setTimeout(() => listeners.forEach((l) => l({ type: 'eval', report: {} as never, samples: [] })), 0);
      return {} as never;
    },
    step: async (n = 1) => {
      calls.push(n);
      for (let i = 0; i < n; i++) clock.t += stepped++ === 0 ? firstMs : stepMs;
    },
    subscribe: (l: (e: TrainerEvent) => void) => (listeners.add(l), () => listeners.delete(l)),
    dispose: () => void (disposed = true),
  } as unknown as TrainerHandle;
  return { handle, calls, disposed: () => disposed };
}

describe('measureTrainer', () => {
  it('excludes build and the warm-up step, and fills the budget with timed steps', async () => {
    const clock = { t: 0 };
    const f = fakeTrainer(clock, { stepMs: 100, firstMs: 2000, initMs: 5000 });
    const m = await measureTrainer(f.handle, calibrationSpec(smallConfig()), { budgetMs: 700, maxSteps: 12, now: () => clock.t });
    expect(m).toMatchObject({ initMs: 5000, warmMs: 2000, steps: 7, ms: 700, stepsPerSec: 10 });
    expect(f.calls).toEqual([1, 1, 6]);
    expect(f.disposed()).toBe(true);
  });

  it('times at least one step, and at most maxSteps', async () => {
    const slow = { t: 0 };
    expect(await measureTrainer(fakeTrainer(slow, { stepMs: 4000 }).handle, calibrationSpec(smallConfig()), { budgetMs: 700, now: () => slow.t })).toMatchObject({ steps: 1, stepsPerSec: 0.25 });
    const fast = { t: 0 };
    expect(await measureTrainer(fakeTrainer(fast, { stepMs: 1 }).handle, calibrationSpec(smallConfig()), { budgetMs: 700, maxSteps: 5, now: () => fast.t })).toMatchObject({ steps: 5, stepsPerSec: 1000 });
  });

  it('a trainer that fails or hangs is a failed measurement (rate 0), and is disposed', async () => {
    const clock = { t: 0 };
    const broken = fakeTrainer(clock, { stepMs: 1, failInit: true });
    const m = await measureTrainer(broken.handle, calibrationSpec(smallConfig()), { now: () => clock.t });
    expect(m.stepsPerSec).toBe(0);
    expect(m.error).toMatch(/no worker/);
    expect(broken.disposed()).toBe(true);
    const hung = fakeTrainer(clock, { stepMs: 1 });
    hung.handle.step = () => new Promise(() => undefined);
    const h = await measureTrainer(hung.handle, calibrationSpec(smallConfig()), { timeoutMs: 50, now: () => clock.t });
    expect(h.stepsPerSec).toBe(0);
    expect(h.error).toMatch(/within 50 ms/);
    expect(hung.disposed()).toBe(true);
  });
});

describe('calibrateEngines', () => {
  it('measures the engines one after the other; a build that throws is rate 0', async () => {
    const clock = { t: 0 };
    const order: string[] = [];
    const r = await calibrateEngines({
      engines: ['webgpu', 'cpu'],
      spec: calibrationSpec(smallConfig()),
      onEngine: (e) => order.push(e),
      create: async (engine) => {
        if (engine === 'webgpu') throw new Error('device lost');
        return fakeTrainer(clock, { stepMs: 50 }).handle;
      },
      options: { now: () => clock.t },
    });
    expect(order).toEqual(['webgpu', 'cpu']);
    expect(r.rates).toEqual({ webgpu: 0, cpu: 20 });
    expect(r.details.webgpu?.error).toMatch(/device lost/);
  });

  it('measures a real CPU trainer', async () => {
    const trainer = new Trainer({ backend: createCpuBackend(), kind: 'cpu', ownsBackend: true, frameBudgetMs: 20 });
    const m = await measureTrainer(trainer, calibrationSpec(smallConfig()), { budgetMs: 100, maxSteps: 3 });
    expect(m.error).toBeUndefined();
    expect(m.steps).toBeGreaterThanOrEqual(1);
    expect(m.steps).toBeLessThanOrEqual(3);
    expect(m.stepsPerSec).toBeGreaterThan(0);
    expect(m.tokens).toBeGreaterThan(0); // the timed steps' target tokens, from their reports
  });
});
