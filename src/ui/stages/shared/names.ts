// Trace names and model dimensions for the stage panels (see src/model/trace.ts for the list).
import { modelFamily, type ModelConfig } from '../../../model/config';
import type { Side, StageContext } from '../types';

export type AttentionBlock = 'self' | 'cross';
export type AttentionPart = 'q' | 'k' | 'v' | 'raw' | 'scaled' | 'masked' | 'weights' | 'context' | 'concat' | 'out';

/** 'enc.0.self.scaled' */
export function attentionName(side: Side, layer: number, block: AttentionBlock, part: AttentionPart): string {
  return `${side}.${layer}.${block}.${part}`;
}

/** Whether the decoder has cross-attention: only the encoder-decoder's does (decoder-only has none). */
export function hasCross(config: Pick<ModelConfig, 'family'>): boolean {
  return modelFamily(config) === 'encoder-decoder';
}

/**
 * The residual blocks of one layer of a side: 2 in an encoder layer (self-attention, FFN) and in
 * a decoder-only layer (masked self-attention, FFN), 3 in the translator's decoder layer
 * (self, cross, FFN). The last one's LayerNorm (ln2 / ln3) ends the layer.
 */
export function blocksPerLayer(config: Pick<ModelConfig, 'family'>, side: Side): 2 | 3 {
  return side === 'dec' && hasCross(config) ? 3 : 2;
}

export function layerCount(config: ModelConfig, side: Side): number {
  return side === 'enc' ? config.nEncoderLayers : config.nDecoderLayers;
}

export function headDim(config: ModelConfig): number {
  return config.dModel / config.nHeads;
}

/** Query and key lengths of a side's self-attention (S for the encoder, T for the decoder). */
export function selfLength(ctx: StageContext, side: Side): number {
  return side === 'enc' ? ctx.labels.source.length : ctx.labels.target.length;
}

/** The length symbol the formulas use for a side. */
export function lengthSymbol(side: Side): 'S' | 'T' {
  return side === 'enc' ? 'S' : 'T';
}

/** Every trace name of one attention block over all heads of a layer. */
export function attentionNames(side: Side, layer: number, block: AttentionBlock, parts: readonly AttentionPart[]): string[] {
  return parts.map((p) => attentionName(side, layer, block, p));
}
