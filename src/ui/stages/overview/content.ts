// Texts of the `overview` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';
import type { BlockKind, BlockSide } from '../../../model/parameterCounts';

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

/** The overview of the two one-stack families (StageDefinition.familyTexts). */
export const familyTexts: Partial<Record<'decoder' | 'encoder', { title: Bilingual; explain: StageExplanation }>> = {
  decoder: {
    title: { en: 'Overview: the decoder-only model', zh: '总览：仅解码器模型' },
    explain: {
      what: {
        en: 'One stack of decoder layers reads one sequence: <bos>, the English words, <sep>, then the Chinese written so far. Each layer has masked self-attention (every position sees itself and the positions before it) and a feed-forward network; a linear layer and a softmax predict the next token, which is appended and read again. There is no encoder and no cross-attention: the English prompt is simply the start of the sequence.',
        zh: '一个由解码器层组成的堆栈读入一个序列：<bos>、英文词、<sep>，然后是目前已写出的中文。每一层有掩码自注意力（每个位置看到自己和它之前的位置）和一个前馈网络；一个线性层和 softmax 预测下一个词元，把它追加到序列末尾再读一遍。没有编码器，也没有交叉注意力：英文提示只是序列的开头。',
      },
      why: {
        en: 'A decoder-only model turns every task into continuing a text: one stack and one objective, predicting the next token, which trains the same way on any text and scales simply. Translation becomes a prompt, as in GPT-style models.',
        zh: '仅解码器模型把每个任务都变成续写文本：一个堆栈、一个目标——预测下一个词元，在任何文本上都用同样的方式训练，扩展起来也简单。翻译就成了一个提示，GPT 式模型就是这样做的。',
      },
      problem: {
        en: 'It needs no separate encoder and no cross-attention between two stacks: one set of layers and one next-token loss serve prompt and answer alike. The price: the prompt is read causally too, so each English word sees only the words before it, unlike the bidirectional view of an encoder.',
        zh: '它不需要单独的编码器，也不需要两个堆栈之间的交叉注意力：一组层、一个下一词元损失同时处理提示和回答。代价是提示也按因果方式读取，每个英文词只能看到它前面的词，不像编码器那样双向地看。',
      },
    },
  },
  encoder: {
    title: { en: 'Overview: the encoder-only model', zh: '总览：仅编码器模型' },
    explain: {
      what: {
        en: 'One stack of encoder layers reads the English words, <mask> where a word is hidden, and <eos>. Each layer has bidirectional self-attention (every token sees every token) and a feed-forward network. A prediction head (the MLM head: a linear layer and a softmax) gives a distribution over the vocabulary at every position; at a <mask> its most probable word is the model’s fill. Nothing is generated token by token.',
        zh: '一个由编码器层组成的堆栈读入英文词（被遮住的词处是 <mask>）和 <eos>。每一层有双向自注意力（每个词元都看到所有词元）和一个前馈网络。一个预测头（MLM 预测头：线性层加 softmax）在每个位置给出整个词表上的分布；在 <mask> 处，概率最大的词就是模型填的词。不会逐个词元地生成。',
      },
      why: {
        en: 'Understanding tasks (classification, tagging, retrieval) need a vector for every token that reflects the whole input, in both directions. BERT-style encoders learn such vectors from plain text by masked language modelling.',
        zh: '理解类任务（分类、标注、检索）需要每个词元都有一个反映整个输入、并且是双向的向量。BERT 式编码器通过掩码语言建模，从普通文本中学到这样的向量。',
      },
      problem: {
        en: 'A left-to-right model sees only the past, but filling a blank or reading a word in context needs the words after it too. Hiding some input words gives a training signal without labels while attention stays bidirectional.',
        zh: '从左到右的模型只能看到前文，而填空或在上下文中理解一个词还需要它后面的词。遮住一些输入词，既能在没有标注的情况下得到训练信号，又保持注意力是双向的。',
      },
    },
  },
};

