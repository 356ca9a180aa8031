// Encoder and decoder layers with the residual + LayerNorm wrapper, post-norm (the paper:
// x = LN(x + Sublayer(x))) or pre-norm (x = x + Sublayer(LN(x))).
import type { Tensor } from '../engine/backend';
import type { ModelConfig } from './config';
import type { ForwardContext } from './context';
import { multiHeadAttention } from './attention';
import * as op from './ops';

/** Residual + LayerNorm around f. x (N, D) → (N, D). `base` names it, e.g. 'enc.0', i = 1..3. */
export function residualBlock(
  ctx: ForwardContext,
  cfg: ModelConfig,
  x: Tensor,
  base: string,
  i: number,
  f: (input: Tensor) => Tensor,
): Tensor {
  const lnName = `${base}.ln${i}`;
  const trace = ctx.trace;
  const addNorm = <T>(fn: () => T): T => ctx.be.labelScope(`${base}.add-norm${i}`, fn);
  if (cfg.norm === 'post') {
    const sub = op.dropout(ctx, f(x));
    const [res, ln] = addNorm(() => {
      const r = op.add(ctx, x, sub);
      return [r, op.layerNorm(ctx, r, lnName, cfg.lnEps)] as const;
    });
    if (trace) {
      trace.put(`${base}.res${i}`, res);
      traceLn(ctx, lnName, ln);
    }
    return ln.y;
  }
  const ln = addNorm(() => op.layerNorm(ctx, x, lnName, cfg.lnEps));
  const sub = op.dropout(ctx, f(ln.y));
  const res = addNorm(() => op.add(ctx, x, sub));
  if (trace) {
    traceLn(ctx, lnName, ln);
    trace.put(`${base}.res${i}`, res);
  }
  return res;
}

function traceLn(ctx: ForwardContext, name: string, ln: { y: Tensor; mean: Tensor; rstd: Tensor }): void {
  ctx.trace!.put(`${name}.mean`, ln.mean);
  ctx.trace!.put(`${name}.rstd`, ln.rstd);
  ctx.trace!.put(`${name}.y`, ln.y);
}

/** FFN(x) = act(x·W1 + b1)·W2 + b2, applied to each position: (N, D) → (N, F) → (N, D). */
export function feedForward(ctx: ForwardContext, cfg: ModelConfig, x: Tensor, prefix: string, traceName: string): Tensor {
  const [hidden, act, out] = ctx.be.labelScope(traceName, () => {
    const h = op.linear(ctx, x, `${prefix}.w1`); // (N, F)
    const a = op.activation(ctx, h, cfg.activation); // (N, F)
    return [h, a, op.linear(ctx, a, `${prefix}.w2`)] as const; // (N, D)
  });
  if (ctx.trace) {
    ctx.trace.put(`${traceName}.hidden`, hidden);
    ctx.trace.put(`${traceName}.act`, act);
    ctx.trace.put(`${traceName}.out`, out);
  }
  return out;
}

export interface EncoderLayerInputs {
  x: Tensor; // (B·S, D)
  srcMask: Tensor; // (B, S)
  batch: number;
  srcLen: number;
}

export function encoderLayer(ctx: ForwardContext, cfg: ModelConfig, l: number, inp: EncoderLayerInputs): Tensor {
  const base = `enc.${l}`;
  let x = residualBlock(ctx, cfg, inp.x, base, 1, (h) =>
    multiHeadAttention(ctx, {
      x: h,
      memory: h,
      batch: inp.batch,
      tq: inp.srcLen,
      tk: inp.srcLen,
      causal: false,
      keyMask: inp.srcMask,
      prefix: `${base}.attn`,
      traceName: `${base}.self`,
      where: { side: 'enc', layer: l, block: 'self' },
      heads: cfg.nHeads,
    }),
  );
  x = residualBlock(ctx, cfg, x, base, 2, (h) => feedForward(ctx, cfg, h, `${base}.ffn`, `${base}.ffn`));
  return x;
}

export interface DecoderLayerInputs {
  y: Tensor; // (B·T, D)
  tgtMask: Tensor; // (B, T)
  memory: Tensor; // (B·S, D) encoder output
  srcMask: Tensor; // (B, S)
  batch: number;
  tgtLen: number;
  srcLen: number;
}

export function decoderLayer(ctx: ForwardContext, cfg: ModelConfig, l: number, inp: DecoderLayerInputs): Tensor {
  const base = `dec.${l}`;
  const common = { batch: inp.batch, heads: cfg.nHeads };
  let y = residualBlock(ctx, cfg, inp.y, base, 1, (h) =>
    multiHeadAttention(ctx, {
      ...common,
      x: h,
      memory: h,
      tq: inp.tgtLen,
      tk: inp.tgtLen,
      causal: true,
      keyMask: inp.tgtMask,
      prefix: `${base}.self_attn`,
      traceName: `${base}.self`,
      where: { side: 'dec', layer: l, block: 'self' },
    }),
  );
  y = residualBlock(ctx, cfg, y, base, 2, (h) =>
    multiHeadAttention(ctx, {
      ...common,
      x: h,
      memory: inp.memory,
      tq: inp.tgtLen,
      tk: inp.srcLen,
      causal: false,
      keyMask: inp.srcMask,
      prefix: `${base}.cross_attn`,
      traceName: `${base}.cross`,
      where: { side: 'dec', layer: l, block: 'cross' },
    }),
  );
  y = residualBlock(ctx, cfg, y, base, 3, (h) => feedForward(ctx, cfg, h, `${base}.ffn`, `${base}.ffn`));
  return y;
}
