// Section H — how to answer: spoken practice against a timer (topic 48).
import type { Card } from '../types';

export const SECTION_H: readonly Card[] = [
  {
    id: 'h48-explain-self-attention',
    topic: 48,
    tags: ['practice', 'self-attention', 'interview'],
    difficulty: 2,
    kind: 'practice',
    question: {
      en: 'Explain self-attention in under a minute, from intuition to formula. Say it aloud, then reveal the model answer.',
      zh: '用不到一分钟讲清自注意力，从直觉讲到公式。先大声说出来，再查看示范回答。',
    },
    answer: {
      en: 'A word needs context from the rest of the sentence — “it” has to find what it refers to. Self-attention lets every token look at every other token and take a weighted mix of their information. Each token is projected into a query (what it looks for), a key (what it offers) and a value (what it passes on). The scores are query-key dot products divided by √d_k so the softmax does not saturate; a softmax over the keys turns them into weights, and the output is the weighted sum of the values: softmax(QKᵀ/√d_k)V. All positions are computed in parallel and any two tokens interact in one step; several heads do this in different subspaces, and the price is O(n²) cost in the sequence length.',
      zh: '一个词需要从句子其余部分获取上下文——比如“它”要找到自己指代的对象。自注意力让每个词元都能看所有其他词元，并按权重混合它们的信息。每个词元被投影成查询（它在找什么）、键（它能提供什么）和值（它要传递什么）。分数是查询与键的点积再除以 √d_k，以免 softmax 饱和；对键做 softmax 得到权重，输出就是值的加权和：softmax(QKᵀ/√d_k)V。所有位置并行计算，任意两个词元一步就能交互；多个头在不同子空间里各做一遍，代价是随序列长度 O(n²) 的开销。',
    },
    formula: String.raw`\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}}\right)V`,
    practice: {
      seconds: 60,
      checklist: [
        { en: 'Intuition: each token gathers context as a weighted mix of the others', zh: '直觉：每个词元以加权混合的方式从其他词元收集上下文' },
        { en: 'Query, key and value: what each one is for', zh: '查询、键、值各自的作用' },
        { en: 'Scores as dot products, divided by √d_k — and why', zh: '分数是点积并除以 √d_k，以及为什么要除' },
        { en: 'Softmax over the keys gives weights that sum to 1', zh: '对键做 softmax，得到和为 1 的权重' },
        { en: 'Output = weighted sum of the values; the formula', zh: '输出是值的加权和；写出公式' },
        { en: 'Parallel over positions, one-step path between any two tokens', zh: '各位置并行计算，任意两个词元之间路径长度为 1' },
        { en: 'Multi-head in one sentence', zh: '用一句话带过多头' },
        { en: 'The cost: O(n²) in sequence length', zh: '代价：随序列长度 O(n²)' },
      ],
    },
    stage: 'qkv',
    stageNote: {
      en: 'The curriculum gives this topic no panel; the Q, K, V stage is where the pipeline this answer walks through begins.',
      zh: '课程大纲没有为这个主题指定面板；这段回答所讲的流程正是从 Q、K、V 阶段开始的。',
    },
    highlight: 'qkv-projections',
  },
  {
    id: 'h48-explain-transformer',
    topic: 48,
    tags: ['practice', 'architecture', 'interview'],
    difficulty: 3,
    kind: 'practice',
    question: {
      en: 'Explain the whole Transformer in two minutes: from input to output, then training and inference. Say it aloud, then reveal.',
      zh: '用两分钟讲清整个 Transformer：从输入到输出，再讲训练和推理。先大声说出来，再查看示范回答。',
    },
    answer: {
      en: 'Tokens are embedded, scaled by √d_model and summed with positional encodings, because attention by itself ignores order. Each of the encoder’s N layers applies multi-head self-attention and then a position-wise FFN, each wrapped in a residual connection and LayerNorm, giving a contextual vector per source token. Each decoder layer adds causally masked self-attention over the target prefix and cross-attention whose queries come from the decoder and whose keys and values come from the encoder; a final linear layer and softmax give next-token probabilities. Training uses teacher forcing with cross-entropy and label smoothing, Adam with warm-up, and computes all positions in parallel. Inference decodes one token at a time — greedy or beam search — usually with a KV cache.',
      zh: '词元先做嵌入、乘以 √d_model，再加上位置编码，因为注意力本身不管顺序。编码器的 N 层每层先做多头自注意力，再做逐位置前馈网络，每个子层都包着残差连接和层归一化，最终为每个源词元得到一个上下文向量。解码器每层多了带因果掩码、作用于目标前缀的自注意力，以及交叉注意力——查询来自解码器，键和值来自编码器；最后的线性层加 softmax 给出下一个词元的概率。训练时用教师强制，损失是带标签平滑的交叉熵，优化器是带预热的 Adam，所有位置并行计算。推理时一次解码一个词元——贪心或束搜索——通常配合 KV 缓存。',
    },
    practice: {
      seconds: 120,
      checklist: [
        { en: 'Input: embedding × √d_model + positional encoding, and why positions are needed', zh: '输入：嵌入 × √d_model + 位置编码，以及为什么需要位置' },
        { en: 'Encoder layer: self-attention + FFN, residual + LayerNorm', zh: '编码器层：自注意力 + 前馈网络，残差 + 层归一化' },
        { en: 'Decoder layer: masked self-attention, cross-attention, FFN', zh: '解码器层：带掩码的自注意力、交叉注意力、前馈网络' },
        { en: 'Where cross-attention’s Q, K and V come from', zh: '交叉注意力的 Q、K、V 各来自哪里' },
        { en: 'Output: linear layer + softmax over the vocabulary', zh: '输出：线性层 + 对词表做 softmax' },
        { en: 'Training: teacher forcing, cross-entropy, label smoothing, warm-up', zh: '训练：教师强制、交叉熵、标签平滑、预热' },
        { en: 'Inference: token by token, greedy or beam search, KV cache', zh: '推理：逐个词元生成，贪心或束搜索，KV 缓存' },
      ],
    },
    stage: 'overview',
    stageNote: {
      en: 'The curriculum gives this topic no panel; the overview shows the whole model this answer walks through.',
      zh: '课程大纲没有为这个主题指定面板；概览页展示了这段回答所讲的整个模型。',
    },
    highlight: 'encoder-decoder-blocks',
  },
];