/** Words of the diagram's blocks; {{x}} placeholders are filled with this model's sizes. */
export const blocks = {
  encInput: { en: 'Source tokens', zh: '源词元' },
  decInput: { en: 'Output so far, shifted right', zh: '已生成的输出（右移一位）' },
  embed: { en: 'Embedding {{v}} × {{d}}, ×√{{d}}', zh: '嵌入 {{v}} × {{d}}，×√{{d}}' },
  embedPlain: { en: 'Embedding {{v}} × {{d}}', zh: '嵌入 {{v}} × {{d}}' },
  posSin: { en: '+ positional encoding (sinusoidal)', zh: '+ 位置编码（正弦）' },
  posLearned: { en: '+ positional encoding (learned)', zh: '+ 位置编码（可学习）' },
  posNone: { en: 'no positional encoding', zh: '无位置编码' },
  selfAttn: { en: 'Self-attention · {{h}} heads × {{dh}}', zh: '自注意力 · {{h}} 个头 × {{dh}}' },
  maskedAttn: { en: 'Masked self-attention · {{h}} heads', zh: '掩码自注意力 · {{h}} 个头' },
  crossAttn: { en: 'Cross-attention · K, V from the encoder', zh: '交叉注意力 · K、V 来自编码器' },
  addNorm: { en: 'Add & Norm', zh: '残差相加与归一化' },
  addNormPre: { en: 'Add (LayerNorm came before the sublayer)', zh: '残差相加（层归一化在子层之前）' },
  ffn: { en: 'Feed-forward {{d}} → {{f}} → {{d}} ({{act}})', zh: '前馈网络 {{d}} → {{f}} → {{d}}（{{act}}）' },
  linear: { en: 'Linear {{d}} → {{v}} (logits)', zh: '线性层 {{d}} → {{v}}（logits）' },
  softmax: { en: 'Softmax → next token, fed back as input', zh: 'Softmax → 下一个词元，再送回输入' },
  seqInput: { en: '<bos> prompt <sep> + output so far', zh: '<bos> 提示 <sep> + 已生成的输出' },
  maskedInput: { en: 'Words, <mask> where one is hidden', zh: '词序列，被遮住的词为 <mask>' },
  mlmLinear: { en: 'MLM head {{d}} → {{v}} (logits at every position)', zh: 'MLM 预测头 {{d}} → {{v}}（每个位置的 logits）' },
  mlmSoftmax: { en: 'Softmax → the word at each <mask>', zh: 'Softmax → 每个 <mask> 处的词' },
  stack: { en: '× N = {{n}} layers', zh: '× N = {{n}} 层' },
  stackTitle: { en: 'Open the encoder stack: every layer and head', zh: '打开编码器堆栈：每一层、每个头' },
  memory: { en: 'encoder output ({{s}} × {{d}}) → K, V of every decoder layer', zh: '编码器输出（{{s}} × {{d}}）→ 每个解码器层的 K、V' },
  encoder: { en: 'Encoder', zh: '编码器' },
  decoder: { en: 'Decoder', zh: '解码器' },
} satisfies Record<string, Bilingual>;

