// elementwise.wgsl's wrapper: add, mul, scale, fill, colSum, sumSquares, splitHeads,
// mergeHeads, concatTime and dropoutMask.
import { EngineError, sizeOf, type OutOptions, type Shape, type Tensor } from '../../backend';
import {
  checkBinary,
  checkColSum,
  checkConcatTime,
  checkDropoutMask,
  checkMergeHeads,
  checkScale,
  checkSplitHeads,
  grid,
  outLabel,
} from '../checks';
import type { GpuExecutor } from '../context';
import type { Access } from '../pipelines';
import type { GpuTensor } from '../tensor';
import { defineParams } from '../params';
import type { UniformWords } from '../uniforms';

// acc: 1 adds onto out instead of overwriting it.
const BINARY = defineParams('elementwise', 'BinaryParams', ['n', 'acc', 'alpha']);
const SCALE = defineParams('elementwise', 'ScaleParams', ['n', 'acc', 's']);
const FILL = defineParams('elementwise', 'FillParams', ['n', 'bits']);
const COL_SUM = defineParams('elementwise', 'ColSumParams', ['rows', 'cols', 'acc']);
const SUM_SQ = defineParams('elementwise', 'SumSqParams', ['n', 'acc']);
const HEADS = defineParams('elementwise', 'HeadsParams', ['n', 't', 'h', 'dh', 'acc']);
const CONCAT = defineParams('elementwise', 'ConcatParams', ['n', 'row_a', 'row_b']);
const DROPOUT = defineParams('elementwise', 'DropoutParams', ['n', 'seed', 'keep_from', 'keep_scale']);

/** One invocation per element of `n`. */
function perElement(
  e: GpuExecutor,
  entry: string,
  kernel: string,
  n: number,
  bindings: readonly Access[],
  tensors: ReadonlyArray<GpuTensor | null>,
  uniforms: UniformWords,
  label: string,
  constants?: Record<string, number>,
): void {
  if (n === 0) return;
  e.run({ family: 'elementwise', entry, kernel, label, bindings, tensors, uniforms, constants, workgroups: grid(Math.ceil(n / 256)) });
}

function binary(e: GpuExecutor, op: 'add' | 'mul', a: Tensor, b: Tensor, opts: OutOptions & { alpha?: number }): Tensor {
  const A = e.need(op, 'a', a);
  const B = e.need(op, 'b', b);
  const alpha = opts.alpha ?? 1;
  checkBinary(op, A, B, alpha);
  const t = e.target(op, A.shape, outLabel(op, A), opts, [A, B]);
  const u = BINARY.pack({ n: A.size, acc: t.accumulate ? 1 : 0, alpha });
  perElement(e, 'binary', op, A.size, ['r', 'r', 'w'], [A, B, t.t], u, t.t.label, { OP: op === 'add' ? 0 : 1 });
  return t.finish();
}

export function add(e: GpuExecutor, a: Tensor, b: Tensor, opts: OutOptions & { alpha?: number } = {}): Tensor {
  return binary(e, 'add', a, b, opts);
}

export function mul(e: GpuExecutor, a: Tensor, b: Tensor, opts: OutOptions = {}): Tensor {
  return binary(e, 'mul', a, b, { ...opts, alpha: 1 });
}

export function scale(e: GpuExecutor, a: Tensor, s: number, opts: OutOptions = {}): Tensor {
  const op = 'scale';
  const A = e.need(op, 'a', a);
  checkScale(op, s);
  const t = e.target(op, A.shape, outLabel(op, A), opts, [A]);
  perElement(e, 'scale', op, A.size, ['r', 'w'], [A, t.t], SCALE.pack({ n: A.size, acc: t.accumulate ? 1 : 0, s }), t.t.label);
  return t.finish();
}

export function fill(e: GpuExecutor, t: Tensor, value: number): void {
  const T = e.need('fill', 't', t, 'any');
  const bits = T.dtype === 'i32' ? new Uint32Array(new Int32Array([value]).buffer)[0] : new Uint32Array(new Float32Array([value]).buffer)[0];
  perElement(e, 'fill', 'fill', T.size, ['w'], [T], FILL.pack({ n: T.size, bits }), T.label);
}

