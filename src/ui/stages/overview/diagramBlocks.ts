// The encoder-decoder diagram as data: which block sits where on the grid, which stage it
// opens, and which model families keep it. The encoder starts one row higher than the
// decoder so that its output lands level with the decoder's cross-attention.
import type { Bilingual } from '../../../i18n/text';
import { modelFamily, type ModelConfig } from '../../../model/config';
import type { StageId } from '../../../model/stageIds';
import { headDim } from '../shared/names';
import type { Side } from '../types';
import { blocks } from './content';

export type Family = 'encDec' | 'encOnly' | 'decOnly';

/** The diagram's name for a model family (config.family). */
export function diagramFamily(config: Pick<ModelConfig, 'family'>): Family {
  const f = modelFamily(config);
  return f === 'decoder' ? 'decOnly' : f === 'encoder' ? 'encOnly' : 'encDec';
}

/** First and last rows of each side's repeated layer in a one-stack model's diagram. */
export const ONE_STACK_ROWS: [number, number] = [4, 7];
export const ONE_STACK_LAST_ROW = 9;
export type BlockKind = 'io' | 'embed' | 'attn' | 'norm' | 'ffn' | 'out';

export interface DiagramBlock {
  key: string;
  side: Side;
  /** Grid row (1-based, counted from the first diagram row). */
  row: number;
  stage: StageId;
  kind: BlockKind;
  label: Bilingual;
  values: Record<string, string | number>;
  /** Inside the repeated ×N layer. */
  inStack: boolean;
  keptBy: readonly Family[];
}

const ENC: readonly Family[] = ['encDec', 'encOnly'];
const DEC: readonly Family[] = ['encDec', 'decOnly'];
const BOTH_ONLY: readonly Family[] = ['encDec'];

/** First and last rows of each side's repeated layer, and the row of the encoder → decoder link. */
export const STACK_ROWS: Record<Side, [number, number]> = { enc: [4, 7], dec: [5, 10] };
export const LINK_ROW = 7;
export const LAST_ROW = 12;

/**
 * The blocks of this model's diagram: the translator's two columns, or a one-stack model's one
 * column (decoder-only: no cross-attention, its FFN's norm is ln2, output head below; encoder-only:
 * the encoder and the MLM head below it).
 */
export function diagramBlocks(config: ModelConfig, vocab: { src: number; tgt: number }): DiagramBlock[] {
  const d = config.dModel;
  const sizes = { d, f: config.dFF, h: config.nHeads, dh: headDim(config), act: config.activation === 'gelu' ? 'GELU' : 'ReLU' };
  const addNorm = config.norm === 'pre' ? blocks.addNormPre : blocks.addNorm;
  const embed = config.embedScale ? blocks.embed : blocks.embedPlain;
  const pos = config.positional === 'sinusoidal' ? blocks.posSin : config.positional === 'learned' ? blocks.posLearned : blocks.posNone;
  const enc = (key: string, row: number, stage: StageId, kind: BlockKind, label: Bilingual, inStack = false): DiagramBlock => ({
    key: `enc-${key}`,
    side: 'enc',
    row,
    stage,
    kind,
    label,
    values: { ...sizes, v: vocab.src },
    inStack,
    keptBy: ENC,
  });
  const dec = (key: string, row: number, stage: StageId, kind: BlockKind, label: Bilingual, inStack = false, keptBy = DEC): DiagramBlock => ({
    key: `dec-${key}`,
    side: 'dec',
    row,
    stage,
    kind,
    label,
    values: { ...sizes, v: vocab.tgt },
    inStack,
    keptBy,
  });
  const family = modelFamily(config);
  if (family === 'decoder') {
    const one = (key: string, row: number, stage: StageId, kind: BlockKind, label: Bilingual, inStack = false) => ({ ...dec(key, row, stage, kind, label, inStack), keptBy: DEC });
    return [
      one('input', 1, 'tokens', 'io', blocks.seqInput),
      one('embed', 2, 'embedding', 'embed', embed),
      one('pos', 3, 'positional', 'embed', pos),
      one('self', 4, 'decoder-self-attn', 'attn', blocks.maskedAttn, true),
      one('norm1', 5, 'add-norm', 'norm', addNorm, true),
      one('ffn', 6, 'ffn', 'ffn', blocks.ffn, true),
      one('norm2', 7, 'add-norm', 'norm', addNorm, true),
      one('linear', 8, 'output', 'out', blocks.linear),
      one('softmax', 9, 'decoding', 'out', blocks.softmax),
    ];
  }
  if (family === 'encoder') {
    return [
      enc('input', 1, 'tokens', 'io', blocks.maskedInput),
      enc('embed', 2, 'embedding', 'embed', embed),
      enc('pos', 3, 'positional', 'embed', pos),
      enc('self', 4, 'qkv', 'attn', blocks.selfAttn, true),
      enc('norm1', 5, 'add-norm', 'norm', addNorm, true),
      enc('ffn', 6, 'ffn', 'ffn', blocks.ffn, true),
      enc('norm2', 7, 'add-norm', 'norm', addNorm, true),
      enc('mlm', 8, 'fill-mask', 'out', blocks.mlmLinear),
      enc('fill', 9, 'fill-mask', 'out', blocks.mlmSoftmax),
    ];
  }
  return [
    enc('input', 1, 'tokens', 'io', blocks.encInput),
    enc('embed', 2, 'embedding', 'embed', embed),
    enc('pos', 3, 'positional', 'embed', pos),
    enc('self', 4, 'qkv', 'attn', blocks.selfAttn, true),
    enc('norm1', 5, 'add-norm', 'norm', addNorm, true),
    enc('ffn', 6, 'ffn', 'ffn', blocks.ffn, true),
    enc('norm2', 7, 'add-norm', 'norm', addNorm, true),
    dec('input', 2, 'tokens', 'io', blocks.decInput),
    dec('embed', 3, 'embedding', 'embed', embed),
    dec('pos', 4, 'positional', 'embed', pos),
    dec('self', 5, 'decoder-self-attn', 'attn', blocks.maskedAttn, true),
    dec('norm1', 6, 'add-norm', 'norm', addNorm, true),
    dec('cross', 7, 'cross-attn', 'attn', blocks.crossAttn, true, BOTH_ONLY),
    dec('norm2', 8, 'add-norm', 'norm', addNorm, true, BOTH_ONLY),
    dec('ffn', 9, 'ffn', 'ffn', blocks.ffn, true),
    dec('norm3', 10, 'add-norm', 'norm', addNorm, true),
    dec('linear', 11, 'output', 'out', blocks.linear),
    dec('softmax', 12, 'decoding', 'out', blocks.softmax),
  ];
}

export function keeps(family: Family | null, keptBy: readonly Family[]): boolean {
  return family === null || keptBy.includes(family);
}
