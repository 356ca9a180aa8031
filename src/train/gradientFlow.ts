// The residual highway: how large the gradient is where it enters each sublayer block, from the
// top of the decoder down to the embeddings, and how that changes with the norm placement and
// without residual connections. Every number comes from running the model's real backward
// (traceStep); the comparison models are built and run, not described.
import type { Backend } from '../engine/backend';
import type { ModelConfig, ModelVariant } from '../model/config';
import type { VocabSizes } from '../model/parameters';
import type { Trace } from '../model/trace';
import { Transformer } from '../model/transformer';
import type { TrainBatch } from './step';
import { l2Norm } from './pairGradients';
import { traceStep } from './stepTrace';

/** One sublayer block's input: where the residual stream enters it. */
export interface FlowPoint {
  side: 'enc' | 'dec';
  layer: number;
  /** 'self' | 'cross' | 'ffn' (the block's sublayer). */
  block: 'self' | 'cross' | 'ffn';
  /** The trace point holding that input (its gradient is 'grad:<name>'). */
  name: string;
}

const BLOCKS = { enc: ['self', 'ffn'], dec: ['self', 'cross', 'ffn'] } as const;

/**
 * Block inputs from the top of the decoder down to its embeddings, then the encoder's top down
 * to the source embeddings. Block i of layer l reads the output of block i − 1 (layer l − 1's
 * last block for i = 1; the embeddings for the first): with post-norm that output is the
 * LayerNorm's (`ln{i}.y`), with pre-norm the residual sum (`res{i}`); the embedding sum is
 * `src.x` / `tgt.x`.
 */
export function flowPoints(config: Pick<ModelConfig, 'nEncoderLayers' | 'nDecoderLayers' | 'norm'>): FlowPoint[] {
  const out: FlowPoint[] = [];
  for (const side of ['dec', 'enc'] as const) {
    const layers = side === 'enc' ? config.nEncoderLayers : config.nDecoderLayers;
    const blocks = BLOCKS[side];
    const outputOf = (l: number, i: number) => (config.norm === 'post' ? `${side}.${l}.ln${i}.y` : `${side}.${l}.res${i}`);
    for (let l = layers - 1; l >= 0; l--) {
      for (let i = blocks.length; i >= 1; i--) {
        const name =
          i > 1 ? outputOf(l, i - 1) : l > 0 ? outputOf(l - 1, blocks.length) : `${side === 'enc' ? 'src' : 'tgt'}.x`;
        out.push({ side, layer: l, block: blocks[i - 1], name });
      }
    }
  }
  return out;
}

/** ‖∂L/∂(block input)‖ at every flow point of a recorded step. */
export function flowNorms(trace: Trace, points: readonly FlowPoint[]): number[] {
  return points.map((p) => l2Norm(trace.get(`grad:${p.name}`).data));
}

export type FlowArchitecture = 'post' | 'pre' | 'none';

export interface FlowRun {
  architecture: FlowArchitecture;
  points: FlowPoint[];
  norms: number[];
  loss: number;
}

export interface FlowComparisonSpec {
  config: ModelConfig;
  vocab: VocabSizes;
  variant: ModelVariant;
  /** Layers on each side for the comparison models (the shown model's count, or deeper). */
  layers: number;
  /** Initialisation seed: every architecture starts from the same draw of weights. */
  seed: number;
  labelSmoothing: number;
  padId: number;
}

/**
 * Build freshly initialised models — post-norm, pre-norm, and post-norm without residual
 * connections — with the same sizes and seed, run one step's backward on `batch` with each, and
 * report the gradient norm at every block input. Runs on `be` (the CPU engine in the app).
 */
export async function compareFlow(be: Backend, batch: TrainBatch, spec: FlowComparisonSpec): Promise<FlowRun[]> {
  const runs: FlowRun[] = [];
  for (const architecture of ['post', 'pre', 'none'] as const) {
    const config: ModelConfig = {
      ...spec.config,
      nEncoderLayers: spec.layers,
      nDecoderLayers: spec.layers,
      norm: architecture === 'pre' ? 'pre' : 'post',
    };
    const variant: ModelVariant = { ...spec.variant, residual: architecture !== 'none' };
    const model = new Transformer(be, config, spec.vocab, variant);
    try {
      model.initialize(spec.seed);
      const step = await traceStep(model, batch, { labelSmoothing: spec.labelSmoothing, padId: spec.padId });
      const points = flowPoints(config);
      runs.push({ architecture, points, norms: flowNorms(step.trace, points), loss: step.loss });
    } finally {
      model.dispose();
    }
  }
  return runs;
}
