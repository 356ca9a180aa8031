// Texts of the `overview` stage, English and Simplified Chinese.
import type { StageId } from '../../../model/stageIds';
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Overview: encoder and decoder', zh: '总览：编码器与解码器' };

export const explain: StageExplanation = {
  what: {
    en: 'The encoder reads the whole English sentence at once and turns every token into a vector that depends on the entire sentence. The decoder writes the Chinese sentence one token at a time: at each step it looks at the tokens it has already written (masked self-attention) and at the encoder’s vectors (cross-attention), and predicts the next token.',
    zh: '编码器一次读入整个英文句子，把每个词元变成一个依赖于整句话的向量。解码器一次写一个中文词元：每一步它都看已经写出的词元（掩码自注意力）和编码器的向量（交叉注意力），然后预测下一个词元。',
  },
  why: {
    en: 'Translation maps one sequence to another of a different length and word order. Splitting the work lets the encoder build a representation of the source with no restriction on looking ahead, while the decoder stays autoregressive, so it can generate text token by token.',
    zh: '翻译是把一个序列映射成长度和词序都不同的另一个序列。把工作分开后，编码器可以不受限制地前后查看、构建源句的表示，而解码器保持自回归，因此能逐个词元地生成文本。',
  },
  problem: {
    en: 'Recurrent networks process a sentence step by step, so long-range links pass through many steps and training cannot run in parallel over positions. Attention connects any two positions in one step, and every position of a layer is computed at once.',
    zh: '循环神经网络逐步处理句子，远距离的联系要经过很多步传递，训练时也无法在各个位置上并行。注意力一步就能连接任意两个位置，一层里所有位置同时计算。',
  },
};

export interface Block {
  stage: StageId;
  label: Bilingual;
}

export const encoderBlocks: Block[] = [
  { stage: 'tokens', label: { en: 'Tokens → ids', zh: '词元 → 编号' } },
  { stage: 'embedding', label: { en: 'Embedding ×√D', zh: '嵌入 ×√D' } },
  { stage: 'positional', label: { en: '+ positional encoding', zh: '+ 位置编码' } },
  { stage: 'qkv', label: { en: 'Self-attention', zh: '自注意力' } },
  { stage: 'add-norm', label: { en: 'Add & LayerNorm', zh: '残差相加与层归一化' } },
  { stage: 'ffn', label: { en: 'Feed-forward', zh: '前馈网络' } },
  { stage: 'add-norm', label: { en: 'Add & LayerNorm', zh: '残差相加与层归一化' } },
];

export const decoderBlocks: Block[] = [
  { stage: 'tokens', label: { en: '<bos> + output so far', zh: '<bos> + 已生成的输出' } },
  { stage: 'embedding', label: { en: 'Embedding + positions', zh: '嵌入 + 位置' } },
  { stage: 'decoder-self-attn', label: { en: 'Masked self-attention', zh: '掩码自注意力' } },
  { stage: 'add-norm', label: { en: 'Add & LayerNorm', zh: '残差相加与层归一化' } },
  { stage: 'cross-attn', label: { en: 'Cross-attention', zh: '交叉注意力' } },
  { stage: 'add-norm', label: { en: 'Add & LayerNorm', zh: '残差相加与层归一化' } },
  { stage: 'ffn', label: { en: 'Feed-forward', zh: '前馈网络' } },
  { stage: 'add-norm', label: { en: 'Add & LayerNorm', zh: '残差相加与层归一化' } },
  { stage: 'output', label: { en: 'Linear + softmax → next token', zh: '线性层 + softmax → 下一个词元' } },
];

export const text = {
  encoder: { en: 'Encoder × {n} layers', zh: '编码器 × {n} 层' },
  decoder: { en: 'Decoder × {n} layers', zh: '解码器 × {n} 层' },
  memory: { en: 'encoder output → keys and values of every cross-attention', zh: '编码器输出 → 每个交叉注意力的键和值' },
  clickHint: { en: 'Each block opens its stage.', zh: '点击方块可打开对应阶段。' },
  sizesCaption: { en: 'This model’s sizes', zh: '本模型的规模' },
  sizeD: { en: 'model width D (d_model)', zh: '模型宽度 D（d_model）' },
  sizeH: { en: 'heads H (each Dh = D/H wide)', zh: '头数 H（每个宽 Dh = D/H）' },
  sizeLayers: { en: 'encoder + decoder layers', zh: '编码器层 + 解码器层' },
  sizeF: { en: 'feed-forward width F (d_ff)', zh: '前馈网络宽度 F（d_ff）' },
  sizeVocab: { en: 'vocabulary: English / Chinese', zh: '词表：英文 / 中文' },
  sizeParams: { en: 'parameters', zh: '参数个数' },
  sizeLen: { en: 'longest sequence (maxLen)', zh: '最长序列（maxLen）' },
  familiesTitle: { en: 'Three families built from these parts', zh: '由这些部件构成的三类模型' },
  encDec: {
    en: 'Encoder-decoder (this model, the original Transformer, T5): both stacks, joined by cross-attention. Suits mapping one sequence to another.',
    zh: '编码器-解码器（本模型、原始 Transformer、T5）：两个堆栈都有，通过交叉注意力相连。适合把一个序列映射成另一个序列。',
  },
  encOnly: {
    en: 'Encoder-only (BERT): the left stack alone, every token sees the whole input. Suits understanding tasks such as classification.',
    zh: '仅编码器（BERT）：只有左边的堆栈，每个词元都能看到整个输入。适合分类等理解类任务。',
  },
  decOnly: {
    en: 'Decoder-only (GPT): the right stack without cross-attention, reading its prompt and output as one sequence under the causal mask. Suits open-ended generation.',
    zh: '仅解码器（GPT）：右边的堆栈，去掉交叉注意力，在因果掩码下把提示和输出当作一个序列读取。适合开放式生成。',
  },
} satisfies Record<string, Bilingual>;
