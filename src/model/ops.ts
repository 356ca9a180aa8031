// Differentiable building blocks: each computes its forward on the backend and, when the
// context has a tape, registers its backward right beside it.
import type { Activation, SoftmaxOptions, Tensor } from '../engine/backend';
import type { ForwardContext } from './context';

/**
 * A named point of the graph: the walkthrough's trace records it here (and the gradient flowing
 * into it as 'grad:<name>', see TraceRecorder.recordGradients), and a finite-difference check
 * can nudge one element of it. Without a trace or a nudge it returns t itself and costs nothing.
 */
export function point(ctx: ForwardContext, name: string, t: Tensor): Tensor {
  let y = t;
  const n = ctx.nudge;
  if (n && n.name === name) {
    if (!Number.isInteger(n.index) || n.index < 0 || n.index >= t.size) {
      throw new Error(`nudge: index ${n.index} is outside '${name}' (${t.size} elements)`);
    }
    const d = new Float32Array(t.size);
    d[n.index] = n.delta;
    y = add(ctx, t, ctx.be.tensor(t.shape, d, 'f32', `nudge.${name}`));
  }
  ctx.trace?.put(name, y);
  return y;
}

/**
 * y = x·W + b with W stored (in, out). x (N, in) → (N, out); with `heads`, x is in head layout
 * (B·H, T, Dh) and read as its merged (B·T, H·Dh) rows (no mergeHeads copy). The backward is
 * two products: xᵀ·dy with the bias gradient as its column sums (one kernel), and dy·Wᵀ summed
 * straight into x's gradient.
 */
export function linear(ctx: ForwardContext, x: Tensor, prefix: string, heads?: { batch: number; heads: number }): Tensor {
  const { be, params, tape } = ctx;
  const w = params.param(`${prefix}.weight`); // (in, out)
  const b = params.param(`${prefix}.bias`); // (out)
  const y = be.matmul(x, w, { bias: b, aHeads: heads?.heads });
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (!dy) return;
      // xᵀ·dy, and colSum(dy) for the bias
      be.matmul(x, dy, {
        transA: true,
        aHeads: heads?.heads,
        out: params.grad(`${prefix}.weight`),
        sumB: params.grad(`${prefix}.bias`),
        accumulate: true,
      });
      tape.setGrad(x, be.matmul(dy, w, { transB: true, add: tape.grad(x), outHeads: heads })); // dy·Wᵀ (+ x's gradient so far)
    });
  }
  return y;
}

/**
 * Several projections of one input in one product, written in head layout:
 * x (B·T, D) → [x·W_p + b_p as (B·H, T, Dh) for p in prefixes] (Q, K and V of self-attention).
 * The backward is two grouped products: the weight and bias gradients of all of them, and the
 * sum of their input gradients into x's.
 */
export function projectHeads(ctx: ForwardContext, x: Tensor, prefixes: readonly string[], batch: number, heads: number): Tensor[] {
  const { be, params, tape } = ctx;
  const ws = prefixes.map((p) => params.param(`${p}.weight`));
  const bs = prefixes.map((p) => params.param(`${p}.bias`));
  const ys = be.matmulGroup([x], ws, { bias: bs, outHeads: { batch, heads } });
  if (tape) {
    tape.push(() => {
      const live = ys.flatMap((y, i) => {
        const dy = tape.grad(y);
        return dy ? [{ dy, i }] : [];
      });
      if (!live.length) return;
      const dys = live.map((l) => l.dy);
      be.matmulGroup([x], dys, {
        transA: true,
        bHeads: heads,
        out: live.map((l) => params.grad(`${prefixes[l.i]}.weight`)),
        sumB: live.map((l) => params.grad(`${prefixes[l.i]}.bias`)),
        accumulate: true,
      });
      const ws2 = live.map((l) => ws[l.i]);
      tape.setGrad(x, be.matmulGroup(dys, ws2, { transB: true, aHeads: heads, reduce: true, add: tape.grad(x) })[0]);
    });
  }
  return ys;
}

/**
 * FFN(x) = act(x·W1 + b1)·W2 + b2 in two kernels: the first product's epilogue adds the bias
 * and applies the activation (keeping the pre-activation), the second is a plain linear. Its
 * backward fuses act′ into the product that computes the gradient reaching it.
 */
