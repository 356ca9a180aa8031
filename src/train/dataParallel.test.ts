// Data-parallel CPU training: the worker count from hardwareConcurrency and the batch, the
// batch split, and a Trainer stepping over helper "workers" (in-process fakes with their own CPU
// backend, messages cloned and answered asynchronously as a Worker would) that ends with the
// same weights as the single-thread trainer; a failing helper is dropped without losing the
// step; pause, step, the divergence guard and export work as on one thread. And the float32
// matmul kernel the tab's workers use trains like the float64 reference.
import { describe, expect, it } from 'vitest';
import { makeBatch, toyValidationSet, toyVocabs } from '../data';
import { createCpuBackend, setMatmulKernel } from '../engine/cpu';
import { DataParallel, workerSharePort, type SharePort } from './dataParallel';
import type { TrainerEvent } from './events';
import { allFinite } from './guard';
import { createShareHandler, dataParallelWorkers, splitBatch, type ShareMessage, type ShareResult } from './shares';
import { nextEvent, smallConfig } from './testing';
import { Trainer } from './trainer';
import type { TrainingConfig } from './trainingConfig';

/** A helper worker in this thread: its own backend and model, replies on a later task. */
function fakeWorker(opts: { fail?: boolean } = {}): SharePort & { jobs: number; terminated: boolean } {
  const handle = createShareHandler();
  let listener: (r: ShareResult | null) => void = () => undefined;
  const port = {
    jobs: 0,
    terminated: false,
    post(msg: ShareMessage) {
      const copy = structuredClone(msg);
      if (copy.kind === 'job') port.jobs++;
      setTimeout(async () => {
        if (port.terminated) return;
        const r = opts.fail && copy.kind === 'job' ? { error: 'helper broke' } : await handle(copy);
        if (r) listener(r);
      }, 0);
    },
    listen(fn: (r: ShareResult | null) => void) {
      listener = fn;
    },
    terminate() {
      port.terminated = true;
    },
  };
  return port;
}

async function trainer(config: TrainingConfig, ports: SharePort[] | null) {
  const t = new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 0, parallel: ports ? () => new DataParallel(ports) : undefined });
  const events: TrainerEvent[] = [];
  t.subscribe((e) => events.push(e));
  const info = await t.init({ config, start: { kind: 'scratch' }, probe: '' });
  return { trainer: t, info, events };
}

/** Largest |a − b| relative to the tensor's largest |a| (a per-element ratio blows up at zeros). */
function relativeDiff(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return diff / Math.max(scale, 1e-30);
}

/**
 * The largest relative difference over every weight tensor but the key biases. A key bias has
 * a zero gradient in exact arithmetic (softmax ignores a constant added to a whole row of
 * scores), so what it gets is float rounding noise, which Adam scales up to ±lr whatever the
 * summation order: there both runs only have to stay within steps·lr of zero.
 */
async function weightsDiff(a: Trainer, b: Trainer, steps: number, lr: number): Promise<number> {
  const [wa, wb] = await Promise.all([a.weights(), b.weights()]);
  expect(Object.keys(wb)).toEqual(Object.keys(wa));
  const names = Object.keys(wa);
  const noise = names.filter((k) => k.endsWith('.wk.bias'));
  expect(noise.length).toBeGreaterThan(0);
  for (const k of noise) for (const w of [...wa[k], ...wb[k]]) expect(Math.abs(w)).toBeLessThanOrEqual(2 * steps * lr);
  return Math.max(...names.filter((k) => !noise.includes(k)).map((k) => relativeDiff(wa[k], wb[k])));
}

