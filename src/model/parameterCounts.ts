// How many parameters each kind of block holds, read off the parameter list itself (so the
// counts cannot drift from what the model allocates): per side, per kind, per layer and in all.
import type { ModelConfig } from './config';
import { parameterEntries, type VocabSizes } from './parameters';

export type BlockSide = 'encoder' | 'decoder' | 'output';
export type BlockKind = 'embedding' | 'positions' | 'self-attention' | 'masked-self-attention' | 'cross-attention' | 'ffn' | 'layernorm' | 'final-layernorm' | 'projection';

export interface BlockCount {
  side: BlockSide;
  kind: BlockKind;
  /** Layers that have this block (1 for blocks outside the layer stack). */
  layers: number;
  /** Parameters of one such block (total / layers). */
  perBlock: number;
  total: number;
}

export interface ParameterBreakdown {
  /** Encoder, decoder, output; within a side: embedding, positions, attention, FFN, norms. */
  blocks: BlockCount[];
  total: number;
}

/** Which block a parameter belongs to, from its dotted name (`enc.0.attn.wq.weight`, …). */
export function blockOf(name: string): { side: BlockSide; kind: BlockKind; layer: number | null } {
  const [head, second, third] = name.split('.');
  if (head === 'src_embed') return { side: 'encoder', kind: 'embedding', layer: null };
  if (head === 'tgt_embed') return { side: 'decoder', kind: 'embedding', layer: null };
  if (head === 'src_pos') return { side: 'encoder', kind: 'positions', layer: null };
  if (head === 'tgt_pos') return { side: 'decoder', kind: 'positions', layer: null };
  if (head === 'out' || head === 'mlm') return { side: 'output', kind: 'projection', layer: null };
  if (head === 'enc' || head === 'dec') {
    const side: BlockSide = head === 'enc' ? 'encoder' : 'decoder';
    if (second === 'ln_f') return { side, kind: 'final-layernorm', layer: null };
    const layer = Number(second);
    const kind: BlockKind | null =
      third === 'attn' ? 'self-attention'
      : third === 'self_attn' ? 'masked-self-attention'
      : third === 'cross_attn' ? 'cross-attention'
      : third === 'ffn' ? 'ffn'
      : /^ln\d$/.test(third ?? '') ? 'layernorm'
      : null;
    if (kind && Number.isInteger(layer)) return { side, kind, layer };
  }
  throw new Error(`parameterBreakdown: no block for parameter ${name}`);
}

export function parameterBreakdown(c: ModelConfig, v: VocabSizes): ParameterBreakdown {
  const groups = new Map<string, { side: BlockSide; kind: BlockKind; layers: Set<number>; total: number }>();
  let total = 0;
  for (const e of parameterEntries(c, v)) {
    const size = e.shape.reduce((a, b) => a * b, 1);
    const { side, kind, layer } = blockOf(e.name);
    const key = `${side}/${kind}`;
    const g = groups.get(key) ?? { side, kind, layers: new Set<number>(), total: 0 };
    g.layers.add(layer ?? 0);
    g.total += size;
    groups.set(key, g);
    total += size;
  }
  const blocks = [...groups.values()].map((g) => {
    // A layer's LayerNorms (ln1…ln3) are one row: per block is one norm's 2·D.
    const layers = g.layers.size;
    const normsPerLayer = g.kind === 'layernorm' ? g.total / layers / (2 * c.dModel) : 1;
    return { side: g.side, kind: g.kind, layers, perBlock: g.total / layers / normsPerLayer, total: g.total };
  });
  blocks.sort((a, b) => SIDES.indexOf(a.side) - SIDES.indexOf(b.side) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  return { blocks, total };
}

const SIDES: readonly BlockSide[] = ['encoder', 'decoder', 'output'];
const KINDS: readonly BlockKind[] = ['embedding', 'positions', 'self-attention', 'masked-self-attention', 'cross-attention', 'ffn', 'layernorm', 'final-layernorm', 'projection'];
