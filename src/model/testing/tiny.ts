// Tiny models and batches for model tests (CPU or GPU backends alike).
import type { Backend } from '../../engine/backend';
import { DEFAULT_CONFIG, DEFAULT_VARIANT, type ModelConfig, type ModelVariant } from '../config';
import { Transformer } from '../transformer';
import { seededRandom } from '../parameters';

export const TINY_CONFIG: ModelConfig = {
  ...DEFAULT_CONFIG,
  dModel: 8,
  nHeads: 2,
  nEncoderLayers: 1,
  nDecoderLayers: 1,
  dFF: 12,
  maxLen: 10,
};

export const TINY_VOCAB = { src: 9, tgt: 11 };

export function tinyModel(be: Backend, config: Partial<ModelConfig> = {}, seed = 7, variant: ModelVariant = DEFAULT_VARIANT) {
  const m = new Transformer(be, { ...TINY_CONFIG, ...config }, TINY_VOCAB, variant);
  m.initialize(seed);
  return m;
}

/**
 * A random padded batch: B rows, source lengths and target lengths drawn per row, ids ≥ 4
 * (0..3 are <pad> <bos> <eos> <unk>), padding with id 0.
 */
export function tinyBatch(B: number, S: number, T: number, seed = 3) {
  const rand = seededRandom(seed);
  const srcIds = new Int32Array(B * S);
  const srcMask = new Float32Array(B * S);
  const tgtIn = new Int32Array(B * T);
  const tgtOut = new Int32Array(B * T);
  const tgtMask = new Float32Array(B * T);
  let nTokens = 0;
  for (let b = 0; b < B; b++) {
    const sl = b === 0 ? S : 1 + Math.floor(rand() * S); // row 0 is full length
    const tl = b === 0 ? T : 1 + Math.floor(rand() * T);
    for (let i = 0; i < sl; i++) {
      srcIds[b * S + i] = i === sl - 1 ? 2 : 4 + Math.floor(rand() * (TINY_VOCAB.src - 4));
      srcMask[b * S + i] = 1;
    }
    const words = Array.from({ length: tl - 1 }, () => 4 + Math.floor(rand() * (TINY_VOCAB.tgt - 4)));
    const inp = [1, ...words];
    const out = [...words, 2];
    for (let i = 0; i < tl; i++) {
      tgtIn[b * T + i] = inp[i];
      tgtOut[b * T + i] = out[i];
      tgtMask[b * T + i] = 1;
      nTokens++;
    }
  }
  return { batch: B, srcLen: S, tgtLen: T, srcIds, srcMask, tgtIn, tgtOut, tgtMask, nTokens };
}

/** Tiny one-stack configs: decoder-only (1 layer, maxLen 12) and encoder-only (1 layer). */
export const TINY_DECODER_CONFIG: ModelConfig = { ...TINY_CONFIG, family: 'decoder', nEncoderLayers: 0, nDecoderLayers: 1, maxLen: 12 };
export const TINY_ENCODER_CONFIG: ModelConfig = { ...TINY_CONFIG, family: 'encoder', nEncoderLayers: 1, nDecoderLayers: 0 };
/** Their vocabularies: 0..3 the specials, 4 <sep> (decoder) or <mask> (encoder), words from 5. */
export const TINY_FAMILY_VOCAB = 11;

export function tinyFamilyModel(be: Backend, family: 'decoder' | 'encoder', config: Partial<ModelConfig> = {}, seed = 7, variant: ModelVariant = DEFAULT_VARIANT) {
  const base = family === 'decoder' ? TINY_DECODER_CONFIG : TINY_ENCODER_CONFIG;
  const vocab = family === 'decoder' ? { src: 0, tgt: TINY_FAMILY_VOCAB } : { src: TINY_FAMILY_VOCAB, tgt: 0 };
  const m = new Transformer(be, { ...base, ...config }, vocab, variant);
  m.initialize(seed);
  return m;
}

/**
 * A random decoder-only batch laid out as src/data/families.ts makes them: rows
 * `<bos> e… <sep> z…` (row 0 the longest), targets <pad> up to the English, then z… <eos>.
 */
export function tinyLmBatch(B: number, seed = 3, maxLen = 12) {
  const rand = seededRandom(seed);
  const word = () => 5 + Math.floor(rand() * (TINY_FAMILY_VOCAB - 5));
  const rows = Array.from({ length: B }, (_, b) => {
    const n = b === 0 ? 3 : 1 + Math.floor(rand() * 3);
    const m = b === 0 ? 4 : 1 + Math.floor(rand() * 4);
    return { en: Array.from({ length: n }, word), zh: Array.from({ length: m }, word) };
  });
  const T = Math.min(maxLen - 1, Math.max(...rows.map((r) => r.en.length + r.zh.length + 2)));
  const tgtIn = new Int32Array(B * T);
  const tgtOut = new Int32Array(B * T);
  const tgtMask = new Float32Array(B * T);
  let nTokens = 0;
  rows.forEach((r, b) => {
    const input = [1, ...r.en, 4, ...r.zh];
    tgtIn.set(input, b * T);
    tgtOut.set([...r.zh, 2], b * T + r.en.length + 1);
    tgtMask.fill(1, b * T, b * T + input.length);
    nTokens += r.zh.length + 1;
  });
  return { batch: B, srcLen: 0, srcIds: new Int32Array(0), srcMask: new Float32Array(0), tgtLen: T, tgtIn, tgtOut, tgtMask, nTokens };
}

/** A random encoder-only batch: words + <eos>, padded; about a third of the words masked (id 4) and predicted. */
export function tinyMlmBatch(B: number, S: number, seed = 3) {
  const rand = seededRandom(seed);
  const srcIds = new Int32Array(B * S);
  const srcMask = new Float32Array(B * S);
  const tgtOut = new Int32Array(B * S);
  let nTokens = 0;
  for (let b = 0; b < B; b++) {
    const len = b === 0 ? S : 2 + Math.floor(rand() * (S - 1)); // words + <eos>
    for (let i = 0; i < len; i++) {
      srcMask[b * S + i] = 1;
      if (i === len - 1) {
        srcIds[b * S + i] = 2;
        continue;
      }
      const w = 5 + Math.floor(rand() * (TINY_FAMILY_VOCAB - 5));
      const chosen = i === 0 || rand() < 0.33;
      srcIds[b * S + i] = chosen && rand() < 0.8 ? 4 : w;
      if (chosen) {
        tgtOut[b * S + i] = w;
        nTokens++;
      }
    }
  }
  return { batch: B, srcLen: S, srcIds, srcMask, tgtLen: S, tgtIn: srcIds, tgtOut, tgtMask: srcMask, nTokens };
}
