// The curriculum's 48 topics (docs/curriculum.md in the shared docs), embedded so the deck and
// its tests do not depend on a file outside the repository. curriculum.test.ts cross-checks this
// list against the shared file whenever that file is reachable.
import type { ExperimentId } from '../train/experimentIds';
import type { Bilingual } from '../i18n/text';
import type { BackwardCardStage, CardStage } from './types';

export type SectionId = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

export const SECTIONS: Readonly<Record<SectionId, Bilingual>> = {
  A: { en: 'The big picture', zh: '整体认识' },
  B: { en: 'Inputs', zh: '输入' },
  C: { en: 'Attention', zh: '注意力' },
  D: { en: 'Masks and the decoder', zh: '掩码与解码器' },
  E: { en: 'Blocks', zh: '模块' },
  F: { en: 'Training and inference', zh: '训练与推理' },
  G: { en: 'Beyond the original', zh: '原始模型之后' },
  H: { en: 'How to answer', zh: '如何作答' },
};
export const SECTION_IDS = Object.keys(SECTIONS) as SectionId[];

export interface Topic {
  /** The topic's number in the curriculum; cards refer to it. */
  id: number;
  section: SectionId;
  /** The English title as the curriculum writes it (the bold part, or its opening words). */
  title: Bilingual;
  /** The panels the curriculum names, first is the main one; 'train' = "View: Train". */
  stages: CardStage[];
  experiments: ExperimentId[];
  /** The panel is only the closest one: the topic's cards must say why (Card.stageNote). */
  closestOnly?: boolean;
  /**
   * Stages of the training-step walkthrough (#/backward) that show the topic too. The curriculum
   * predates them, so they are kept apart from `stages`, which follow docs/curriculum.md.
   */
  backwardStages?: BackwardCardStage[];
}

const t = (
  id: number,
  section: SectionId,
  en: string,
  zh: string,
  stages: CardStage[],
  experiments: ExperimentId[] = [],
  closestOnly = false,
): Topic => ({ id, section, title: { en, zh }, stages, experiments, ...(closestOnly ? { closestOnly } : {}) });

/** Topics the training-step walkthrough shows: a card of the topic may link there instead. */
const BACKWARD_STAGES: Readonly<Partial<Record<number, BackwardCardStage[]>>> = {
  26: ['backward/residual-flow'], // residual connection: the gradient highway
  29: ['backward/residual-flow'], // post-norm vs pre-norm: gradient norms measured side by side
  38: ['backward/loss', 'backward/logits-grad'], // cross-entropy, label smoothing
  39: ['backward/update'], // Adam(W), warm-up: the update from a fresh optimiser state
  42: ['backward/residual-flow'], // vanishing and exploding gradients
};

const withBackward = (topic: Topic): Topic => {
  const backwardStages = BACKWARD_STAGES[topic.id];
  return backwardStages ? { ...topic, backwardStages } : topic;
};

