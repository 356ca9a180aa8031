// Shared pieces of the WebGPU kernel tests: one device per test file (or the loud reason
// there is none), the CPU twin to compare with, seeded random data and a relative-error check.
import { expect } from 'vitest';
import type { Backend, DType, Shape, Tensor } from '../../backend';
import { createCpuBackend } from '../../cpu';
import { createWebGPUBackend, type WebGpuBackend } from '../index';
import { mulberry32 } from '../../../random';
import { createNodeGpu, type NodeGpu } from './nodeGpu';

export interface GpuHarness {
  gpu: NodeGpu;
  be: WebGpuBackend;
  cpu: Backend;
}

export type HarnessResult = { ok: true; h: GpuHarness; title: string } | { ok: false; h: null; title: string };

/**
 * Where a device must exist (CI, or ATTENTION_LAB_REQUIRE_GPU=1), a missing one is a failure,
 * not a skip: otherwise a broken driver setup would turn every GPU test into a silent pass.
 * ATTENTION_LAB_REQUIRE_GPU=0 lets a CI machine without a GPU skip on purpose.
 */
export function gpuRequired(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.ATTENTION_LAB_REQUIRE_GPU;
  if (flag === '0') return false;
  return flag === '1' || (!!env.CI && env.CI !== 'false' && env.CI !== '0');
}

/**
 * Open the file's device. Without one, print a banner and return a title saying "skipped";
 * where a device is required (see gpuRequired), throw instead so the test file fails.
 */
export async function openHarness(suite: string): Promise<HarnessResult> {
  const r = await createNodeGpu();
  if (!r.ok) {
    if (gpuRequired()) {
      throw new Error(`${suite}: no WebGPU adapter (${r.reason}), but one is required here (CI or ATTENTION_LAB_REQUIRE_GPU=1); set ATTENTION_LAB_REQUIRE_GPU=0 to skip on purpose`);
    }
    const line = '!'.repeat(78);
    console.warn(`\n${line}\n!! WebGPU kernel tests SKIPPED (${suite}): no adapter — ${r.reason}\n${line}\n`);
    return { ok: false, h: null, title: `${suite} [SKIPPED: no WebGPU adapter — ${r.reason}]` };
  }
  const h = { gpu: r.gpu, be: createWebGPUBackend(r.gpu.ctx), cpu: createCpuBackend() };
  return { ok: true, h, title: `${suite} on ${r.gpu.ctx.info.name}` };
}

/** mulberry32 (src/random): small, seeded, good enough for test data. */
export const rng: (seed: number) => () => number = mulberry32;

/** n values uniform in [-scale, scale). */
export function randn(rand: () => number, n: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (rand() * 2 - 1) * scale;
  return out;
}

export function count(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The same data as a tensor on both backends. */
export function both(h: GpuHarness, shape: Shape, data: ArrayLike<number>, dtype: DType = 'f32', label = 'x'): [Tensor, Tensor] {
  return [h.be.tensor(shape, data, dtype, label), h.cpu.tensor(shape, data, dtype, label)];
}

/** max|a − b| / max(1e-6, max|b|): the error relative to the tensor's scale. */
export function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    diff = Number.isNaN(d) ? Infinity : Math.max(diff, d);
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / Math.max(1e-6, scale);
}

/** Read the GPU tensor and the CPU tensor; same shape, dtype and values within tol. */
export async function expectMatch(h: { be: Backend; cpu: Backend }, g: Tensor, c: Tensor, what: string, tol = 1e-4): Promise<void> {
  expect(g.shape, `${what}: shape`).toEqual(c.shape);
  expect(g.dtype, `${what}: dtype`).toBe(c.dtype);
  const [a, b] = [await h.be.read(g), await h.cpu.read(c)];
  expect(a.length, `${what}: length`).toBe(b.length);
  const err = relError(a, b);
  expect(err, `${what}: relative error ${err.toExponential(2)}`).toBeLessThanOrEqual(tol);
}

/** No validation or out-of-memory error reached the device. */
export function expectNoDeviceErrors(h: GpuHarness): void {
  expect(h.gpu.takeErrors()).toEqual([]);
}
