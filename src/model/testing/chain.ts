// A real Transformer (no stub) whose next-token logits depend only on the current input token,
// by a table: decoding tests can make it emit any sequence or distribution they need.
//
// How: pre-norm, no positions, no √D scale, D = V_tgt. Every decoder sublayer ends in a zero
// projection (wo, ffn.w2 and their biases are 0), so each residual block adds nothing and the
// decoder's last hidden state is ln_f(embed[token]). With one-hot embeddings e_h that is
// LN(e_h) = (a − b)·e_h + b·1 (a, b: the normalised hot and cold entries), so logits =
// (a − b)·W[h] + b·Σ_d W[d] + bias; W = table / (a − b) and bias = −b·Σ_d W[d] make the logits
// after token h exactly table[h] (up to float32 rounding).
import type { Backend } from '../../engine/backend';
import { TINY_CONFIG } from './tiny';
import { Transformer } from '../transformer';

export interface ChainModelOptions {
  maxLen: number;
  /** Source vocabulary size (the encoder is random and, through zeroed cross-attention, unused). */
  srcVocab?: number;
  seed?: number;
}

/** `table[h]` (length V) = the logits the model gives for the token after token h. */
export function chainModel(be: Backend, table: readonly (readonly number[])[], opts: ChainModelOptions): Transformer {
  const V = table.length;
  if (V < 4 || table.some((row) => row.length !== V)) throw new Error(`chainModel: table must be V × V with V ≥ 4, got ${V} rows`);
  const config = {
    ...TINY_CONFIG,
    dModel: V,
    nHeads: 1,
    dFF: 4,
    maxLen: opts.maxLen,
    norm: 'pre' as const,
    positional: 'none' as const,
    embedScale: false,
  };
  const model = new Transformer(be, config, { src: opts.srcVocab ?? 6, tgt: V });
  model.initialize(opts.seed ?? 5);
  const weights = new Map<string, Float32Array>();
  const zero = (name: string) => weights.set(name, new Float32Array(model.arena.param(name).size));
  for (let l = 0; l < config.nDecoderLayers; l++) {
    for (const p of [`dec.${l}.self_attn.wo`, `dec.${l}.cross_attn.wo`, `dec.${l}.ffn.w2`]) {
      zero(`${p}.weight`);
      zero(`${p}.bias`);
    }
  }
  const embed = new Float32Array(V * V);
  for (let h = 0; h < V; h++) embed[h * V + h] = 1;
  weights.set('tgt_embed.weight', embed);
  weights.set('dec.ln_f.gamma', new Float32Array(V).fill(1));
  zero('dec.ln_f.beta');
  // LN of a one-hot vector: mean 1/V, biased variance (1/V)(1 − 1/V).
  const mean = 1 / V;
  const rstd = 1 / Math.sqrt(mean * (1 - mean) + config.lnEps);
  const a = (1 - mean) * rstd;
  const b = -mean * rstd;
  const w = new Float32Array(V * V);
  const bias = new Float32Array(V);
  for (let v = 0; v < V; v++) {
    let col = 0;
    for (let d = 0; d < V; d++) {
      const x = table[d][v] / (a - b);
      w[d * V + v] = x;
      col += x;
    }
    bias[v] = -b * col;
  }
  weights.set('out.weight', w);
  weights.set('out.bias', bias);
  for (const [name, data] of weights) be.write(model.arena.param(name), data);
  return model;
}

/** A V × V logit table that makes the model follow `sequence` (each token → the next, logit 12 vs 0). */
export function nextTokenTable(V: number, sequence: readonly number[]): number[][] {
  const table = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (let i = 0; i + 1 < sequence.length; i++) {
    const row = table[sequence[i]];
    row.fill(0);
    row[sequence[i + 1]] = 12;
  }
  return table;
}
