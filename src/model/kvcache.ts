// Autoregressive decoding with a KV cache: the keys and values of earlier target positions
// never change, so each step projects only the newest token and appends its K and V rows.
// Cross-attention K and V come from the encoder output and are computed once. A decoder-only
// model (no encoder: pass `{ batch }` instead of the encoded source) has self-attention and
// the FFN only, and its prompt goes in one token per step like everything after it.
import type { Tensor } from '../engine/backend';
import type { ForwardContext } from './context';
import { attendAndProject, type AttentionInputs } from './attention';
import { feedForward, residualBlock } from './layers';
import type { EncodedSource, Transformer } from './transformer';
import * as op from './ops';

interface LayerCache {
  selfK: Tensor | null; // (B·H, t, Dh)
  selfV: Tensor | null;
  crossK: Tensor | null; // (B·H, S, Dh); null in a decoder-only model
  crossV: Tensor | null;
}

export class KVCache {
  private layers: LayerCache[] = [];
  /** Number of target positions already in the cache. */
  length = 0;

  private readonly batch: number;
  private readonly enc: EncodedSource | null;

  constructor(
    private readonly model: Transformer,
    source: EncodedSource | { batch: number },
  ) {
    const { be, config } = model;
    const ctx = model.context();
    this.batch = source.batch;
    const enc = 'memory' in source ? source : null;
    this.enc = enc;
    if ((model.family === 'decoder') !== !enc) {
      throw new Error(`kv cache: a ${model.family} model ${enc ? 'has no encoder output to attend to' : 'needs the encoded source'}`);
    }
    for (let l = 0; l < config.nDecoderLayers; l++) {
      if (!enc) {
        this.layers.push({ selfK: null, selfV: null, crossK: null, crossV: null });
        continue;
      }
      const p = `dec.${l}.cross_attn`;
      const [crossK, crossV] = be.scope(() => [
        op.splitHeads(ctx, op.linear(ctx, enc.memory, `${p}.wk`), enc.batch, config.nHeads),
        op.splitHeads(ctx, op.linear(ctx, enc.memory, `${p}.wv`), enc.batch, config.nHeads),
      ]);
      this.layers.push({ selfK: null, selfV: null, crossK, crossV });
    }
  }

  /**
   * Feed one token per batch row at position `length`; returns logits (B, V) for the next
   * token. The caller owns (and disposes) the returned tensor.
   */
  step(ids: Int32Array, ctx: ForwardContext = this.model.context()): Tensor {
    const { be, config } = this.model;
    const B = this.batch;
    const H = config.nHeads;
    const t = this.length;
    if (ids.length !== B) throw new Error(`kv cache: step needs ${B} ids, got ${ids.length}`);
    if (t >= config.maxLen) throw new Error(`kv cache: position ${t} exceeds maxLen ${config.maxLen}`);
    const newCaches: Tensor[] = [];
    const logits = be.scope(() => {
      const idT = be.tensor([B], ids, 'i32', 'tgt.step.ids');
      let y = this.model.embedSide(ctx, 'tgt', idT, 1, t); // (B, D)
      for (let l = 0; l < config.nDecoderLayers; l++) {
        const cache = this.layers[l];
        const base = `dec.${l}`;
        const where = (block: 'self' | 'cross') => ({ side: 'dec' as const, layer: l, block });
        y = residualBlock(ctx, config, y, base, 1, (h) => {
          const p = `${base}.self_attn`;
          const q = op.splitHeads(ctx, op.linear(ctx, h, `${p}.wq`), B, H); // (B·H, 1, Dh)
          const kNew = op.splitHeads(ctx, op.linear(ctx, h, `${p}.wk`), B, H);
          const vNew = op.splitHeads(ctx, op.linear(ctx, h, `${p}.wv`), B, H);
          const k = cache.selfK ? be.concatTime(cache.selfK, kNew, B * H, `${p}.kcache`) : kNew; // (B·H, t+1, Dh)
          const v = cache.selfV ? be.concatTime(cache.selfV, vNew, B * H, `${p}.vcache`) : vNew;
          newCaches[2 * l] = k;
          newCaches[2 * l + 1] = v;
          const a: AttentionInputs = { ...this.common(h, h, t + 1, p, `${base}.self`), causal: true, where: where('self') };
          return attendAndProject(ctx, a, q, k, v);
        });
        const enc = this.enc;
        if (enc && cache.crossK && cache.crossV) {
          const [crossK, crossV] = [cache.crossK, cache.crossV];
          y = residualBlock(ctx, config, y, base, 2, (h) => {
            const p = `${base}.cross_attn`;
            const q = op.splitHeads(ctx, op.linear(ctx, h, `${p}.wq`), B, H);
            const a: AttentionInputs = {
              ...this.common(h, enc.memory, enc.srcLen, p, `${base}.cross`),
              causal: false,
              keyMask: enc.srcMask,
              where: where('cross'),
            };
            return attendAndProject(ctx, a, q, crossK, crossV);
          });
        }
        // The FFN's block: the third after cross-attention, the second in a decoder-only layer.
        y = residualBlock(ctx, config, y, base, enc ? 3 : 2, (h) => feedForward(ctx, config, h, `${base}.ffn`, `${base}.ffn`));
      }
      return [this.model.project(ctx, y), ...newCaches];
    })[0];
    for (let l = 0; l < config.nDecoderLayers; l++) {
      const c = this.layers[l];
      if (c.selfK && c.selfK !== newCaches[2 * l]) be.dispose(c.selfK);
      if (c.selfV && c.selfV !== newCaches[2 * l + 1]) be.dispose(c.selfV);
      c.selfK = newCaches[2 * l];
      c.selfV = newCaches[2 * l + 1];
    }
    this.length = t + 1;
    return logits;
  }

  private common(x: Tensor, memory: Tensor, tk: number, prefix: string, traceName: string) {
    return { x, memory, batch: this.batch, tq: 1, tk, prefix, traceName, heads: this.model.config.nHeads };
  }

  /** What the cache holds now: per layer, the K and V shapes (for the decoding stage; cross null when decoder-only). */
  shapes(): Array<{ self: readonly number[] | null; cross: readonly number[] | null }> {
    return this.layers.map((c) => ({ self: c.selfK?.shape ?? null, cross: c.crossK?.shape ?? null }));
  }

  dispose(): void {
    const be = this.model.be;
    for (const c of this.layers) {
      for (const t of [c.selfK, c.selfV, c.crossK, c.crossV]) if (t) be.dispose(t);
    }
    this.layers = [];
  }
}
