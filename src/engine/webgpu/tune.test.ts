// tune.ts: the measured choice between 4 × 4 and 8 × 8 outputs per matmul_direct4 invocation.
// The rule on given times; then on a real device: a choice is made and applied, nothing is left
// allocated, the two forms give the same numbers, and a second backend on the device reuses the
// answer without measuring.
import { afterAll, describe, expect, it } from 'vitest';
import { createWebGPUBackend } from './index';
import { chooseBlocks, MIN_GAIN, MIN_MEASURABLE_MS, tuneMatmulBlocks, tuneMatmulBlocksOnce } from './tune';
import { expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

describe('chooseBlocks', () => {
  it('takes 8 × 8 only when it is clearly faster; a tie keeps 4 × 4', () => {
    expect(chooseBlocks({ 1: 10, 2: 5 })).toBe(2);
    expect(chooseBlocks({ 1: 10, 2: 10 * (1 - MIN_GAIN) + 0.01 })).toBe(1);
    expect(chooseBlocks({ 1: 10, 2: 10 })).toBe(1);
    expect(chooseBlocks({ 1: 5, 2: 10 })).toBe(1);
    expect(chooseBlocks({ 1: 10, 2: 0 })).toBe(1); // no time measured: no evidence
  });

  it('keeps 4 × 4 when the products are too fast to time apart (timestamps rounded to 0.1 ms)', () => {
    expect(chooseBlocks({ 1: 0.2, 2: 0.1 })).toBe(1);
    expect(chooseBlocks({ 1: MIN_MEASURABLE_MS - 0.01, 2: 0.01 })).toBe(1);
    expect(chooseBlocks({ 1: MIN_MEASURABLE_MS, 2: 0.3 })).toBe(2);
  });
});

const env = await openHarness('webgpu matmul tuning');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  afterAll(() => h.gpu.destroy());
  const shape = { rows: 32, inner: 8, outer: 32 };

  it('measures both forms, applies the faster and frees its tensors', async () => {
    const be = createWebGPUBackend(h.gpu.ctx);
    const inUse = be.stats().buffersInUse;
    const t = await tuneMatmulBlocks(be, shape);
    expect([1, 2]).toContain(t.blocks);
    expect(t.blocks).toBe(chooseBlocks(t.ms));
    expect(t.shape).toEqual(shape);
    expect(t.ms[1]).toBeGreaterThan(0);
    expect(t.ms[2]).toBeGreaterThan(0);
    expect(t.timer).toBe(h.gpu.ctx.info.hasTimestamps ? 'gpu' : 'wall');
    expect(be.matmulBlocks()).toBe(t.blocks);
    await be.sync();
    expect(be.stats().buffersInUse).toBe(inUse);
    // the form it picked is the one that runs
    const { records } = be.recordDispatches(() => be.matmul(be.tensor([32, 8]), be.tensor([8, 32])));
    expect((await records).map((r) => r.kernel)).toEqual([t.blocks === 2 ? 'matmul.direct4[8×8]' : 'matmul.direct4']);
    expectNoDeviceErrors(h);
    be.destroy();
  });

  it('both forms give the same numbers', async () => {
    const rand = rng(5);
    const [x, w] = [randn(rand, 40 * 16), randn(rand, 16 * 36)];
    const outs: Float32Array[] = [];
    for (const blocks of [1, 2] as const) {
      const be = createWebGPUBackend(h.gpu.ctx, { matmulBlocks: blocks });
      outs.push(Float32Array.from(await be.read(be.matmul(be.tensor([40, 16], x), be.tensor([16, 36], w)))));
      be.destroy();
    }
    expect(outs[1]).toEqual(outs[0]);
  });

  it('a second backend on the device takes the first answer without measuring', async () => {
    const device = {}; // stands for the GpuContext the app keys on
    const first = createWebGPUBackend(h.gpu.ctx);
    const t1 = await tuneMatmulBlocksOnce(device, first, shape);
    const second = createWebGPUBackend(h.gpu.ctx);
    second.setMatmulBlocks(t1.blocks === 1 ? 2 : 1);
    const t2 = await tuneMatmulBlocksOnce(device, second, shape);
    expect(t2).toBe(t1);
    expect(second.stats().dispatches).toBe(0);
    expect(second.matmulBlocks()).toBe(t1.blocks);
    first.destroy();
    second.destroy();
  });
});
