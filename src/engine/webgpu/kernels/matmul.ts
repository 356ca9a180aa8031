// matmul.wgsl's wrapper: checks shapes, picks a tile configuration, encodes one dispatch.
import { EngineError, shapeStr, type MatmulOptions, type Tensor } from '../../backend';
import { needFinite, needRank, outLabel } from '../checks';
import type { Engine } from '../context';

/** Tile configurations: invocations per workgroup (x along N, y along M), each owning 4 × 4. */
const TILES = {
  // 16 × 16 tiles for small matrices (attention scores and weights, T ≈ 16).
  small: { WG_X: 4, WG_Y: 4, TILE_K: 16 },
  // 32 × 32 tiles otherwise: enough workgroups for (512, 64)-sized products, few barriers.
  medium: { WG_X: 8, WG_Y: 8, TILE_K: 32 },
} as const;

export function matmul(e: Engine, a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
  const op = 'matmul';
  const A = e.need(op, 'a', a);
  const B = e.need(op, 'b', b);
  needRank(op, 'a', A, [2, 3]);
  needRank(op, 'b', B, [2, 3]);
  const transA = !!opts.transA;
  const transB = !!opts.transB;
  const [batchA, ra, ca] = A.shape.length === 3 ? A.shape : [1, ...A.shape];
  const [batchB, rb, cb] = B.shape.length === 3 ? B.shape : [1, ...B.shape];
  const [m, k] = transA ? [ca, ra] : [ra, ca];
  const [kb, n] = transB ? [cb, rb] : [rb, cb];
  const flags = `${transA ? ' transA' : ''}${transB ? ' transB' : ''}`;
  const shapes = `a ${shapeStr(A.shape)} b ${shapeStr(B.shape)}${flags}`;
  if (k !== kb) throw new EngineError(op, `inner dims differ, ${shapes}`);
  const batched = A.shape.length === 3 || B.shape.length === 3;
  if (A.shape.length === 3 && B.shape.length === 3 && batchA !== batchB) {
    throw new EngineError(op, `batch counts differ, ${shapes}`);
  }
  const batch = Math.max(batchA, batchB);
  const alpha = opts.alpha ?? 1;
  needFinite(op, 'alpha', alpha);
  const bias = opts.bias ? e.need(op, 'bias', opts.bias) : null;
  if (bias && bias.size !== n) {
    throw new EngineError(op, `bias ${shapeStr(bias.shape)} does not match N = ${n}, ${shapes}`);
  }
  const shape = batched ? [batch, m, n] : [m, n];
  const inputs = bias ? [A, B, bias] : [A, B];
  const target = e.target(op, shape, outLabel(op, A), opts, inputs);
  if (target.t.size === 0) return target.finish();

  const tile = m <= 16 && n <= 16 ? TILES.small : TILES.medium;
  const tileM = 4 * tile.WG_Y;
  const tileN = 4 * tile.WG_X;
  e.run({
    family: 'matmul',
    entry: 'matmul',
    kernel: 'matmul',
    label: target.t.label,
    bindings: ['r', 'r', 'r', 'w'],
    constants: { ...tile, TRANS_A: transA ? 1 : 0, TRANS_B: transB ? 1 : 0 },
    uniforms: {
      u: [
        m,
        n,
        k,
        A.shape.length === 3 ? m * k : 0,
        B.shape.length === 3 ? k * n : 0,
        (bias ? 1 : 0) | (target.accumulate ? 2 : 0),
      ],
      f: [alpha],
    },
    tensors: [A, B, bias, target.t],
    workgroups: [Math.ceil(n / tileN), Math.ceil(m / tileM), batch],
  });
  return target.finish();
}
