// Parameter counts by block: they add up to the model's total, follow the textbook formulas,
// give the paper's base-model layer sizes, and match the shipped checkpoint's tensors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from './checkpoint';
import { DEFAULT_CONFIG, type ModelConfig } from './config';
import { parameterBreakdown } from './parameterCounts';

const find = (b: ReturnType<typeof parameterBreakdown>, side: string, kind: string) => b.blocks.find((x) => x.side === side && x.kind === kind);

describe('parameterBreakdown', () => {
  it('the shipped model: blocks add up to its tensors', () => {
    const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
    const b = parameterBreakdown(cp.config, { src: cp.vocab.src.length, tgt: cp.vocab.tgt.length });
    const tensors = [...cp.weights.values()].reduce((n, w) => n + w.length, 0);
    expect(b.total).toBe(tensors);
    expect(b.blocks.reduce((n, x) => n + x.total, 0)).toBe(tensors);
    expect(b.blocks.map((x) => `${x.side}/${x.kind}`)).toEqual([
      'encoder/embedding', 'encoder/self-attention', 'encoder/ffn', 'encoder/layernorm',
      'decoder/embedding', 'decoder/masked-self-attention', 'decoder/cross-attention', 'decoder/ffn', 'decoder/layernorm',
      'output/projection',
    ]);
  });

  it('follows 4(D² + D) per attention, 2·D·F + F + D per FFN, 2D per LayerNorm', () => {
    const D = 48;
    const F = 192;
    const c: ModelConfig = { ...DEFAULT_CONFIG, dModel: D, nHeads: 4, dFF: F, nEncoderLayers: 2, nDecoderLayers: 3, norm: 'pre' };
    const b = parameterBreakdown(c, { src: 10, tgt: 11 });
    expect(find(b, 'encoder', 'self-attention')).toMatchObject({ layers: 2, perBlock: 4 * (D * D + D), total: 2 * 4 * (D * D + D) });
    expect(find(b, 'decoder', 'cross-attention')).toMatchObject({ layers: 3, perBlock: 4 * (D * D + D) });
    expect(find(b, 'decoder', 'ffn')).toMatchObject({ layers: 3, perBlock: 2 * D * F + F + D });
    expect(find(b, 'encoder', 'layernorm')).toMatchObject({ layers: 2, perBlock: 2 * D, total: 2 * 2 * 2 * D });
    expect(find(b, 'decoder', 'layernorm')).toMatchObject({ layers: 3, perBlock: 2 * D, total: 3 * 3 * 2 * D });
    expect(find(b, 'decoder', 'final-layernorm')).toMatchObject({ layers: 1, total: 2 * D }); // pre-norm only
    expect(find(b, 'output', 'projection')).toMatchObject({ total: D * 11 + 11 });
    expect(find(b, 'encoder', 'embedding')).toMatchObject({ total: 10 * D });
    expect(find(parameterBreakdown({ ...c, norm: 'post' }, { src: 10, tgt: 11 }), 'decoder', 'final-layernorm')).toBeUndefined();
  });

  it('the paper’s base model: about 3.15M per encoder layer and 4.2M per decoder layer', () => {
    const base: ModelConfig = { ...DEFAULT_CONFIG, dModel: 512, nHeads: 8, dFF: 2048, nEncoderLayers: 6, nDecoderLayers: 6 };
    const b = parameterBreakdown(base, { src: 37000, tgt: 37000 });
    const layer = (side: string) => b.blocks.filter((x) => x.side === side && !['embedding', 'positions'].includes(x.kind)).reduce((n, x) => n + x.total, 0) / 6;
    expect(layer('encoder')).toBe(3_152_384);
    expect(layer('decoder')).toBe(4_204_032);
  });
});