export const TOPICS: readonly Topic[] = [
  t(1, 'A', 'Core idea', '核心思想', ['softmax']),
  t(2, 'A', 'Encoder-decoder shape', '编码器-解码器结构', ['overview']),
  t(3, 'A', 'Three families', '三大模型家族', ['overview'], [], true),
  t(4, 'A', 'Why faster than an RNN', '为什么比 RNN 快', ['overview']),
  t(5, 'A', 'Transformer vs CNN vs RNN inductive bias', 'Transformer、CNN 与 RNN 的归纳偏置', ['overview'], [], true),
  t(6, 'B', 'Token embedding', '词元嵌入', ['embedding']),
  t(7, 'B', 'Static vs contextual vectors', '静态向量与上下文向量', ['encoder-stack']),
  t(8, 'B', 'Why positional encoding', '为什么需要位置编码', ['positional'], ['positions-off']),
  t(9, 'B', 'Sinusoidal formula', '正弦位置编码公式', ['positional']),
  t(10, 'B', 'Learned and relative positions', '可学习位置与相对位置', ['positional'], [], true),
  t(11, 'B', 'Embedding scale √d_model', '嵌入缩放 √d_model', ['embedding']),
  t(12, 'C', 'Q, K, V roles', 'Q、K、V 的角色', ['qkv']),
  t(13, 'C', 'Why separate W_Q and W_K', '为什么 W_Q 与 W_K 要分开', ['scores']),
  t(14, 'C', 'Scaled dot-product', '缩放点积注意力', ['scores', 'softmax', 'weighted-sum']),
  t(15, 'C', 'Why divide by √d_k', '为什么除以 √d_k', ['scores'], ['no-scaling']),
  t(16, 'C', 'Dot-product vs additive attention', '点积注意力与加性注意力', ['scores'], [], true),
  t(17, 'C', 'Multi-head', '多头注意力', ['heads', 'concat'], ['one-head', 'head-off']),
  t(18, 'C', 'Shape drill', '形状推演', ['qkv']),
  t(19, 'C', 'Self-attention cost', '自注意力的计算开销', ['complexity']),
  t(20, 'C', 'Efficient variants', '高效注意力变体', ['complexity'], [], true),
  t(21, 'D', 'Causal (look-ahead) mask', '因果（前瞻）掩码', ['mask'], ['causal-mask-off']),
  t(22, 'D', 'Padding mask vs sequence mask', '填充掩码与序列掩码', ['mask']),
  t(23, 'D', 'Cross-attention', '交叉注意力', ['cross-attn']),
  t(24, 'D', 'The two decoder attentions compared', '解码器中两种注意力的比较', ['decoder-self-attn', 'cross-attn']),
  t(25, 'D', 'Final linear + softmax', '最后的线性层与 softmax', ['output']),
  t(26, 'E', 'Residual connection', '残差连接', ['add-norm']),
  t(27, 'E', 'LayerNorm formula', '层归一化公式', ['add-norm']),
  t(28, 'E', 'LayerNorm vs BatchNorm', '层归一化与批归一化', ['add-norm']),
  t(29, 'E', 'Post-norm vs pre-norm', '后归一化与前归一化', ['add-norm'], ['pre-norm']),
  t(30, 'E', 'FFN', '前馈网络', ['ffn']),
  t(31, 'E', 'Why expand then project', '为什么先升维再降维', ['ffn']),
  t(32, 'E', 'Activations', '激活函数', ['ffn'], ['gelu']),
  t(33, 'E', 'Residual vs activation', '残差与激活函数', ['add-norm']),
  t(34, 'F', 'Teacher forcing', '教师强制', ['decoding']),
  t(35, 'F', 'Autoregressive inference', '自回归推理', ['decoding'], ['decode-steps']),
  t(36, 'F', 'Exposure bias', '暴露偏差', ['decoding']),
  t(37, 'F', 'KV cache', 'KV 缓存', ['decoding']),
  t(38, 'F', 'Loss', '损失函数', ['output']),
  t(39, 'F', 'Optimizer and schedule', '优化器与学习率调度', ['train']),
  t(40, 'F', 'Regularization and engineering', '正则化与工程技巧', ['train'], [], true),
  t(41, 'F', 'Debugging', '调试', ['train'], ['lr-too-high']),
  t(42, 'F', 'Vanishing and exploding gradients', '梯度消失与梯度爆炸', ['add-norm']),
  t(43, 'G', 'BERT-style classification with [CLS]; GPT-style generation; T5 text-to-text', 'BERT 式 [CLS] 分类、GPT 式生成与 T5 文本到文本', ['overview'], [], true),
  t(44, 'G', 'Vision and multimodal', '视觉与多模态', ['overview'], [], true),
  t(45, 'G', 'Parameter-efficient tuning', '参数高效微调', ['overview'], [], true),
  t(46, 'G', 'Mixture of experts (Switch Transformer)', '混合专家（Switch Transformer）', ['ffn'], [], true),
  t(47, 'G', 'Limitations in one breath', '一口气说清局限性', ['complexity']),
  // The curriculum names no panel for 48: self-attention's pipeline starts at Q, K, V; the
  // whole-model practice card opens the overview.
  t(48, 'H', 'A model answer to "explain self-attention"', '“讲讲自注意力”的示范回答', ['qkv', 'overview'], [], true),
].map(withBackward);

const byId = new Map(TOPICS.map((topic) => [topic.id, topic]));

export function topicById(id: number): Topic | undefined {
  return byId.get(id);
}
