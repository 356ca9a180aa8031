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
