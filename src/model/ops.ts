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

/** y = x·W + b with W stored (in, out). x (N, in) → (N, out). */
export function linear(ctx: ForwardContext, x: Tensor, prefix: string): Tensor {
  const { be, params, tape } = ctx;
  const w = params.param(`${prefix}.weight`); // (in, out)
  const b = params.param(`${prefix}.bias`); // (out)
  const y = be.matmul(x, w, { bias: b });
  if (tape) {
    tape.push(() => {
      const dy = tape.grad(y);
      if (!dy) return;
      be.matmul(x, dy, { transA: true, out: params.grad(`${prefix}.weight`), accumulate: true }); // xᵀ·dy
      be.colSum(dy, { out: params.grad(`${prefix}.bias`), accumulate: true });
      tape.addGrad(x, be.matmul(dy, w, { transB: true })); // dy·Wᵀ
    });
  }
  return y;
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
