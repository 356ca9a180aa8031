// The training path (trainStep: forward, backward, clipping, AdamW) on both engines: a step
// whose gradients are not finite changes nothing — weights, moments, and Adam's step count,
// so the bias correction of the next applied step is as if the bad step never happened.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../engine/backend';
import { createCpuBackend } from '../engine/cpu';
import { openHarness } from '../engine/webgpu/testing/harness';
import { tinyBatch, tinyModel } from '../model/testing/tiny';
import type { Transformer } from '../model/transformer';
import { readHostState } from './guard';
import { DEFAULT_OPTIMIZER, trainStep } from './step';

const PAD = 0;
const opt = { ...DEFAULT_OPTIMIZER, lr: 3e-3 };
const batches = [tinyBatch(3, 5, 4, 11), tinyBatch(3, 5, 4, 12)];

/** A step whose loss and gradients are NaN: out.bias poisoned for it, then put back. */
async function poisonedStep(model: Transformer): Promise<number> {
  const bias = model.arena.param('out.bias');
  const saved = Float32Array.from(await model.be.read(bias));
  model.be.write(bias, new Float32Array(saved.length).fill(NaN));
  const t = trainStep(model, batches[0], opt, PAD, 99);
  const gss = (await t.gradSumSquares!.data)[0];
  model.be.write(bias, saved);
  return gss;
}

async function checkSkippedStep(be: Backend): Promise<void> {
  const withSkip = tinyModel(be, {}, 4);
  const plain = tinyModel(be, {}, 4);
  trainStep(withSkip, batches[0], opt, PAD, 1);
  const before = await readHostState(withSkip, 1);
  expect(Number.isFinite(await poisonedStep(withSkip))).toBe(false);
  const after = await readHostState(withSkip, 2);
  expect(after.params).toEqual(before.params);
  expect(after.m).toEqual(before.m);
  expect(after.v).toEqual(before.v);
  expect(after.adamStep).toBe(1);
  trainStep(withSkip, batches[1], opt, PAD, 3);
  trainStep(plain, batches[0], opt, PAD, 1);
  trainStep(plain, batches[1], opt, PAD, 3);
  const [a, b] = [await readHostState(withSkip, 3), await readHostState(plain, 2)];
  expect(a.adamStep).toBe(2);
  expect(b.adamStep).toBe(2);
  // Same engine, same arithmetic: identical to the run that never saw the bad step.
  expect(a.params).toEqual(b.params);
  expect(a.m).toEqual(b.m);
  expect(a.v).toEqual(b.v);
}

describe('a training step skipped for non-finite gradients (CPU)', () => {
  it('leaves weights, moments and Adam’s step count as they were', () => checkSkippedStep(createCpuBackend()));
});

const harness = await openHarness('training step skip on WebGPU');
describe.skipIf(!harness.ok)(harness.title, () => {
  const h = harness.h!;
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });
  it('leaves weights, moments and Adam’s step count as they were (the count advances on the device)', async () => {
    await checkSkippedStep(h.be);
    expect(h.gpu.takeErrors()).toEqual([]);
  });
});