export const families = {
  heading: { en: 'Three families: pick one to see which part it keeps', zh: '三类模型：选一个，看它保留哪一部分' },
  encDec: { en: 'Encoder-decoder · original Transformer, T5', zh: '编码器-解码器 · 原始 Transformer、T5' },
  thisModel: { en: '{{name}} (this model)', zh: '{{name}}（本模型）' },
  encOnly: { en: 'Encoder-only · BERT', zh: '仅编码器 · BERT' },
  decOnly: { en: 'Decoder-only · GPT (no cross-attention)', zh: '仅解码器 · GPT（没有交叉注意力）' },
  encDecNote: {
    en: 'Both stacks, joined by cross-attention: maps one sequence to another (translation, summarization). T5 casts every task as text-to-text with a prefix such as “translate English to German:”.',
    zh: '两个堆栈都保留，通过交叉注意力相连：把一个序列映射成另一个序列（翻译、摘要）。T5 把每个任务都写成文本到文本，并加上 “translate English to German:” 这样的任务前缀。',
  },
  encOnlyNote: {
    en: 'The left stack alone: every token sees the whole input in both directions. BERT is pre-trained by predicting masked-out words (masked language modelling) and classifies from the final vector of a [CLS] token put before the input.',
    zh: '只保留左边的堆栈：每个词元都能双向看到整个输入。BERT 通过预测被遮住的词来预训练（掩码语言模型），分类时读取放在输入最前面的 [CLS] 词元的最终向量。',
  },
  decOnlyNote: {
    en: 'The right stack without cross-attention: prompt and answer are one sequence under the causal mask, and the model is trained to predict the next token. It generates one token at a time, like the translator’s decoder.',
    zh: '只保留右边的堆栈，并去掉交叉注意力：提示和回答是同一个序列，在因果掩码下训练模型预测下一个词元。它像翻译模型的解码器一样，一次生成一个词元。',
  },
  beyond: {
    en: 'The same blocks travel further: ViT runs the encoder on 16×16 image patches; CLIP trains an image encoder and a text encoder together. Fine-tuning (instruction tuning, RLHF, LoRA’s low-rank updates of the weight matrices) changes the numbers in these blocks, not the diagram.',
    zh: '同样的部件还能用在别处：ViT 把编码器用在 16×16 的图像块上；CLIP 同时训练一个图像编码器和一个文本编码器。微调（指令微调、RLHF、LoRA 对权重矩阵的低秩更新）改变的是这些部件里的数值，而不是这张图。',
  },
  dropped: { en: 'not part of this family', zh: '这一类模型没有这部分' },
} satisfies Record<string, Bilingual>;

