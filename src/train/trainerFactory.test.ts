// The Train view's WebGPU trainer (trainerFactory) on a real device: init measures the matmul
// form for the run's shapes once per device (engine/webgpu/tune.ts), before the warm-up, and the
// run then trains with it.
import { afterAll, describe, expect, it } from 'vitest';
import { createWebGPUBackend, tuneMatmulBlocksOnce } from '../engine/webgpu';
import { openHarness } from '../engine/webgpu/testing/harness';
import type { StepPoint } from './events';
import { smallConfig } from './testing';
import { createTrainer } from './trainerFactory';
import { tuneShapeOf } from './tuneShape';

const env = await openHarness('webgpu trainer from the factory');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  afterAll(() => h.gpu.destroy());

  it('tunes the matmul form at init, once per device, and trains', async () => {
    const config = smallConfig();
    const trainer = createTrainer({ kind: 'webgpu', ctx: h.gpu.ctx });
    const points: StepPoint[] = [];
    trainer.subscribe((e) => e.type === 'steps' && points.push(...e.points));
    await trainer.init({ config, start: { kind: 'scratch' }, probe: '' });
    // the answer is known for this device and shape: another backend gets it without a dispatch
    const other = createWebGPUBackend(h.gpu.ctx);
    const tuning = await tuneMatmulBlocksOnce(h.gpu.ctx, other, tuneShapeOf(config));
    expect(other.stats().dispatches).toBe(0);
    expect(other.matmulBlocks()).toBe(tuning.blocks);
    other.destroy();
    await trainer.step(2);
    expect(points.map((p) => p.step)).toEqual([1, 2]);
    expect(points.every((p) => Number.isFinite(p.loss))).toBe(true);
    trainer.dispose();
  });
});
