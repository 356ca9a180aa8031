// The kernel shapes the model really runs (D = 64, F = 256, H = 4, Dh = 16, B·T ≈ 512,
// T ≈ 16, B·H = 128) — plus one projection of a D = 256 configuration, large enough for the
// tiled matmul kernel — each written once against our Backend (WebGPU and CPU) and once with
// TensorFlow.js ops, the peer; the fused kernels (attention, add + LayerNorm) against the ops
// TF.js needs for the same arithmetic. TINY_CASES: the same kernels at toy shapes (the bench page's
// test-only ?size=tiny, and quick checks).
import type * as tfjs from '@tensorflow/tfjs-core';
import type { Backend, Tensor } from '../engine/backend';

export interface KernelCase {
  kernel: string;
  shape: string;
  inputs: number[][];
  /** One invocation on our backend; results are disposed by the caller's scope. */
  ours(be: Backend, x: Tensor[]): Tensor;
  /** The same with TensorFlow.js (called inside tf.tidy). */
  tf(tf: typeof tfjs, x: tfjs.Tensor[]): tfjs.Tensor;
}

const EPS = 1e-5;

function matmulCase(m: number, k: number, n: number): KernelCase {
  return {
    kernel: 'matmul',
    shape: `(${m}×${k})·(${k}×${n})`,
    inputs: [
      [m, k],
      [k, n],
    ],
    ours: (be, [a, b]) => be.matmul(a, b),
    tf: (tf, [a, b]) => tf.matMul(a as tfjs.Tensor2D, b as tfjs.Tensor2D),
  };
}

function softmaxCase(shape: number[]): KernelCase {
  return { kernel: 'softmax', shape: `(${shape.join(', ')})`, inputs: [shape], ours: (be, [s]) => be.softmax(s), tf: (tf, [s]) => tf.softmax(s) };
}

function layerNormCase(n: number, d: number): KernelCase {
  return {
    kernel: 'layernorm',
    shape: `(${n}, ${d})`,
    inputs: [[n, d], [d], [d]],
    ours: (be, [x, g, b]) => be.layerNorm(x, g, b, EPS).y,
    // TensorFlow.js has no fused LayerNorm: moments, then normalize, scale and shift.
    tf: (tf, [x, g, b]) => {
      const { mean, variance } = tf.moments(x, -1, true);
      return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, EPS))), g), b);
    },
  };
}

/**
 * The fused attention kernel (one dispatch: scores, scale, causal mask, softmax, P·V) against
 * the same arithmetic as separate TensorFlow.js ops (TF.js has no fused attention).
 */
function attentionCase(bh: number, t: number, dh: number): KernelCase {
  const scale = 1 / Math.sqrt(dh);
  return {
    kernel: 'attention, fused (Q·Kᵀ, scale, causal mask, softmax, P·V)',
    shape: `(${bh}, ${t}, ${dh})`,
    inputs: [
      [bh, t, dh],
      [bh, t, dh],
      [bh, t, dh],
    ],
    ours: (be, [q, k, v]) => be.attention(q, k, v, { scale, causal: true }).out,
    tf: (tf, [q, k, v]) => {
      const scores = tf.mul(tf.matMul(q as tfjs.Tensor3D, k as tfjs.Tensor3D, false, true), scale);
      const future = tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)); // 1 above the diagonal
      const weights = tf.softmax(tf.add(scores, tf.mul(future, -1e9)));
      return tf.matMul(weights as tfjs.Tensor3D, v as tfjs.Tensor3D);
    },
  };
}

/** Residual add + LayerNorm in one kernel, against TF.js's add then the LayerNorm ops. */
function addLayerNormCase(n: number, d: number): KernelCase {
  const norm = layerNormCase(n, d);
  return {
    kernel: 'add + layernorm, fused',
    shape: `(${n}, ${d})`,
    inputs: [[n, d], [n, d], [d], [d]],
    ours: (be, [x, r, g, b]) => be.addLayerNorm(x, r, g, b, EPS).y,
    tf: (tf, [x, r, g, b]) => norm.tf(tf, [tf.add(x, r), g, b]),
  };
}

export const TINY_CASES: KernelCase[] = [matmulCase(24, 16, 20), softmaxCase([4, 6, 6]), layerNormCase(24, 16), attentionCase(4, 6, 8)];

export const CASES: KernelCase[] = [
  matmulCase(512, 64, 192), // fused Q, K, V projection
  matmulCase(512, 64, 256), // FFN up
  matmulCase(512, 256, 64), // FFN down
  { ...matmulCase(512, 256, 256), kernel: 'matmul (D = 256 config: tiled kernel)' }, // above 2^24 MACs
  {
    kernel: 'matmul transA (weight grad)',
    shape: '(512×64)ᵀ·(512×256)',
    inputs: [
      [512, 64],
      [512, 256],
    ],
    ours: (be, [x, dy]) => be.matmul(x, dy, { transA: true }),
    tf: (tf, [x, dy]) => tf.matMul(x as tfjs.Tensor2D, dy as tfjs.Tensor2D, true, false),
  },
  {
    kernel: 'batched matmul Q·Kᵀ (scores)',
    shape: '(128, 16, 16)·(128, 16, 16)ᵀ',
    inputs: [
      [128, 16, 16],
      [128, 16, 16],
    ],
    ours: (be, [q, k]) => be.matmul(q, k, { transB: true }),
    tf: (tf, [q, k]) => tf.matMul(q as tfjs.Tensor3D, k as tfjs.Tensor3D, false, true),
  },
  {
    kernel: 'batched matmul P·V (weights)',
    shape: '(128, 16, 16)·(128, 16, 16)',
    inputs: [
      [128, 16, 16],
      [128, 16, 16],
    ],
    ours: (be, [p, v]) => be.matmul(p, v),
    tf: (tf, [p, v]) => tf.matMul(p as tfjs.Tensor3D, v as tfjs.Tensor3D),
  },
  softmaxCase([128, 16, 16]),
  layerNormCase(512, 64),
  attentionCase(128, 16, 16),
  addLayerNormCase(512, 64),
];
