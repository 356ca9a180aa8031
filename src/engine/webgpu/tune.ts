// How many outputs each matmul_direct4 invocation computes, measured on this device.
//
// 4 × 4 per invocation keeps many invocations in flight: what a discrete GPU, with thousands of
// lanes, wants from the lab's small products. 8 × 8 reads each loaded block twice as often (half
// the loads per multiply-add) with a quarter of the invocations: what pays where lanes are few
// and loads dear (integrated GPUs, software adapters that run a workgroup on one CPU core). No
// adapter property says which one this device is, so we time both on the products a training
// step is made of — the forward product and the weight gradient of the feed-forward layer —
// and keep the faster. Both give the same numbers (each output sums over k in the same order).
import type { Tensor } from '../backend';
import type { WebGpuBackend } from './backend';

export type MatmulBlocks = 1 | 2;

/** The products to time: x (rows, inner)·w (inner, outer), and xᵀ·dy for w's gradient. */
export interface TuneShape {
  rows: number;
  inner: number;
  outer: number;
}

export interface MatmulTuning {
  /** The products timed. */
  shape: TuneShape;
  /** The chosen blocks per side (1: 4 × 4 outputs per invocation, 2: 8 × 8). */
  blocks: MatmulBlocks;
  /** Median time (ms) of both products with each choice. */
  ms: Record<MatmulBlocks, number>;
  /** GPU timestamps, or wall-clock time to the queue's completion where they are missing. */
  timer: 'gpu' | 'wall';
}

/** 8 × 8 must be this much faster to be chosen: a tie keeps the many-invocation form. */
export const MIN_GAIN = 0.1;
const ROUNDS = 3;

/**
 * Below this (ms, both products) the measurement cannot tell the forms apart: browsers may
 * round GPU timestamps to 0.1 ms, and products this fast hardly weigh in a step. 4 × 4 stays.
 */
export const MIN_MEASURABLE_MS = 0.5;

/** The choice from the measured medians (separate so tests can state the rule). */
export function chooseBlocks(ms: Record<MatmulBlocks, number>): MatmulBlocks {
  if (ms[1] < MIN_MEASURABLE_MS || ms[2] <= 0) return 1;
  return ms[2] < ms[1] * (1 - MIN_GAIN) ? 2 : 1;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times both block sizes on `be` (alternating, ROUNDS each, after a compiling run), sets the
 * faster as `be`'s matmul_direct4 blocks and says what it measured. Leaves no tensors behind.
 */
export async function tuneMatmulBlocks(be: WebGpuBackend, shape: TuneShape): Promise<MatmulTuning> {
  const { rows, inner, outer } = shape;
  const fill = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + seed) * 0.5);
  const x = be.tensor([rows, inner], fill(rows * inner, 1), 'f32', 'tune.x');
  const w = be.tensor([inner, outer], fill(inner * outer, 2), 'f32', 'tune.w');
  const dy = be.tensor([rows, outer], fill(rows * outer, 3), 'f32', 'tune.dy');
  const timer = be.info.hasTimestamps ? 'gpu' : 'wall';
  const products = (): Tensor[] => [be.matmul(x, w), be.matmul(x, dy, { transA: true })];
  const time = async (blocks: MatmulBlocks): Promise<number> => {
    be.setMatmulBlocks(blocks);
    const t0 = performance.now();
    const { result, records } = be.recordDispatches(products, { profile: timer === 'gpu' });
    const recs = await records;
    await be.sync();
    const ms = timer === 'gpu' ? recs.reduce((s, r) => s + (r.gpuMs ?? 0), 0) : performance.now() - t0;
    for (const t of result) be.dispose(t);
    return ms;
  };
  const before = be.matmulBlocks();
  const times: Record<MatmulBlocks, number[]> = { 1: [], 2: [] };
  try {
    await time(1); // compile both pipelines outside the timed runs
    await time(2);
    for (let r = 0; r < ROUNDS; r++) {
      for (const b of r % 2 ? ([2, 1] as const) : ([1, 2] as const)) times[b].push(await time(b));
    }
  } catch (e) {
    be.setMatmulBlocks(before);
    throw e;
  } finally {
    for (const t of [x, w, dy]) be.dispose(t);
  }
  const ms = { 1: median(times[1]), 2: median(times[2]) };
  const blocks = chooseBlocks(ms);
  be.setMatmulBlocks(blocks);
  return { shape: { rows, inner, outer }, blocks, ms, timer };
}

/** Tunings by device (its GpuContext) and shape; a failed one is forgotten, so it is tried again. */
const tuned = new WeakMap<object, Map<string, Promise<MatmulTuning>>>();

/**
 * tuneMatmulBlocks once per device and shape: a later backend on the same device (the next run,
 * an engine calibration) takes the answer without measuring again.
 */
export async function tuneMatmulBlocksOnce(device: object, be: WebGpuBackend, shape: TuneShape): Promise<MatmulTuning> {
  const key = `${shape.rows}×${shape.inner}×${shape.outer}`;
  let byShape = tuned.get(device);
  if (!byShape) tuned.set(device, (byShape = new Map()));
  let tuning = byShape.get(key);
  if (!tuning) {
    tuning = tuneMatmulBlocks(be, shape);
    byShape.set(key, tuning);
    tuning.catch(() => byShape.delete(key));
    return tuning;
  }
  const known = await tuning;
  be.setMatmulBlocks(known.blocks);
  return known;
}
