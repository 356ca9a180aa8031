// matmul.wgsl's wrapper: checks shapes, picks a tile configuration, encodes one dispatch.
import type { MatmulOptions, Tensor } from '../../backend';
import { checkMatmul, outLabel } from '../checks';
import type { GpuExecutor } from '../context';
import { defineParams } from '../params';

/**
 * Both kernels use 8 × 8 invocations owning 4 × 4 outputs each (32 × 32 per workgroup).
 * 'auto' picks `matmul_direct` (no workgroup memory, no barriers) when staging cannot pay:
 * - short K (≤ DIRECT_MAX_K: attention products, projections from D): one or two slices,
 *   two barriers each, zero padding past K;
 * - small products (< DIRECT_MAX_MACS multiply-adds, every product of the shipped model):
 *   on any GPU they finish in about the time a dispatch takes, so barriers are pure cost.
 * Larger products go through the tiled kernel, where every staged value is reused by 8
 * invocations from workgroup memory.
 */
const WG = { WG_X: 8, WG_Y: 8 } as const;
const TILE_K = 32;
const TILE = 32; // outputs per workgroup along M and N
export const DIRECT_MAX_K = 64;
export const DIRECT_MAX_MACS = 2 ** 24;
/** batch_a/batch_b: elements per batch of A/B (0: shared 2-D); flags: bit 0 bias, bit 1 accumulate. */
const PARAMS = defineParams('matmul', 'Params', ['m', 'n', 'k', 'batch_a', 'batch_b', 'flags', 'alpha']);

/** Which matmul kernel to run: chosen by shape, or forced (tests, benchmarks). */
export type MatmulKernel = 'auto' | 'direct' | 'tiled';

export function matmul(e: GpuExecutor, a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
  const op = 'matmul';
  const A = e.need(op, 'a', a);
  const B = e.need(op, 'b', b);
  const bias = opts.bias ? e.need(op, 'bias', opts.bias) : null;
  const plan = checkMatmul(op, A, B, opts, bias);
  const { m, k, n, shape, transA, transB, alpha } = plan;
  const batch = Math.max(plan.batch, 1);
  const inputs = bias ? [A, B, bias] : [A, B];
  const target = e.target(op, shape, outLabel(op, A), opts, inputs);
  if (target.t.size === 0) return target.finish();

  const policy = e.options.matmul ?? 'auto';
  const direct = policy === 'auto' ? k <= DIRECT_MAX_K || m * n * k * batch < DIRECT_MAX_MACS : policy === 'direct';
  e.run({
    family: 'matmul',
    entry: direct ? 'matmul_direct' : 'matmul',
    kernel: direct ? 'matmul.direct' : 'matmul.tiled',
    label: target.t.label,
    bindings: ['r', 'r', 'r', 'w'],
    constants: { ...WG, TILE_K, TRANS_A: transA ? 1 : 0, TRANS_B: transB ? 1 : 0 },
    uniforms: PARAMS.pack({
      m,
      n,
      k,
      batch_a: plan.batchA ? m * k : 0,
      batch_b: plan.batchB ? k * n : 0,
      flags: (bias ? 1 : 0) | (target.accumulate ? 2 : 0),
      alpha,
    }),
    tensors: [A, B, bias, target.t],
    workgroups: [Math.ceil(n / TILE), Math.ceil(m / TILE), batch],
  });
  return target.finish();
}
