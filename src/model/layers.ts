// Encoder and decoder layers with the residual + LayerNorm wrapper, post-norm (the paper:
// x = LN(x + Sublayer(x))) or pre-norm (x = x + Sublayer(LN(x))).
import type { Tensor } from '../engine/backend';
import type { ModelConfig } from './config';
import { fused, type ForwardContext } from './context';
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
  const resName = `${base}.res${i}`;
  const addNorm = <T>(fn: () => T): T => ctx.be.labelScope(`${base}.add-norm${i}`, fn);
  // The "no residual" variant (the gradient-flow comparison) keeps the norm, drops the skip.
  const residual = ctx.variant.residual ?? true;
  const skip = (sub: Tensor) => op.point(ctx, resName, residual ? op.add(ctx, x, sub) : sub);
  if (cfg.norm === 'post') {
    const sub = op.dropout(ctx, f(x));
    // residual add + LayerNorm in one kernel when no named point in between is wanted
    if (residual && fused(ctx)) return addNorm(() => op.addLayerNorm(ctx, x, sub, lnName, cfg.lnEps).y);
    return addNorm(() => norm(ctx, skip(sub), lnName, cfg.lnEps));
  }
  const ln = addNorm(() => norm(ctx, x, lnName, cfg.lnEps));
  const sub = op.dropout(ctx, f(ln));
  return addNorm(() => skip(sub));
}

/** LayerNorm with its statistics traced (`<name>.mean`, `.rstd`) and its output a named point (`.y`). */
export function norm(ctx: ForwardContext, x: Tensor, name: string, eps: number): Tensor {
  const ln = op.layerNorm(ctx, x, name, eps);
  ctx.trace?.put(`${name}.mean`, ln.mean);
  ctx.trace?.put(`${name}.rstd`, ln.rstd);
  return op.point(ctx, `${name}.y`, ln.y);
}

/** FFN(x) = act(x·W1 + b1)·W2 + b2, applied to each position: (N, D) → (N, F) → (N, D). */
export function feedForward(ctx: ForwardContext, cfg: ModelConfig, x: Tensor, prefix: string, traceName: string): Tensor {
  return ctx.be.labelScope(traceName, () => {
    if (fused(ctx)) return op.feedForward(ctx, x, prefix, cfg.activation); // bias + activation in the first product's epilogue
    const h = op.point(ctx, `${traceName}.hidden`, op.linear(ctx, x, `${prefix}.w1`)); // (N, F)
    const a = op.point(ctx, `${traceName}.act`, op.activation(ctx, h, cfg.activation)); // (N, F)
    return op.point(ctx, `${traceName}.out`, op.linear(ctx, a, `${prefix}.w2`)); // (N, D)
  });
}

export interface EncoderLayerInputs {
  x: Tensor; // (B·S, D)
  srcMask: Tensor; // (B, S)
  batch: number;
  srcLen: number;
}

/**
 * Self-attention of layer `l` on one side: queries, keys and values all from h, (B·len, D).
 * Parameters under `{side}.{l}.{param}`, traced as `{side}.{l}.self`.
 */
function selfAttention(
  ctx: ForwardContext,
  cfg: ModelConfig,
  h: Tensor,
  o: { side: 'enc' | 'dec'; layer: number; param: 'attn' | 'self_attn'; batch: number; len: number; keyMask: Tensor; causal: boolean },
): Tensor {
  const base = `${o.side}.${o.layer}`;
  return multiHeadAttention(ctx, {
    x: h,
    memory: h,
    batch: o.batch,
    tq: o.len,
    tk: o.len,
    causal: o.causal,
    keyMask: o.keyMask,
    prefix: `${base}.${o.param}`,
    traceName: `${base}.self`,
    where: { side: o.side, layer: o.layer, block: 'self' },
    heads: cfg.nHeads,
  });
}

/** The decoder's masked (causal) self-attention, as the translator and the decoder-only model both run it. */
function causalSelfAttention(ctx: ForwardContext, cfg: ModelConfig, h: Tensor, l: number, inp: { tgtMask: Tensor; batch: number; tgtLen: number }): Tensor {
  return selfAttention(ctx, cfg, h, { side: 'dec', layer: l, param: 'self_attn', batch: inp.batch, len: inp.tgtLen, keyMask: inp.tgtMask, causal: true });
}

export function encoderLayer(ctx: ForwardContext, cfg: ModelConfig, l: number, inp: EncoderLayerInputs): Tensor {
  const base = `enc.${l}`;
  let x = residualBlock(ctx, cfg, inp.x, base, 1, (h) =>
    selfAttention(ctx, cfg, h, { side: 'enc', layer: l, param: 'attn', batch: inp.batch, len: inp.srcLen, keyMask: inp.srcMask, causal: false }),
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
  let y = residualBlock(ctx, cfg, inp.y, base, 1, (h) => causalSelfAttention(ctx, cfg, h, l, inp));
  y = residualBlock(ctx, cfg, y, base, 2, (h) =>
    multiHeadAttention(ctx, {
      batch: inp.batch,
      heads: cfg.nHeads,
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

export interface DecoderOnlyLayerInputs {
  y: Tensor; // (B·T, D)
  tgtMask: Tensor; // (B, T)
  batch: number;
  tgtLen: number;
}

/**
 * A decoder-only (GPT-style) layer: masked self-attention, then the FFN; no cross-attention,
 * so the FFN's residual block is the second (`dec.{l}.res2`, `dec.{l}.ln2`, as the checkpoint
 * names its LayerNorm). Self-attention is the translator's (`dec.{l}.self_attn`, traced as
 * `dec.{l}.self`).
 */
export function decoderOnlyLayer(ctx: ForwardContext, cfg: ModelConfig, l: number, inp: DecoderOnlyLayerInputs): Tensor {
  const base = `dec.${l}`;
  const y = residualBlock(ctx, cfg, inp.y, base, 1, (h) => causalSelfAttention(ctx, cfg, h, l, inp));
  return residualBlock(ctx, cfg, y, base, 2, (h) => feedForward(ctx, cfg, h, `${base}.ffn`, `${base}.ffn`));
}