export function feedForward(ctx: ForwardContext, x: Tensor, prefix: string, kind: Activation): Tensor {
  const { be, params, tape } = ctx;
  const w1 = params.param(`${prefix}.w1.weight`);
  const w2 = params.param(`${prefix}.w2.weight`);
  const { pre, y: a } = be.matmulActivation(x, w1, kind, { bias: params.param(`${prefix}.w1.bias`) }); // (N, F)
  const y = be.matmul(a, w2, { bias: params.param(`${prefix}.w2.bias`) }); // (N, D)
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (!dy) return;
      const grad = (n: string) => params.grad(`${prefix}.${n}`);
      be.matmul(a, dy, { transA: true, out: grad('w2.weight'), sumB: grad('w2.bias'), accumulate: true });
      const dPre = be.matmul(dy, w2, { transB: true, activationGrad: { kind, x: pre } }); // (dy·W2ᵀ) ⊙ act′(pre)
      be.matmul(x, dPre, { transA: true, out: grad('w1.weight'), sumB: grad('w1.bias'), accumulate: true });
      tape.setGrad(x, be.matmul(dPre, w1, { transB: true, add: tape.grad(x) }));
    });
  }
  return y;
}

/** LayerNorm(x + r) in one kernel (the post-norm residual block); the gradient of the sum goes to both. */
export function addLayerNorm(ctx: ForwardContext, x: Tensor, r: Tensor, prefix: string, eps: number) {
  const { be, params, tape } = ctx;
  const gamma = params.param(`${prefix}.gamma`);
  const res = be.addLayerNorm(x, r, gamma, params.param(`${prefix}.beta`), eps);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(res.y);
      if (!dy) return;
      const g = be.layerNormBackward(dy, res.sum, res.mean, res.rstd, gamma, {
        dGamma: params.grad(`${prefix}.gamma`),
        dBeta: params.grad(`${prefix}.beta`),
      });
      tape.addGrad(x, g.dx);
      tape.addGrad(r, g.dx);
    });
  }
  return res;
}

/**
 * Scaled dot-product attention in one kernel: softmax(mask(scale·Q·Kᵀ))·V, q (BH, Tq, Dh),
 * k, v (BH, Tk, Dh) → (BH, Tq, Dh); its backward in one kernel too.
 */
export function attention(ctx: ForwardContext, q: Tensor, k: Tensor, v: Tensor, opts: SoftmaxOptions): Tensor {
  const { be, tape } = ctx;
  const { out, weights } = be.attention(q, k, v, opts);
  if (tape) {
    tape.push(() => {
      const d = tape.grad(out);
      if (!d) return;
      const g = be.attentionBackward(q, k, v, weights, d, opts.scale ?? 1);
      tape.addGrad(q, g.dq);
      tape.addGrad(k, g.dk);
      tape.addGrad(v, g.dv);
    });
  }
  return out;
}

/** a + b (residual connection). */
export function add(ctx: ForwardContext, a: Tensor, b: Tensor): Tensor {
  const { be, tape } = ctx;
  const y = be.add(a, b);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (!dy) return;
      tape.addGrad(a, dy);
      tape.addGrad(b, dy);
    });
  }
  return y;
}

/** LayerNorm over the feature axis. x (N, D) → (N, D); mean and rstd (N) kept for tracing. */
export function layerNorm(ctx: ForwardContext, x: Tensor, prefix: string, eps: number) {
  const { be, params, tape } = ctx;
  const gamma = params.param(`${prefix}.gamma`);
  const res = be.layerNorm(x, gamma, params.param(`${prefix}.beta`), eps);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(res.y);
      if (!dy) return;
      const g = be.layerNormBackward(dy, x, res.mean, res.rstd, gamma, {
        dGamma: params.grad(`${prefix}.gamma`),
        dBeta: params.grad(`${prefix}.beta`),
      });
      tape.addGrad(x, g.dx);
    });
  }
  return res;
}

export function activation(ctx: ForwardContext, x: Tensor, kind: Activation): Tensor {
  const { be, tape } = ctx;
  const y = be.activation(x, kind);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (dy) tape.addGrad(x, be.activationBackward(x, dy, kind));
    });
  }
  return y;
}

/** Inverted dropout; the identity when p = 0 or there is no tape (inference). */
export function dropout(ctx: ForwardContext, x: Tensor): Tensor {
  const { be, tape } = ctx;
  if (!tape || ctx.dropout <= 0) return x;
  const mask = be.dropoutMask(x.shape, ctx.dropout, ctx.nextSeed());
  const y = be.mul(x, mask);
  tape.push(() => {
    const dy = tape.grad(y);
    if (dy) tape.addGrad(x, be.mul(dy, mask));
  });
  return y;
}