export const text = {
  clickHint: {
    en: 'Every block is a button that opens its stage (Tab to reach them, Enter to open). The numbers are this model’s sizes.',
    zh: '每个方块都是按钮，点击可打开对应阶段（用 Tab 移到方块上，按 Enter 打开）。图中的数字是本模型的规模。',
  },
  diagramLabel: { en: 'Encoder-decoder diagram of this model', zh: '本模型的编码器-解码器结构图' },
  diagramLabelDecoder: { en: 'Decoder-only diagram of this model', zh: '本模型的仅解码器结构图' },
  diagramLabelEncoder: { en: 'Encoder-only diagram of this model', zh: '本模型的仅编码器结构图' },
  thisFamily: { en: 'This model is {{family}}: the diagram draws only what it has.', zh: '本模型属于{{family}}：图中只画出它具有的部分。' },
  sizeVocabJoint: { en: 'vocabulary: one joint (English + Chinese)', zh: '词表：一个联合词表（英文 + 中文）' },
  sizeVocabEnglish: { en: 'vocabulary: English', zh: '词表：英文' },
  normPost: {
    en: 'This model is post-norm, as in the paper: each sublayer’s output is LayerNorm(x + Sublayer(x)).',
    zh: '本模型与论文一样使用后归一化（post-norm）：每个子层的输出是 LayerNorm(x + Sublayer(x))。',
  },
  normPre: {
    en: 'This model is pre-norm: LayerNorm is applied to each sublayer’s input, x + Sublayer(LayerNorm(x)), and once more at the end of each stack.',
    zh: '本模型使用前归一化（pre-norm）：LayerNorm 作用在每个子层的输入上，即 x + Sublayer(LayerNorm(x))，并在每个堆栈末尾再做一次。',
  },
  insideTitle: { en: 'Inside one attention block, stage by stage', zh: '一个注意力块的内部，逐个阶段' },
  sizesCaption: { en: 'This model’s sizes next to the paper’s base model', zh: '本模型与论文 base 模型的规模对比' },
  sizeColThis: { en: 'this model', zh: '本模型' },
  sizeColBase: { en: 'paper, base', zh: '论文 base' },
  sizeD: { en: 'model width D (d_model)', zh: '模型宽度 D（d_model）' },
  sizeH: { en: 'heads H (each Dh = D/H wide)', zh: '头数 H（每个宽 Dh = D/H）' },
  sizeLayers: { en: 'layers N (encoder + decoder)', zh: '层数 N（编码器 + 解码器）' },
  sizeF: { en: 'feed-forward width F (d_ff)', zh: '前馈网络宽度 F（d_ff）' },
  sizeVocab: { en: 'vocabulary: English / Chinese', zh: '词表：英文 / 中文' },
  sizeParams: { en: 'parameters', zh: '参数个数' },
  sizeLen: { en: 'longest sequence (maxLen)', zh: '最长序列（maxLen）' },
  sizeBaseVocab: { en: '37,000 shared (byte-pair)', zh: '37,000 共享（BPE）' },
  sizeBaseParams: { en: 'about 65 million', zh: '约 6500 万' },
  blocksCaption: {
    en: 'This model’s {{total}} parameters, block by block (counted from its parameter list)',
    zh: '本模型的 {{total}} 个参数，逐块统计（由它的参数表数出）',
  },
  blocksColBlock: { en: 'block', zh: '模块' },
  blocksColEach: { en: 'each', zh: '每个' },
  blocksColCount: { en: 'how many', zh: '个数' },
  blocksColTotal: { en: 'total', zh: '合计' },
  blocksColShare: { en: 'share', zh: '占比' },
  blocksFormulas: {
    en: 'With D = {{d}} and F = {{f}}: an attention block has 4(D² + D) = {{att}} (W_Q, W_K, W_V, W_O and their biases), an FFN 2·D·F + F + D = {{ffn}}, a LayerNorm 2D = {{ln}} (γ and β). The paper’s base model (D = 512, F = 2048) has 3.15M per encoder layer and 4.2M per decoder layer.',
    zh: 'D = {{d}}、F = {{f}} 时：一个注意力块有 4(D² + D) = {{att}} 个参数（W_Q、W_K、W_V、W_O 及其偏置），前馈网络 2·D·F + F + D = {{ffn}} 个，层归一化（LayerNorm）2D = {{ln}} 个（γ 和 β）。论文的 base 模型（D = 512，F = 2048）每个编码器层约 315 万、每个解码器层约 420 万个参数。',
  },
  sizeBaseLen: { en: 'not fixed (sinusoids)', zh: '不固定（正弦编码）' },
} satisfies Record<string, Bilingual>;

