// Words several stage panels share: axis names and side names, in both languages.
import type { Bilingual } from '../../../i18n/text';

export const AXES = {
  query: { en: 'query', zh: '查询' },
  key: { en: 'key', zh: '键' },
  position: { en: 'position', zh: '位置' },
  sourcePosition: { en: 'source token', zh: '源词元' },
  targetPosition: { en: 'target token', zh: '目标词元' },
  dimension: { en: 'dimension', zh: '维度' },
  hidden: { en: 'hidden unit', zh: '隐藏单元' },
  headDim: { en: 'head dimension', zh: '头维度' },
  vocab: { en: 'vocabulary token', zh: '词表词元' },
} satisfies Record<string, Bilingual>;

export const SIDES = {
  enc: { en: 'encoder', zh: '编码器' },
  dec: { en: 'decoder', zh: '解码器' },
} satisfies Record<string, Bilingual>;

/** The same, capitalized, to start a sentence or a title. */
export const SIDE_TITLES = {
  enc: { en: 'Encoder', zh: '编码器' },
  dec: { en: 'Decoder', zh: '解码器' },
} satisfies Record<string, Bilingual>;

export const ATTENTION_KINDS = {
  encSelf: { en: 'Encoder self-attention', zh: '编码器自注意力' },
  decSelf: { en: 'Decoder masked self-attention', zh: '解码器掩码自注意力' },
  cross: { en: 'Cross-attention (decoder → encoder)', zh: '交叉注意力（解码器 → 编码器）' },
} satisfies Record<string, Bilingual>;

/** The self-attention block of a side. */
export function selfAttentionKind(side: 'enc' | 'dec'): Bilingual {
  return side === 'enc' ? ATTENTION_KINDS.encSelf : ATTENTION_KINDS.decSelf;
}

/** "layer 1, head 2" */
export const LAYER_HEAD: Bilingual = { en: 'layer {{layer}}, head {{head}}', zh: '第 {{layer}} 层，第 {{head}} 头' };
export const LAYER: Bilingual = { en: 'layer {{layer}}', zh: '第 {{layer}} 层' };
