// Which part of the forward pass each stage shows, as labelScope paths (see
// src/model/attention.ts and layers.ts): "where the numbers came from" counts and times only
// the dispatches under these paths. null means the whole pass.
import type { StageId } from '../../../model/stageIds';
import type { Side } from '../types';

export function stageScopes(stage: StageId, side: Side, layer: number): string[] | null {
  const attn = (part?: string) => {
    const base = `${side}.${layer}.self`;
    return [part ? `${base}/${part}` : base];
  };
  switch (stage) {
    case 'tokens':
      return [];
    case 'embedding':
    case 'positional':
      return [`${side === 'enc' ? 'src' : 'tgt'}.embed`];
    case 'qkv':
      return attn('qkv');
    case 'scores':
      return attn('scores');
    case 'mask':
    case 'softmax':
      return attn('softmax');
    case 'weighted-sum':
      return attn('weighted-sum');
    case 'heads':
      return attn();
    case 'concat':
      return attn('concat');
    case 'add-norm':
      return [1, 2, 3].map((i) => `${side}.${layer}.add-norm${i}`);
    case 'ffn':
      return [`${side}.${layer}.ffn`];
    case 'encoder-stack':
      return ['enc'];
    case 'decoder-self-attn':
      return [`dec.${layer}.self`];
    case 'cross-attn':
      return [`dec.${layer}.cross`];
    case 'output':
      return ['output'];
    case 'fill-mask':
      return ['output', 'mlm'];
    case 'decoding':
      return ['tgt.embed', 'dec', 'output'];
    case 'overview':
    case 'complexity':
      return null;
  }
}