/** The RNN-versus-Transformer comparison and the inductive biases the cards refer to. */
export const parallel = {
  heading: { en: 'Why it trains faster than an RNN', zh: '为什么它比 RNN 训练得快' },
  rnnTitle: { en: 'RNN: one step after another', zh: 'RNN：一步接一步' },
  rnnCaption: {
    en: 'Step t needs the state of step t−1, so the {{s}} tokens of this sentence take {{s}} sequential steps per layer, and “{{first}}” reaches “{{last}}” only through {{path}} steps.',
    zh: '第 t 步需要第 t−1 步的状态，所以这个句子的 {{s}} 个词元在每一层都要依次走 {{s}} 步，“{{first}}” 要经过 {{path}} 步才能影响到 “{{last}}”。',
  },
  attnTitle: { en: 'Self-attention: all positions at once', zh: '自注意力：所有位置同时计算' },
  attnCaption: {
    en: 'Every token scores every token in one matrix product: {{pairs}} query–key pairs per head, all computed in parallel, and any two tokens are one step apart. The work is not smaller (it grows with the square of the length) but the sequential depth per layer drops from {{s}} to 1.',
    zh: '每个词元在一次矩阵乘法里给所有词元打分：每个头 {{pairs}} 个查询–键对，全部并行计算，任意两个词元之间只隔一步。计算量并没有变少（随长度的平方增长），但每层的串行深度从 {{s}} 降到 1。',
  },
  teacherForcing: {
    en: 'In training the decoder is parallel too: the whole target goes in at once (teacher forcing) and the causal mask keeps each position from seeing later ones. Only generation runs token by token.',
    zh: '训练时解码器同样是并行的：整个目标句一次输入（教师强制），因果掩码保证每个位置看不到后面的位置。只有生成时才需要逐个词元地运行。',
  },
  biasHeading: { en: 'What each architecture assumes (inductive bias)', zh: '各种结构预先假设了什么（归纳偏置）' },
  cnn: {
    en: 'CNN: locality and translation equivariance — nearby things matter, and the same filter applies everywhere.',
    zh: 'CNN：局部性与平移等变——相邻的东西更相关，同一个卷积核用在每个位置。',
  },
  rnn: {
    en: 'RNN: sequential order — inputs are read one by one into a shared state.',
    zh: 'RNN：顺序——输入一个接一个地读入同一个共享状态。',
  },
  transformer: {
    en: 'Transformer: almost nothing — every token may attend to every other, and order exists only through the positional encoding. It has to learn structure from data, which is why Transformers are data-hungry and shine at scale.',
    zh: 'Transformer：几乎不作假设——每个词元都可以关注其他所有词元，顺序只通过位置编码进入。结构必须从数据中学出来，所以 Transformer 需要大量数据，在大规模时表现最好。',
  },
  complexityLink: { en: 'See the cost as sentences grow', zh: '查看句子变长时的计算量' },
  rnnLabel: { en: 'RNN chain over this sentence', zh: '本句上的 RNN 链' },
  attnLabel: { en: 'Self-attention over this sentence: every pair connected', zh: '本句上的自注意力：每一对都相连' },
} satisfies Record<string, Bilingual>;

/** The stages inside one attention block, in order, for the strip under the diagram. */
export const insideAttention: Array<{ stage: 'qkv' | 'scores' | 'mask' | 'softmax' | 'weighted-sum' | 'heads' | 'concat'; label: Bilingual }> = [
  { stage: 'qkv', label: { en: 'Q, K, V = X·W', zh: 'Q、K、V = X·W' } },
  { stage: 'scores', label: { en: 'QKᵀ/√Dh', zh: 'QKᵀ/√Dh' } },
  { stage: 'mask', label: { en: 'mask', zh: '掩码' } },
  { stage: 'softmax', label: { en: 'softmax', zh: 'softmax' } },
  { stage: 'weighted-sum', label: { en: '· V', zh: '· V' } },
  { stage: 'heads', label: { en: 'H heads', zh: 'H 个头' } },
  { stage: 'concat', label: { en: 'concat · W_O', zh: '拼接 · W_O' } },
];

/** Names of the parameter table's blocks (src/model/parameterCounts.ts). */
export const blockSide = {
  encoder: { en: 'encoder', zh: '编码器' },
  decoder: { en: 'decoder', zh: '解码器' },
  output: { en: 'output', zh: '输出' },
} satisfies Record<BlockSide, Bilingual>;

export const blockKind = {
  embedding: { en: 'token embedding', zh: '词元嵌入' },
  positions: { en: 'learned positions', zh: '可学习的位置编码' },
  'self-attention': { en: 'self-attention', zh: '自注意力' },
  'masked-self-attention': { en: 'masked self-attention', zh: '掩码自注意力' },
  'cross-attention': { en: 'cross-attention', zh: '交叉注意力' },
  ffn: { en: 'feed-forward network', zh: '前馈网络' },
  layernorm: { en: 'LayerNorm', zh: '层归一化' },
  'final-layernorm': { en: 'final LayerNorm (pre-norm)', zh: '最终层归一化（前置归一化）' },
  projection: { en: 'linear to the vocabulary', zh: '到词表的线性层' },
} satisfies Record<BlockKind, Bilingual>;

