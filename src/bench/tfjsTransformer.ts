// The same encoder-decoder Transformer written with TensorFlow.js ops — the peer for
// `npm run bench:train`. It mirrors src/model: post-norm, ReLU, sinusoidal positions,
// embeddings × √D, scores / √Dh, causal + padding masks, label-smoothed cross-entropy,
// Adam with the same hyper-parameters and global-norm clipping. Bench only. TensorFlow.js comes
// in as a parameter (the browser and Node load it differently).
// The embedding is a gather (its gradient is UnsortedSegmentSum) on the backends that have that
// kernel, and a one-hot matmul on WebAssembly, which lacks it: same numbers, another route.
import type * as tfjs from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../model/config';
import { sinusoidalTable } from '../model/positional';

export interface TfBatch {
  B: number;
  S: number;
  T: number;
  srcIds: Int32Array;
  srcMask: Float32Array;
  tgtIn: Int32Array;
  tgtOut: Int32Array;
  tgtMask: Float32Array;
  nTokens: number;
}

type Params = Record<string, tfjs.Variable>;


export class TfTransformer {
  readonly params: Params = {};
  private readonly pe: tfjs.Tensor2D;
  private readonly optimizer: tfjs.AdamOptimizer;
  /** Embedding lookups as one-hot matmuls (backends without UnsortedSegmentSum). */
  private readonly oneHotEmbedding: boolean;

  constructor(
    private readonly tf: typeof tfjs,
    readonly cfg: ModelConfig,
    readonly vSrc: number,
    readonly vTgt: number,
    lr = 1e-3,
  ) {
    const D = cfg.dModel;
    const F = cfg.dFF;
    const p = this.params;
    this.oneHotEmbedding = tf.getBackend() === 'wasm';
    const glorot = (shape: [number, number], name: string) => {
      const a = Math.sqrt(6 / (shape[0] + shape[1]));
      return tf.variable(tf.randomUniform(shape, -a, a), true, name);
    };
    p['src_embed'] = tf.variable(tf.randomNormal([vSrc, D], 0, 1 / Math.sqrt(D)), true, 'src_embed');
    p['tgt_embed'] = tf.variable(tf.randomNormal([vTgt, D], 0, 1 / Math.sqrt(D)), true, 'tgt_embed');
    const linear = (n: string, i: number, o: number) => {
      p[`${n}.w`] = glorot([i, o], `${n}.w`);
      p[`${n}.b`] = tf.variable(tf.zeros([o]), true, `${n}.b`);
    };
    const attn = (n: string) => ['wq', 'wk', 'wv', 'wo'].forEach((w) => linear(`${n}.${w}`, D, D));
    const ln = (n: string) => {
      p[`${n}.g`] = tf.variable(tf.ones([D]), true, `${n}.g`);
      p[`${n}.b`] = tf.variable(tf.zeros([D]), true, `${n}.b`);
    };
    for (let l = 0; l < cfg.nEncoderLayers; l++) {
      attn(`enc${l}.attn`);
      ln(`enc${l}.ln1`);
      linear(`enc${l}.w1`, D, F);
      linear(`enc${l}.w2`, F, D);
      ln(`enc${l}.ln2`);
    }
    for (let l = 0; l < cfg.nDecoderLayers; l++) {
      attn(`dec${l}.self`);
      ln(`dec${l}.ln1`);
      attn(`dec${l}.cross`);
      ln(`dec${l}.ln2`);
      linear(`dec${l}.w1`, D, F);
      linear(`dec${l}.w2`, F, D);
      ln(`dec${l}.ln3`);
    }
    linear('out', D, vTgt);
    this.pe = tf.tensor2d(sinusoidalTable(cfg.maxLen, D), [cfg.maxLen, D]);
    this.optimizer = tf.train.adam(lr, 0.9, 0.98, 1e-9);
  }

  private dense(x: tfjs.Tensor2D, n: string): tfjs.Tensor2D {
    const tf = this.tf;
    return tf.add(tf.matMul(x, this.params[`${n}.w`] as tfjs.Tensor2D), this.params[`${n}.b`]) as tfjs.Tensor2D;
  }