/** Element-wise product with a constant (no gradient to the constant). */
export function mulConst(ctx: ForwardContext, x: Tensor, c: Tensor): Tensor {
  const { be, tape } = ctx;
  const y = be.mul(x, c);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (dy) tape.addGrad(x, be.mul(dy, c));
    });
  }
  return y;
}

/** (B·T, D) → (B·H, T, Dh). */
export function splitHeads(ctx: ForwardContext, x: Tensor, batch: number, heads: number): Tensor {
  const { be, tape } = ctx;
  const y = be.splitHeads(x, batch, heads);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (dy) tape.addGrad(x, be.mergeHeads(dy, batch, heads));
    });
  }
  return y;
}

/** (B·H, T, Dh) → (B·T, D). */
export function mergeHeads(ctx: ForwardContext, x: Tensor, batch: number, heads: number): Tensor {
  const { be, tape } = ctx;
  const y = be.mergeHeads(x, batch, heads);
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (dy) tape.addGrad(x, be.splitHeads(dy, batch, heads));
    });
  }
  return y;
}

/** Batched alpha·Q·Kᵀ: q (BH, Tq, Dh), k (BH, Tk, Dh) → (BH, Tq, Tk). */
export function scores(ctx: ForwardContext, q: Tensor, k: Tensor, alpha: number): Tensor {
  const { be, tape } = ctx;
  const s = be.matmul(q, k, { transB: true, alpha });
  if (tape) {
    tape.push(() => {
      const ds = tape.grad(s);
      if (!ds) return;
      tape.addGrad(q, be.matmul(ds, k, { alpha })); // (BH, Tq, Tk)·(BH, Tk, Dh)
      tape.addGrad(k, be.matmul(ds, q, { transA: true, alpha })); // dsᵀ·q → (BH, Tk, Dh)
    });
  }
  return s;
}

/** Batched P·V: p (BH, Tq, Tk), v (BH, Tk, Dh) → (BH, Tq, Dh). */
export function weightedSum(ctx: ForwardContext, p: Tensor, v: Tensor): Tensor {
  const { be, tape } = ctx;
  const o = be.matmul(p, v);
  if (tape) {
    tape.push(() => {
      const d = tape.grad(o);
      if (!d) return;
      tape.addGrad(p, be.matmul(d, v, { transB: true })); // (BH, Tq, Tk)
      tape.addGrad(v, be.matmul(p, d, { transA: true })); // (BH, Tk, Dh)
    });
  }
  return o;
}

/** Softmax over keys with masks; the scores arrive already scaled (see scores()). */
export function softmax(ctx: ForwardContext, s: Tensor, opts: SoftmaxOptions): Tensor {
  const { be, tape } = ctx;
  const p = be.softmax(s, opts);
  if (tape) {
    tape.push(() => {
      const dp = tape.grad(p);
      if (dp) tape.addGrad(s, be.softmaxBackward(p, dp, opts.scale ?? 1));
    });
  }
  return p;
}

export interface EmbedSpec {
  /** (N) i32 token ids laid out (B, T). */
  ids: Tensor;
  /** Parameter name of the (V, D) table. */
  table: string;
  /** Learned positions: parameter name of the (maxLen, D) table; or a constant (P, D) table. */
  positions: { param: string } | { constant: Tensor } | null;
  seqLen: number;
  positionOffset: number;
  scale: number;
}

/** x = table[id]·scale + positions[pos]: (N) → (N, D). */
export function embed(ctx: ForwardContext, spec: EmbedSpec): Tensor {
  const { be, params, tape } = ctx;
  const table = params.param(spec.table);
  const pos = spec.positions;
  const posTable = pos ? ('param' in pos ? params.param(pos.param) : pos.constant) : undefined;
  const x = be.embedding(spec.ids, table, {
    scale: spec.scale,
    positions: posTable,
    seqLen: spec.seqLen,
    positionOffset: spec.positionOffset,
  });
  if (tape) {
    tape.push(() => {
      const dx = tape.grad(x);
      if (!dx) return;
      be.embeddingBackward(spec.ids, dx, params.grad(spec.table), spec.scale);
      if (pos && 'param' in pos) {
        // Learned positions are an embedding indexed by position: reuse its backward.
        const n = spec.ids.size;
        const posIds = new Int32Array(n);
        for (let i = 0; i < n; i++) posIds[i] = (i % spec.seqLen) + spec.positionOffset;
        const posIdT = be.tensor([n], posIds, 'i32', 'positions.ids');
        be.embeddingBackward(posIdT, dx, params.grad(pos.param), 1);
      }
    });
  }
  return x;
}
