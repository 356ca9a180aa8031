// Inverted dropout masks from a counter-based hash, so every backend draws the same mask
// for the same (seed, index) with no random state to carry around.
import { pcgHash } from '../../random';
import type { Shape } from '../backend';
import { checkDropoutMask } from './checks';
import type { CpuContext } from './context';
import type { CpuTensor } from './tensor';

/**
 * The 32-bit PCG hash (`pcgHash` in src/random, the "PCG-RXS-M-XS" output permutation of one
 * LCG step), all arithmetic mod 2^32. WGSL twin: the same lines on u32.
 */
export const dropoutHash: (x: number) => number = pcgHash;

/** Uniform in [0, 1) for element i: 24 high bits of hash(i ^ hash(seed)). */
export function dropoutUniform(i: number, seedHash: number): number {
  return (dropoutHash((i ^ seedHash) >>> 0) >>> 8) / 16777216;
}

/** Each element 0 with probability p, else 1/(1 − p). */
export function dropoutMask(ctx: CpuContext, shape: Shape, p: number, seed: number): CpuTensor {
  const op = 'dropoutMask';
  checkDropoutMask(op, shape, p, seed);
  const out = ctx.alloc(shape, 'f32', 'dropoutMask');
  const m = out.f32;
  const keep = 1 / (1 - p);
  const seedHash = dropoutHash(seed >>> 0);
  // u is a multiple of 2^-24, exact in float64, and p stays float64: the test is the same as
  // the GPU's integer test (hash >>> 8) ≥ ceil(p·2^24).
  for (let i = 0; i < m.length; i++) m[i] = dropoutUniform(i, seedHash) >= p ? keep : 0;
  return out;
}