  private layerNorm(x: tfjs.Tensor2D, n: string): tfjs.Tensor2D {
    const tf = this.tf;
    const { mean, variance } = tf.moments(x, -1, true);
    const y = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, this.cfg.lnEps)));
    return tf.add(tf.mul(y, this.params[`${n}.g`]), this.params[`${n}.b`]) as tfjs.Tensor2D;
  }

  /** x (B·Tq, D), m (B·Tk, D); bias (B, 1, Tq|1, Tk) additive mask. */
  private attention(x: tfjs.Tensor2D, m: tfjs.Tensor2D, B: number, tq: number, tk: number, bias: tfjs.Tensor, n: string): tfjs.Tensor2D {
    const tf = this.tf;
    const H = this.cfg.nHeads;
    const dh = this.cfg.dModel / H;
    const split = (t: tfjs.Tensor2D, len: number) => tf.transpose(tf.reshape(t, [B, len, H, dh]), [0, 2, 1, 3]); // (B, H, L, Dh)
    const q = split(this.dense(x, `${n}.wq`), tq);
    const k = split(this.dense(m, `${n}.wk`), tk);
    const v = split(this.dense(m, `${n}.wv`), tk);
    const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), bias); // (B, H, Tq, Tk)
    const w = tf.softmax(scores);
    const ctx = tf.reshape(tf.transpose(tf.matMul(w, v), [0, 2, 1, 3]), [B * tq, this.cfg.dModel]) as tfjs.Tensor2D;
    return this.dense(ctx, `${n}.wo`);
  }

  private embed(ids: tfjs.Tensor1D, table: string, B: number, L: number): tfjs.Tensor2D {
    const tf = this.tf;
    const w = this.params[table] as tfjs.Tensor2D;
    const rows = this.oneHotEmbedding ? tf.matMul(tf.cast(tf.oneHot(ids, w.shape[0]), 'float32'), w) : tf.gather(w, ids);
    const e = tf.mul(rows, Math.sqrt(this.cfg.dModel));
    const pos = tf.tile(tf.slice(this.pe, [0, 0], [L, this.cfg.dModel]), [B, 1]);
    return tf.add(e, pos) as tfjs.Tensor2D;
  }

  /** Mean label-smoothed cross-entropy over the batch's real target tokens. */
  loss(b: TfBatch, smoothing = 0.1): tfjs.Scalar {
    const tf = this.tf;
    const { B, S, T } = b;
    const src = tf.tensor1d(b.srcIds, 'int32');
    const tgt = tf.tensor1d(b.tgtIn, 'int32');
    const NEG = -1e9;
    const srcBias = tf.reshape(tf.mul(tf.sub(1, tf.tensor1d(b.srcMask)), NEG), [B, 1, 1, S]);
    const causal = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), NEG);
    const tgtBias = tf.add(tf.reshape(tf.mul(tf.sub(1, tf.tensor1d(b.tgtMask)), NEG), [B, 1, 1, T]), tf.reshape(causal, [1, 1, T, T]));
    let x = this.embed(src, 'src_embed', B, S);
    for (let l = 0; l < this.cfg.nEncoderLayers; l++) {
      x = this.layerNorm(tf.add(x, this.attention(x, x, B, S, S, srcBias, `enc${l}.attn`)), `enc${l}.ln1`);
      const h = tf.relu(this.dense(x, `enc${l}.w1`));
      x = this.layerNorm(tf.add(x, this.dense(h, `enc${l}.w2`)), `enc${l}.ln2`);
    }
    let y = this.embed(tgt, 'tgt_embed', B, T);
    for (let l = 0; l < this.cfg.nDecoderLayers; l++) {
      y = this.layerNorm(tf.add(y, this.attention(y, y, B, T, T, tgtBias, `dec${l}.self`)), `dec${l}.ln1`);
      y = this.layerNorm(tf.add(y, this.attention(y, x, B, T, S, srcBias, `dec${l}.cross`)), `dec${l}.ln2`);
      const h = tf.relu(this.dense(y, `dec${l}.w1`));
      y = this.layerNorm(tf.add(y, this.dense(h, `dec${l}.w2`)), `dec${l}.ln3`);
    }
    const logits = this.dense(y, 'out');
    const target = tf.add(tf.mul(tf.oneHot(tf.tensor1d(b.tgtOut, 'int32'), this.vTgt), 1 - smoothing), smoothing / this.vTgt);
    const perToken = tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)), -1));
    return tf.div(tf.sum(tf.mul(perToken, tf.tensor1d(b.tgtMask))), b.nTokens) as tfjs.Scalar;
  }

  /** One Adam step with global-norm clipping at 1; returns the loss tensor (not awaited). */
  step(b: TfBatch): tfjs.Scalar {
    const tf = this.tf;
    return tf.tidy(() => {
      const vars = Object.values(this.params);
      const { value, grads } = tf.variableGrads(() => this.loss(b), vars);
      // Summed pairwise, not with addN: TF.js fuses addN into one shader with a storage
      // buffer per input, which exceeds the 8-buffer limit of many adapters.
      const squares = Object.values(grads).map((g) => tf.sum(tf.square(g)));
      const norm = tf.sqrt(squares.reduce((a, b) => tf.add(a, b)));
      const scale = tf.minimum(1, tf.div(1, norm));
      const clipped = Object.entries(grads).map(([name, g]) => ({ name, tensor: tf.mul(g, scale) }));
      this.optimizer.applyGradients(clipped);
      return tf.keep(value);
    });
  }

  dispose(): void {
    this.tf.dispose([...Object.values(this.params), this.pe]);
    this.optimizer.dispose();
  }
}