export function colSum(e: GpuExecutor, x: Tensor, opts: OutOptions = {}): Tensor {
  const op = 'colSum';
  const X = e.need(op, 'x', x);
  const { rows, cols } = checkColSum(op, X);
  const t = e.target(op, [cols], outLabel(op, X), opts, [X]);
  perElement(e, 'col_sum', op, cols, ['r', 'w'], [X, t.t], COL_SUM.pack({ rows, cols, acc: t.accumulate ? 1 : 0 }), t.t.label);
  return t.finish();
}

export function sumSquares(e: GpuExecutor, x: Tensor, opts: OutOptions = {}): Tensor {
  const op = 'sumSquares';
  const X = e.need(op, 'x', x);
  const t = e.target(op, [1], outLabel(op, X), opts, [X]);
  e.run({
    family: 'elementwise',
    entry: 'sum_squares',
    kernel: op,
    label: t.t.label,
    bindings: ['r', 'w'],
    uniforms: SUM_SQ.pack({ n: X.size, acc: t.accumulate ? 1 : 0 }),
    tensors: [X, t.t],
    workgroups: [1],
  });
  return t.finish();
}

/** (B·T, H·Dh) → (B·H, T, Dh). */
export function splitHeads(e: GpuExecutor, x: Tensor, batch: number, heads: number): Tensor {
  const op = 'splitHeads';
  const X = e.need(op, 'x', x);
  const { t, dh } = checkSplitHeads(op, X, batch, heads);
  const y = e.alloc([batch * heads, t, dh], 'f32', outLabel(op, X));
  perElement(e, 'split_heads', op, y.size, ['r', 'w'], [X, y], HEADS.pack({ n: y.size, t, h: heads, dh, acc: 0 }), y.label);
  return y;
}

/** (B·H, T, Dh) → (B·T, H·Dh). */
export function mergeHeads(e: GpuExecutor, x: Tensor, batch: number, heads: number, opts: OutOptions = {}): Tensor {
  const op = 'mergeHeads';
  const X = e.need(op, 'x', x);
  const { t, dh } = checkMergeHeads(op, X, batch, heads);
  const out = e.target(op, [batch * t, heads * dh], outLabel(op, X), opts, [X]);
  const u = HEADS.pack({ n: X.size, t, h: heads, dh, acc: out.accumulate ? 1 : 0 });
  perElement(e, 'merge_heads', op, X.size, ['r', 'w'], [X, out.t], u, out.t.label);
  return out.finish();
}

/** (B, Ta, D) ++ (B, Tb, D) → (B, Ta+Tb, D); 2-D inputs are read as (B·Ta, D). Any dtype. */
export function concatTime(e: GpuExecutor, a: Tensor, b: Tensor, batch: number, label?: string): Tensor {
  const op = 'concatTime';
  const A = e.need(op, 'a', a, 'any');
  const B = e.need(op, 'b', b, 'any');
  const { ta, tb, d, shape } = checkConcatTime(op, A, B, batch);
  const out = e.alloc(shape, A.dtype, label ?? `${A.label}++${B.label}`);
  const u = CONCAT.pack({ n: out.size, row_a: ta * d, row_b: tb * d });
  perElement(e, 'concat_time', op, out.size, ['r', 'r', 'w'], [A, B, out], u, out.label);
  return out;
}

/** Inverted-dropout mask; the keep test is exact integer arithmetic (see elementwise.wgsl). */
export function dropoutMask(e: GpuExecutor, shape: Shape, p: number, seed: number): Tensor {
  const op = 'dropoutMask';
  if (e.destroyed) throw new EngineError(op, 'the WebGPU backend was destroyed');
  checkDropoutMask(op, shape, p, seed);
  const keepFrom = Math.ceil(p * 2 ** 24); // smallest k with k / 2^24 ≥ p (exact in f64)
  const y = e.alloc(shape, 'f32', `dropoutMask.${seed >>> 0}`);
  const n = sizeOf(shape);
  perElement(e, 'dropout_mask', op, n, ['w'], [y], DROPOUT.pack({ n, seed: seed >>> 0, keep_from: keepFrom, keep_scale: 1 / (1 - p) }), y.label);
  return y;
}