describe('data-parallel CPU training', () => {
  it('takes one worker per core, no more than the batch splits into (8 rows each), at most 8', () => {
    expect(dataParallelWorkers(2, 32)).toBe(2);
    expect(dataParallelWorkers(16, 32)).toBe(4);
    expect(dataParallelWorkers(16, 512)).toBe(8);
    expect(dataParallelWorkers(4, 16)).toBe(2);
    expect(dataParallelWorkers(4, 7)).toBe(1);
    expect(dataParallelWorkers(1, 64)).toBe(1);
    expect(dataParallelWorkers(undefined, 64)).toBe(1);
    expect(dataParallelWorkers(Number.NaN, 64)).toBe(1);
  });

  it('deals a batch into shares: every row once, each trimmed to its own lengths, tokens add up', () => {
    const batch = makeBatch(toyValidationSet(3, 7), toyVocabs(), 24);
    const shares = splitBatch(batch, 2);
    expect(shares.map((s) => s.batch)).toEqual([4, 3]);
    expect(shares.map((s) => s.batch).reduce((a, b) => a + b, 0)).toBe(batch.batch);
    expect(shares.map((s) => s.nTokens).reduce((a, b) => a + b, 0)).toBe(batch.nTokens);
    // Share 0 holds rows 0, 2, …: its first row is the batch's first row, trimmed.
    const s0 = shares[0];
    expect(Array.from(s0.srcIds.subarray(0, s0.srcLen))).toEqual(Array.from(batch.srcIds.subarray(0, s0.srcLen)));
    expect(s0.srcLen).toBeLessThanOrEqual(batch.srcLen);
    for (const s of shares) expect(Math.max(...Array.from({ length: s.batch }, (_, r) => s.tgtMask[r * s.tgtLen + s.tgtLen - 1]))).toBe(1);
    expect(splitBatch(batch, 10)).toHaveLength(batch.batch);
  });

  it.each([2, 3])('%i workers end with the single-thread weights (same seed, same batches) within 1e-5', async (n) => {
    const config = smallConfig({ maxSteps: 0 });
    const one = await trainer(config, null);
    const many = await trainer(config, Array.from({ length: n - 1 }, () => fakeWorker()));
    expect(many.info.workers).toBe(n);
    expect(one.info.workers).toBe(1);
    await one.trainer.step(6);
    await many.trainer.step(6);
    expect(many.trainer.steps).toBe(6);
    expect(await weightsDiff(one.trainer, many.trainer, 6, config.optimizer.lr)).toBeLessThan(1e-5);
    // The reported losses are the whole batch's.
    const losses = (ev: TrainerEvent[]) => ev.flatMap((e) => (e.type === 'steps' ? e.points.map((p) => p.loss) : []));
    const [l1, ln] = [losses(one.events), losses(many.events)];
    expect(ln).toHaveLength(6);
    ln.forEach((l, i) => expect(l).toBeCloseTo(l1[i], 4));
    one.trainer.dispose();
    many.trainer.dispose();
  });

  it('a helper that fails is dropped; its share is computed by the coordinator, the step is the same', async () => {
    const config = smallConfig();
    const broken = fakeWorker({ fail: true });
    const one = await trainer(config, null);
    const many = await trainer(config, [broken]);
    await one.trainer.step(3);
    await many.trainer.step(3);
    expect(broken.jobs).toBe(1);
    expect(broken.terminated).toBe(true);
    expect(await weightsDiff(one.trainer, many.trainer, 3, config.optimizer.lr)).toBeLessThan(1e-5);
    one.trainer.dispose();
    many.trainer.dispose();
  });

  it('runs, pauses and steps; evaluation and snapshots see updated weights; dispose ends the helpers', async () => {
    const helper = fakeWorker();
    const { trainer: t, events } = await trainer(smallConfig({ cadence: { evalEvery: 5, snapshotEvery: 2, attentionEvery: 3 } }), [helper]);
    t.start();
    await nextEvent(t.subscribe.bind(t), (e): e is Extract<TrainerEvent, { type: 'eval' }> => e.type === 'eval' && e.report.step >= 5);
    await t.pause();
    const held = t.steps;
    await new Promise((r) => setTimeout(r, 50));
    expect(t.steps).toBe(held);
    await t.step(2);
    expect(t.steps).toBe(held + 2);
    const steps = events.flatMap((e) => (e.type === 'steps' ? e.points.map((p) => p.step) : []));
    expect(steps).toEqual(Array.from({ length: held + 2 }, (_, i) => i + 1));
    const state = await t.exportState();
    expect(state.step).toBe(held + 2);
    expect(state.adamStep).toBe(held + 2);
    expect(helper.jobs).toBe(held + 2);
    t.dispose();
    expect(helper.terminated).toBe(true);
  });

  it('the divergence guard pauses at lr = 1e3 and restores the last good snapshot exactly', async () => {
    const config = smallConfig({ optimizer: { lr: 1e3, maxNorm: 1 }, schedule: { kind: 'constant', warmup: 0 }, cadence: { snapshotEvery: 1 } });
    const { trainer: t } = await trainer(config, [fakeWorker()]);
    t.start();
    const ev = await nextEvent(t.subscribe.bind(t), (e): e is Extract<TrainerEvent, { type: 'divergence' }> => e.type === 'divergence');
    expect(t.currentStatus).toBe('diverged');
    expect(ev.info.restoredStep).toBeLessThan(ev.info.step);
    expect(t.steps).toBe(ev.info.restoredStep);
    const good = await t.lastGoodState();
    const now = await t.exportState();
    expect(allFinite(now.params)).toBe(true);
    expect(now.params).toEqual(good.params);
    expect(now.m).toEqual(good.m);
    t.dispose();
  });

  it('the tab’s float32 matmul kernel (setMatmulKernel fast) ends within 1e-4 of the float64 reference', async () => {
    const config = smallConfig();
    const reference = await trainer(config, null);
    await reference.trainer.step(6);
    setMatmulKernel('fast');
    try {
      const fast = await trainer(config, [fakeWorker()]);
      await fast.trainer.step(6);
      expect(await weightsDiff(reference.trainer, fast.trainer, 6, config.optimizer.lr)).toBeLessThan(1e-4);
      fast.trainer.dispose();
    } finally {
      setMatmulKernel('auto');
    }
    reference.trainer.dispose();
  });

  it('a Web Worker as a SharePort: replies pass through, a worker error becomes null (and is not reported further)', () => {
    const handlers: Record<string, (e: unknown) => void> = {};
    const sent: unknown[] = [];
    let terminated = false;
    const port = workerSharePort({
      postMessage: (m) => sent.push(m),
      addEventListener: (type: string, fn: (e: never) => void) => void (handlers[type] = fn as (e: unknown) => void),
      terminate: () => void (terminated = true),
    });
    const replies: Array<ShareResult | null> = [];
    port.listen((r) => replies.push(r));
    port.post({ kind: 'init', config: smallConfig().model, vocab: { src: 3, tgt: 3 }, variant: smallConfig().variant });
    expect(sent).toHaveLength(1);
    handlers.message({ data: { grads: new Float32Array(2), lossSum: 1.5 } });
    let prevented = false;
    handlers.error({ preventDefault: () => (prevented = true) });
    expect(replies).toEqual([{ grads: new Float32Array(2), lossSum: 1.5 }, null]);
    expect(prevented).toBe(true);
    port.terminate();
    expect(terminated).toBe(true);
  });
});
