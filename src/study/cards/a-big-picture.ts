// Section A — the big picture (topics 1–5).
import type { Card } from '../types';

export const SECTION_A: readonly Card[] = [
  {
    id: 'a1-core-idea',
    topic: 1,
    tags: ['architecture', 'motivation'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'What does the Transformer replace with attention, and what are the two payoffs?',
      zh: 'Transformer 用注意力取代了什么？带来了哪两个好处？',
    },
    answer: {
      en: 'It drops recurrence and convolution and builds the network from attention plus position-wise layers. Payoff one: all positions are computed in parallel, which suits GPUs and makes training much faster than an RNN. Payoff two: any two tokens interact directly in one step, so long-range dependencies no longer have to survive a long chain of steps.',
      zh: '它去掉了循环和卷积，整个网络只由注意力和逐位置的前馈层搭成。好处一：所有位置并行计算，契合 GPU，训练比 RNN 快得多。好处二：任意两个词元一步就能直接交互，长距离依赖不必再穿过一长串时间步。',
    },
    stage: 'softmax',
    highlight: 'all-pairs',
  },
  {
    id: 'a1-path-length',
    topic: 1,
    tags: ['architecture', 'long-range'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the longest path between two positions.',
      zh: '填空：两个位置之间的最长路径。',
    },
    answer: {
      en: 'O(1): every query scores every key directly, so one layer connects all pairs. An RNN needs up to n steps; a stack of width-k convolutions needs O(n/k) layers, or O(log_k n) with dilation.',
      zh: 'O(1)：每个查询直接与每个键打分，一层就连通了所有位置对。RNN 最多要走 n 步；卷积核宽为 k 的卷积堆叠需要 O(n/k) 层，用空洞卷积也要 O(log_k n) 层。',
    },
    cloze: {
      text: {
        en: 'In self-attention, the longest path a signal travels between any two positions is {{gap}}; in an RNN it is O(n).',
        zh: '在自注意力中，任意两个位置之间信号传递的最长路径是 {{gap}}；在 RNN 中是 O(n)。',
      },
      answers: ['O(1)', '1', 'constant', 'one step', '常数', '一步'],
    },
    stage: 'softmax',
    highlight: 'all-pairs',
  },
  {
    id: 'a2-stack',
    topic: 2,
    tags: ['architecture', 'encoder', 'decoder'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Describe the layers of the original encoder and decoder, and the base model’s sizes.',
      zh: '描述原始编码器和解码器各层的组成，以及 base 模型的规模。',
    },
    answer: {
      en: 'The encoder is N identical layers, each with self-attention followed by a position-wise FFN; each decoder layer has masked self-attention, cross-attention over the encoder output, and an FFN. Every sublayer is wrapped as LayerNorm(x + Sublayer(x)). The base model uses N = 6, d_model = 512, h = 8 heads and d_ff = 2048; the “big” model uses 1024, 16 and 4096.',
      zh: '编码器由 N 个相同的层组成，每层先做自注意力，再做逐位置前馈网络；解码器的每层依次是带掩码的自注意力、对编码器输出的交叉注意力和前馈网络。每个子层都包成 LayerNorm(x + Sublayer(x))。base 模型取 N = 6、d_model = 512、h = 8、d_ff = 2048；big 模型取 1024、16 和 4096。',
    },
    formula: String.raw`\mathrm{LayerNorm}\big(x + \mathrm{Sublayer}(x)\big)`,
    stage: 'overview',
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'a2-base-heads',
    topic: 2,
    tags: ['architecture', 'hyperparameters'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the base model’s hyperparameters.',
      zh: '填空：base 模型的超参数。',
    },
    answer: {
      en: '8 heads, so each head has d_k = d_v = 512 / 8 = 64.',
      zh: '8 个头，所以每个头的 d_k = d_v = 512 / 8 = 64。',
    },
    cloze: {
      text: {
        en: 'Transformer base: N = 6 layers, d_model = 512, h = {{gap}} heads, d_ff = 2048.',
        zh: 'Transformer base：N = 6 层，d_model = 512，h = {{gap}} 个头，d_ff = 2048。',
      },
      answers: ['8', 'eight', '八'],
    },
    stage: 'overview',
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'a2-parameter-count',
    topic: 2,
    tags: ['architecture', 'parameters', 'hyperparameters'],
    difficulty: 3,
    kind: 'qa',
    question: {
      en: 'Count the parameters of each block and of the whole model: the paper’s base and big models, and this app’s.',
      zh: '算出每个模块和整个模型的参数量：论文的 base、big 模型，以及本应用的模型。',
    },
    answer: {
      en: 'With d = d_model and biases counted: attention has 4(d² + d) for W_Q, W_K, W_V and W_O; the FFN 2·d·d_ff + d_ff + d; a LayerNorm 2d. An encoder layer is attention, FFN and two norms; a decoder layer adds cross-attention and a third norm. Base (6 + 6 layers, d = 512): 3.15M per encoder layer, 4.2M per decoder layer, plus a shared 37k-token embedding of 19M, about 63M by this count (the paper lists 65M); big is about 213M. This app’s model has 142,530 parameters.',
      zh: '设 d = d_model，含偏置：注意力有 4(d² + d)（W_Q、W_K、W_V、W_O），前馈网络 2·d·d_ff + d_ff + d，层归一化 2d。编码器层是注意力、前馈网络加两个归一化；解码器层再加交叉注意力和第三个归一化。base（6 + 6 层，d = 512）：每个编码器层 315 万，每个解码器层 420 万，再加 3.7 万词表的共享嵌入 1900 万，这样算约 6300 万（论文记为 6500 万）；big 约 2.13 亿。本应用的模型有 142,530 个参数。',
    },
    formula: String.raw`\underbrace{4(d^2 + d)}_{\text{attention}}\qquad \underbrace{2\,d\,d_{ff} + d_{ff} + d}_{\text{FFN}}\qquad \underbrace{2d}_{\text{LayerNorm}}`,
    stage: 'overview',
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'a2-base-params',
    topic: 2,
    tags: ['architecture', 'parameters'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the size of Transformer base.',
      zh: '填空：Transformer base 的规模。',
    },
    answer: {
      en: 'About 65 million (the big model: about 213 million). Roughly 44M sit in the 12 layers and 19M in the shared embedding; the overview’s sizes table computes this app’s count live from its config.',
      zh: '约 6500 万（big 模型约 2.13 亿）。其中约 4400 万在 12 层里，1900 万在共享嵌入里；概览页的规模表会根据本应用的配置实时算出它的参数量。',
    },
    cloze: {
      text: {
        en: 'Transformer base (6 + 6 layers, d_model = 512, d_ff = 2048) has about {{gap}} million parameters.',
        zh: 'Transformer base（6 + 6 层，d_model = 512，d_ff = 2048）约有 {{gap}} 百万个参数。',
      },
      answers: ['65', '65M', '65 million'],
    },
    stage: 'overview',
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'a3-families',
    topic: 3,
    tags: ['architecture', 'bert', 'gpt', 't5'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Name the three Transformer families, what each is for, and an example of each.',
      zh: '说出 Transformer 的三大家族、各自的用途和代表模型。',
    },
    answer: {
      en: 'Encoder-decoder maps one sequence to another — translation, summarization; the original model and T5. Encoder-only reads the whole input in both directions for understanding tasks; BERT, trained with masked language modelling, classifies from the [CLS] vector. Decoder-only generates left to right under a causal mask; GPT, trained as a causal language model.',
      zh: '编码器-解码器把一个序列映射为另一个序列，用于翻译、摘要，代表是原始模型和 T5。仅编码器模型双向读取整个输入，用于理解类任务；BERT 用掩码语言模型预训练，用 [CLS] 向量做分类。仅解码器模型在因果掩码下从左到右生成；GPT 按因果语言模型训练。',
    },
    stage: 'overview',
    stageNote: {
      en: 'All three run here: “show me” puts the three shipped models side by side on one sentence, and the walkthrough’s family switch goes through each one stage by stage.',
      zh: '三种家族都在本应用中运行：“查看”会把三个内置模型放在同一个句子上并排比较，逐步讲解里的家族切换可以逐个阶段地看每一种。',
    },
    highlight: 'model-families',
    compare: { text: 'i ate the apple yesterday .' },
  },
  {
    id: 'a3-predict-last-word',
    topic: 3,
    tags: ['architecture', 'bert', 'gpt', 'masking', 'compare'],
    difficulty: 2,
    kind: 'predict',
    question: {
      en: 'Run “i ate the apple yesterday .” through the encoder-only and the decoder-only model. Predict which words the last word’s query may attend to in each, and which words the first word’s query may attend to.',
      zh: '把 “i ate the apple yesterday .” 分别送入仅编码器模型和仅解码器模型。预测在这两个模型里，最后一个词的查询可以关注哪些词，第一个词的查询又可以关注哪些词。',
    },
    answer: {
      en: 'In the encoder-only model attention is bidirectional: the last word’s row and the first word’s row both cover the whole sentence, and only padding would ever be masked. In the decoder-only model the causal mask covers prompt and continuation alike: the last word of the prompt sees itself and everything before it, but the first row, <bos>, sees only itself, so its weight on itself is exactly 1. That is why an encoder can use the words after a position, and a decoder-only model cannot.',
      zh: '在仅编码器模型里，注意力是双向的：最后一个词那一行和第一个词那一行都覆盖整个句子，只有填充才会被掩码。在仅解码器模型里，因果掩码同样覆盖提示和续写：提示的最后一个词能看到自己和它前面的所有词，而第一行 <bos> 只能看到它自己，所以它给自己的权重恰好是 1。这就是为什么编码器能利用一个位置之后的词，而仅解码器模型不能。',
    },
    stage: 'overview',
    stageNote: {
      en: '“Predict, then see” opens the compare view: each column draws the mask its model used and the weights of one head.',
      zh: '“预测后查看”会打开比较视图：每一列画出该模型实际使用的掩码和一个头的权重。',
    },
    compare: { text: 'i ate the apple yesterday .', focus: { family: 'encoder', layer: 1, head: 0 } },
  },
  {
    id: 'a4-why-fast',
    topic: 4,
    tags: ['architecture', 'rnn', 'parallelism'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Why does a Transformer train faster than an RNN?',
      zh: '为什么 Transformer 训练起来比 RNN 快？',
    },
    answer: {
      en: 'An RNN’s hidden state at step t depends on step t−1, so the steps of a sequence run one after another. A Transformer has no such chain: with teacher forcing and the causal mask, all positions of a sentence go through each layer as one batch of matrix multiplications, which a GPU runs in parallel. The total work is not smaller — attention is even quadratic — but the sequential depth per layer drops from n to 1.',
      zh: 'RNN 在第 t 步的隐藏状态依赖第 t−1 步，一个序列的各步只能依次计算。Transformer 没有这条链：借助教师强制和因果掩码，一句话的所有位置在每层中以一批矩阵乘法一次算完，GPU 可以并行执行。总计算量并没有变少（注意力甚至是平方级的），但每层的串行步数从 n 降到了 1。',
    },
    stage: 'overview',
    highlight: 'rnn-vs-parallel',
  },
  {
    id: 'a5-inductive-bias',
    topic: 5,
    tags: ['architecture', 'cnn', 'rnn', 'inductive-bias'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Compare the inductive biases of CNNs, RNNs and Transformers.',
      zh: '比较 CNN、RNN 和 Transformer 的归纳偏置。',
    },
    answer: {
      en: 'A CNN assumes locality and translation equivariance: nearby things matter, and the same filter applies everywhere. An RNN assumes sequential order and processes inputs one by one with a shared state. Self-attention assumes almost nothing — every token may attend to every other, and order exists only through positional encoding — so it must learn that structure from data, which is why Transformers are data-hungry and shine at scale.',
      zh: 'CNN 假设局部性和平移等变：相邻的东西更相关，到处共用同一组卷积核。RNN 假设先后顺序，带着共享状态逐个处理输入。自注意力几乎不作假设——每个词元都能关注其他所有词元，顺序只能靠位置编码提供——所以这些结构必须从数据中学出来。这就是 Transformer 需要大量数据、在大规模时才显出优势的原因。',
    },
    stage: 'overview',
    stageNote: {
      en: 'No panel compares architectures; the overview is the closest, showing attention connect every position to every other.',
      zh: '没有专门比较架构的面板；概览页最接近，它展示了注意力把每个位置与所有位置相连。',
    },
    highlight: 'rnn-vs-parallel',
  },
];
