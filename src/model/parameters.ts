// The model's named parameters: their list and shapes (exactly the tensors of
// docs/checkpoint.md) and a seeded initialisation.
import type { ArenaEntry } from '../engine/backend';
import { mulberry32 } from '../random';
import { modelFamily, type ModelConfig } from './config';

/** Vocabulary sizes; a one-stack family reads only its own side (decoder: tgt, encoder: src). */
export interface VocabSizes {
  src: number; // V_src
  tgt: number; // V_tgt
}

function linear(prefix: string, nIn: number, nOut: number): ArenaEntry[] {
  return [
    { name: `${prefix}.weight`, shape: [nIn, nOut] }, // stored (in, out): y = x·W + b
    { name: `${prefix}.bias`, shape: [nOut] },
  ];
}

function attention(prefix: string, d: number): ArenaEntry[] {
  return ['wq', 'wk', 'wv', 'wo'].flatMap((w) => linear(`${prefix}.${w}`, d, d));
}

function layerNorm(prefix: string, d: number): ArenaEntry[] {
  return [
    { name: `${prefix}.gamma`, shape: [d] },
    { name: `${prefix}.beta`, shape: [d] },
  ];
}

function ffn(prefix: string, d: number, f: number): ArenaEntry[] {
  return [...linear(`${prefix}.w1`, d, f), ...linear(`${prefix}.w2`, f, d)];
}

/**
 * Every parameter, in a fixed order (the arena layout and the checkpoint's tensor list), for
 * the config's family (shared/docs/checkpoint.md): the translator's list below; decoder-only:
 * tgt_embed, [tgt_pos], dec.{l}.{self_attn, ln1, ffn, ln2}, [dec.ln_f], out; encoder-only:
 * src_embed, [src_pos], enc.{l}.*, [enc.ln_f], mlm.
 */
export function parameterEntries(c: ModelConfig, v: VocabSizes): ArenaEntry[] {
  const family = modelFamily(c);
  if (family === 'decoder') return decoderOnlyEntries(c, v.tgt);
  if (family === 'encoder') return encoderOnlyEntries(c, v.src);
  const D = c.dModel;
  const F = c.dFF;
  const out: ArenaEntry[] = [
    { name: 'src_embed.weight', shape: [v.src, D] },
    { name: 'tgt_embed.weight', shape: [v.tgt, D] },
  ];
  if (c.positional === 'learned') {
    out.push({ name: 'src_pos.weight', shape: [c.maxLen, D] }, { name: 'tgt_pos.weight', shape: [c.maxLen, D] });
  }
  for (let l = 0; l < c.nEncoderLayers; l++) {
    out.push(...attention(`enc.${l}.attn`, D), ...layerNorm(`enc.${l}.ln1`, D));
    out.push(...ffn(`enc.${l}.ffn`, D, F), ...layerNorm(`enc.${l}.ln2`, D));
  }
  if (c.norm === 'pre') out.push(...layerNorm('enc.ln_f', D));
  for (let l = 0; l < c.nDecoderLayers; l++) {
    out.push(...attention(`dec.${l}.self_attn`, D), ...layerNorm(`dec.${l}.ln1`, D));
    out.push(...attention(`dec.${l}.cross_attn`, D), ...layerNorm(`dec.${l}.ln2`, D));
    out.push(...ffn(`dec.${l}.ffn`, D, F), ...layerNorm(`dec.${l}.ln3`, D));
  }
  if (c.norm === 'pre') out.push(...layerNorm('dec.ln_f', D));
  out.push(...linear('out', D, v.tgt));
  return out;
}

function encoderStack(c: ModelConfig): ArenaEntry[] {
  const out: ArenaEntry[] = [];
  for (let l = 0; l < c.nEncoderLayers; l++) {
    out.push(...attention(`enc.${l}.attn`, c.dModel), ...layerNorm(`enc.${l}.ln1`, c.dModel));
    out.push(...ffn(`enc.${l}.ffn`, c.dModel, c.dFF), ...layerNorm(`enc.${l}.ln2`, c.dModel));
  }
  if (c.norm === 'pre') out.push(...layerNorm('enc.ln_f', c.dModel));
  return out;
}

/** Decoder-only: masked self-attention + FFN per layer (ln2 follows the FFN), no cross-attention. */
function decoderOnlyEntries(c: ModelConfig, V: number): ArenaEntry[] {
  const D = c.dModel;
  const out: ArenaEntry[] = [{ name: 'tgt_embed.weight', shape: [V, D] }];
  if (c.positional === 'learned') out.push({ name: 'tgt_pos.weight', shape: [c.maxLen, D] });
  for (let l = 0; l < c.nDecoderLayers; l++) {
    out.push(...attention(`dec.${l}.self_attn`, D), ...layerNorm(`dec.${l}.ln1`, D));
    out.push(...ffn(`dec.${l}.ffn`, D, c.dFF), ...layerNorm(`dec.${l}.ln2`, D));
  }
  if (c.norm === 'pre') out.push(...layerNorm('dec.ln_f', D));
  out.push(...linear('out', D, V));
  return out;
}

/** Encoder-only: the translator's encoder and the MLM head (logits = x·mlm.weight + mlm.bias). */
function encoderOnlyEntries(c: ModelConfig, V: number): ArenaEntry[] {
  const D = c.dModel;
  const out: ArenaEntry[] = [{ name: 'src_embed.weight', shape: [V, D] }];
  if (c.positional === 'learned') out.push({ name: 'src_pos.weight', shape: [c.maxLen, D] });
  out.push(...encoderStack(c), ...linear('mlm', D, V));
  return out;
}

/** The seeded generator for initial weights (mulberry32, src/random): same seed, same weights. */
export const seededRandom: (seed: number) => () => number = mulberry32;

/** Standard normal via Box–Muller. */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * Initial values: Xavier-uniform for weight matrices, zeros for biases and β, ones for γ,
 * N(0, 1/D) for embeddings (so √D-scaled embeddings start near unit variance, the size of
 * the positional encoding) and N(0, 0.02²) for learned positions.
 */
export function initialValue(entry: ArenaEntry, c: ModelConfig, rand: () => number): Float32Array {
  const n = entry.shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  const name = entry.name;
  if (name.endsWith('.gamma')) data.fill(1);
  else if (name.endsWith('.bias') || name.endsWith('.beta')) data.fill(0);
  else if (name.endsWith('_embed.weight')) {
    const std = 1 / Math.sqrt(c.dModel);
    for (let i = 0; i < n; i++) data[i] = normal(rand) * std;
  } else if (name.endsWith('_pos.weight')) {
    for (let i = 0; i < n; i++) data[i] = normal(rand) * 0.02;
  } else {
    const [fanIn, fanOut] = entry.shape;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < n; i++) data[i] = (rand() * 2 - 1) * limit;
  }
  return data;
}
