// Texts of the `encoder-stack` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'The encoder stack', zh: '编码器堆栈' };

export const explain: StageExplanation = {
  what: {
    en: 'The encoder repeats the same kind of layer N times (N = 6 in the paper; this model’s N is in the formula below), each with its own weights: self-attention, then the feed-forward network, each wrapped in a residual add and LayerNorm. The output of the last layer, one vector per source token, is the “memory” that every decoder layer reads through cross-attention.',
    zh: '编码器把同一种层重复 N 次（论文中 N = 6；本模型的 N 见下面的公式），每层有自己的权重：先自注意力，再前馈网络，每个子层都包在残差相加和层归一化之中。最后一层的输出（每个源词元一个向量）就是“记忆”，每个解码器层都通过交叉注意力读取它。',
  },
  why: {
    en: 'One layer lets each token gather information from the others once. Stacking layers lets it combine information that was itself gathered, building up from word-level to phrase- and sentence-level features.',
    zh: '一层只能让每个词元从其他词元那里收集一次信息。把层堆叠起来，就能组合已经收集过的信息，从词层面逐步建立起短语和句子层面的特征。',
  },
  problem: {
    en: 'A single attention step cannot express relations that depend on other relations. Depth gives the model room for multi-step reasoning about the sentence, while each layer stays simple.',
    zh: '单步注意力无法表达依赖于其他关系的关系。深度给了模型对句子做多步推理的空间，同时每一层都保持简单。',
  },
};

export const text = {
  gridTitle: { en: 'Every encoder layer × head (self-attention weights)', zh: '每个编码器层 × 头（自注意力权重）' },
  gridHint: { en: 'Click a thumbnail to open that layer and head in the “Multiple heads” stage.', zh: '点击缩略图，可在“多头”阶段打开对应的层和头。' },
  thumb: { en: 'layer {layer}, head {head}', zh: '第 {layer} 层，第 {head} 头' },
  layerOut: { en: 'Output of layer {layer}', zh: '第 {layer} 层的输出' },
  legend: { en: 'value', zh: '数值' },
} satisfies Record<string, Bilingual>;
