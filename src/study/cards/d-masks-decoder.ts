// Section D — masks and the decoder (topics 21–25).
import type { Card } from '../types';

export const SECTION_D: readonly Card[] = [
  {
    id: 'd21-causal-mask',
    topic: 21,
    tags: ['mask', 'decoder', 'causal'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'What is the causal mask, and why does training need it?',
      zh: '什么是因果掩码？训练时为什么需要它？',
    },
    answer: {
      en: 'In decoder self-attention, −∞ (in practice a large negative number) is added to the score of every key after the query — the upper triangle — before the softmax. Those weights become 0, so position t uses only positions ≤ t. Training feeds the whole target at once (teacher forcing); without the mask each position could simply read the next gold token, and the model would learn to copy instead of to predict.',
      zh: '在解码器自注意力中，softmax 之前给查询之后的每个键的分数（即上三角部分）加上 −∞（实际用一个很大的负数）。这些权重变为 0，位置 t 只能使用 ≤ t 的位置。训练时整个目标序列一次性输入（教师强制）；没有掩码，每个位置都能直接读到下一个标准答案词元，模型学会的是抄写而不是预测。',
    },
    formula: String.raw`M_{ij} = \begin{cases} 0 & j \le i \\ -\infty & j > i \end{cases}`,
    stage: 'mask',
    highlight: 'causal-triangle',
  },
  {
    id: 'd21-mask-value',
    topic: 21,
    tags: ['mask', 'causal'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the value given to masked scores.',
      zh: '填空：被掩码的分数设为什么值。',
    },
    answer: {
      en: '−∞, or in practice a large finite negative such as −1e9 (this app’s shaders avoid infinities). exp(−∞) = 0, so masked keys get no weight; a row in which every key is masked is defined to give zeros here.',
      zh: '−∞，实际中用 −1e9 这样很大的有限负数（本应用的着色器避免使用无穷大）。exp(−∞) = 0，所以被屏蔽的键得不到任何权重；若一行中所有键都被屏蔽，本应用规定输出全零。',
    },
    cloze: {
      text: {
        en: 'Masked scores are set to {{gap}} before the softmax, so their weights become 0.',
        zh: '在 softmax 之前，被掩码的分数设为 {{gap}}，使其权重变为 0。',
      },
      answers: ['−∞', '-inf', '-infinity', 'negative infinity', 'minus infinity', '负无穷', '负无穷大', '-1e9'],
    },
    stage: 'mask',
    highlight: 'causal-triangle',
  },
  {
    id: 'd21-predict-mask-off',
    topic: 21,
    tags: ['mask', 'causal', 'experiment', 'leakage'],
    difficulty: 2,
    kind: 'predict',
    question: {
      en: 'Train with the causal mask switched off. Predict the training loss, and the translations that real decoding produces.',
      zh: '关掉因果掩码进行训练。预测训练损失，以及真正解码时得到的译文。',
    },
    answer: {
      en: 'Expect a lower training loss and real decoding that collapses. Every position can see the gold next token through self-attention, so the model leans on copying it and its teacher-forced numbers beat the normal run. At inference there is no future to look at: tokens come one at a time, the shortcut is gone, and the translations come out wrong or degenerate. A good training loss with failing decoding is the signature of a leak.',
      zh: '预计训练损失更低，真正解码时却彻底失败。每个位置都能通过自注意力看到下一个标准答案词元（token），模型学会依赖照抄，教师强制下的指标比正常训练还好。推理时没有未来可看：词元一个一个生成，捷径不复存在，译文会出错或退化。训练损失漂亮而实际解码失败，正是信息泄漏的典型表现。',
    },
    stage: 'mask',
    highlight: 'causal-triangle',
    experiment: 'causal-mask-off',
  },
  {
    id: 'd22-padding-vs-sequence',
    topic: 22,
    tags: ['mask', 'padding'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'What is the difference between the padding mask and the sequence mask, and which attentions use each?',
      zh: '填充掩码和序列掩码有什么区别？哪些注意力分别使用它们？',
    },
    answer: {
      en: 'The padding mask hides the key columns that belong to <pad> tokens, so no real token takes information from filler; every attention whose keys include padding uses it — encoder self-attention, decoder self-attention, and cross-attention over the source. The sequence mask is the causal one, hiding keys after the query; only decoder self-attention uses it, combined with the target’s padding mask. Padded query rows still produce outputs, but the loss ignores them.',
      zh: '填充掩码屏蔽属于 <pad> 词元的键列，使真实词元不会从填充物中取信息；凡是键中含有填充的注意力都要用它——编码器自注意力、解码器自注意力，以及对源端的交叉注意力。序列掩码就是因果掩码，屏蔽查询之后的键；只有解码器自注意力使用它，并与目标端的填充掩码合并。填充位置的查询行仍会产生输出，但计算损失时会被忽略。',
    },
    stage: 'mask',
    highlight: 'padding-columns',
  },
  {
    id: 'd22-mask-side',
    topic: 22,
    tags: ['mask', 'padding'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: which side of attention the padding mask acts on.',
      zh: '填空：填充掩码作用在注意力的哪一侧。',
    },
    answer: {
      en: 'The key side (columns). Masking only query rows would not stop real tokens from reading padding; padded query rows are simply ignored by the loss.',
      zh: '键的一侧（列）。只屏蔽查询行无法阻止真实词元读取填充；填充位置的查询行在计算损失时直接被忽略即可。',
    },
    cloze: {
      text: {
        en: 'The padding mask hides <pad> positions on the {{gap}} side of attention, so no token takes information from them.',
        zh: '填充掩码在注意力的{{gap}}一侧屏蔽 <pad> 位置，使任何词元都不会从它们那里取信息。',
      },
      answers: ['key', 'keys', 'k', 'column', 'columns', '键', '列'],
    },
    stage: 'mask',
    highlight: 'padding-columns',
  },
  {
    id: 'd23-cross-attention',
    topic: 23,
    tags: ['cross-attention', 'decoder', 'encoder'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'In cross-attention, where do Q, K and V come from, and is there a causal mask?',
      zh: '交叉注意力中的 Q、K、V 分别来自哪里？有没有因果掩码？',
    },
    answer: {
      en: 'Queries come from the decoder (the output of its masked self-attention sublayer); keys and values are projections of the encoder’s final output. That memory is the same for every decoder layer, but each layer has its own W_K and W_V, so its K and V differ. There is no causal mask: the whole source sentence is known, so every target position may look at every source token; only source padding is masked. This is how the decoder reads the sentence it is translating.',
      zh: '查询来自解码器（其带掩码自注意力子层的输出）；键和值是编码器最终输出的投影。这份记忆对所有解码器层都相同，但每层有自己的 W_K、W_V，所以各层的 K、V 不同。这里没有因果掩码：整个源句都是已知的，每个目标位置都可以看所有源词元（token），只屏蔽源端的填充。解码器正是靠它来读取要翻译的句子。',
    },
    formula: String.raw`\mathrm{CrossAttn}(Y, H) = \mathrm{softmax}\!\left(\frac{(YW_Q)(HW_K)^{\top}}{\sqrt{d_k}}\right) HW_V`,
    stage: 'cross-attn',
    highlight: 'cross-sources',
  },
  {
    id: 'd23-kv-source',
    topic: 23,
    tags: ['cross-attention'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the source of cross-attention’s keys and values.',
      zh: '填空：交叉注意力中键和值的来源。',
    },
    answer: {
      en: 'The encoder: its final layer’s output, computed once per source sentence and read by every decoder layer at every decoding step, each layer through its own W_K and W_V.',
      zh: '编码器：它最后一层的输出，每个源句只算一次，每个解码器层在每个解码步都读取它，只是各层用自己的 W_K、W_V 做投影。',
    },
    cloze: {
      text: {
        en: 'In cross-attention, the queries come from the decoder and the keys and values come from the {{gap}}.',
        zh: '在交叉注意力中，查询来自解码器，键和值来自{{gap}}。',
      },
      answers: ['encoder', 'encoder output', 'encoder final output', '编码器', '编码器输出', '编码器的输出'],
    },
    stage: 'cross-attn',
    highlight: 'cross-sources',
  },
  {
    id: 'd23-alignment',
    topic: 23,
    tags: ['cross-attention', 'alignment', 'interpretability'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'How do you read a cross-attention heatmap of a translator?',
      zh: '如何解读翻译模型的交叉注意力热力图？',
    },
    answer: {
      en: 'Rows are target tokens (queries), columns are source tokens (keys), and each row sums to 1. A bright cell means that, while producing that target word, the decoder drew mostly on that source word, so the map often looks like a soft word alignment — near-diagonal where the word order agrees, off the diagonal where the languages reorder. Heads and layers align differently, and a heatmap is a clue, not a proof of what caused the output.',
      zh: '行是目标词元（查询），列是源词元（键），每行之和为 1。某个格子很亮，说明生成这个目标词时解码器主要取用了那个源词，所以热力图常常像一张“软”的词对齐图——语序一致处接近对角线，语序调换处偏离对角线。不同的头和层对齐方式不同；热力图只是线索，并不能证明是什么导致了输出。',
    },
    stage: 'cross-attn',
    highlight: 'cross-alignment',
  },
  {
    id: 'd23-memory-sequence',
    topic: 23,
    tags: ['cross-attention', 'encoder', 'rnn', 'seq2seq'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Does the encoder compress the source sentence into one fixed-length vector, as RNN seq2seq models did?',
      zh: '编码器会像 RNN 序列到序列模型那样，把源句压缩成一个定长向量吗？',
    },
    answer: {
      en: 'No. The encoder returns one d_model-wide vector per source token: an (S, d_model) memory that grows with the sentence. The first RNN encoder-decoders squeezed the whole source into their final hidden state, a bottleneck that hurt long sentences; Bahdanau attention eased it by letting the decoder look back at every encoder state, and the Transformer keeps that idea. In every decoder layer and at every step, cross-attention reads the whole memory and takes what the current word needs.',
      zh: '不会。编码器为每个源词元（token）输出一个 d_model 维向量：一份形状为 (S, d_model)、随句子变长的记忆。早期的 RNN 编码器-解码器把整个源句压进最后一个隐藏状态，这个瓶颈让长句效果变差；Bahdanau 注意力让解码器回看每个编码器状态，缓解了它，Transformer 沿用了这一思路。每个解码器层、每一步，交叉注意力都读取整份记忆，取当前词所需的信息。',
    },
    stage: 'cross-attn',
    highlight: 'cross-sources',
  },
  {
    id: 'd24-two-attentions',
    topic: 24,
    tags: ['decoder', 'cross-attention', 'mask'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Compare the decoder’s two attention sublayers: where do Q, K and V come from, and which masks apply?',
      zh: '比较解码器中的两个注意力子层：Q、K、V 各来自哪里？各用什么掩码？',
    },
    answer: {
      en: 'Masked self-attention: Q, K and V all come from the decoder’s own tokens, with the causal mask plus the target padding mask; it builds a representation of each target prefix. Cross-attention: Q from the decoder, K and V from the encoder output, with only the source padding mask; it fetches information from the source. The self-attention score matrix is T × T, the cross-attention one T × S.',
      zh: '带掩码的自注意力：Q、K、V 都来自解码器自己的词元，使用因果掩码加目标端填充掩码，用来构建每个目标前缀的表示。交叉注意力：Q 来自解码器，K 和 V 来自编码器输出，只用源端填充掩码，用来从源句取信息。自注意力的分数矩阵是 T × T，交叉注意力的是 T × S。',
    },
    stage: 'decoder-self-attn',
    highlight: 'decoder-masks',
  },
  {
    id: 'd25-output-layer',
    topic: 25,
    tags: ['output', 'softmax', 'decoding'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'How does the decoder turn its last hidden state into the next token?',
      zh: '解码器如何把最后的隐藏状态变成下一个词元？',
    },
    answer: {
      en: 'A linear layer maps the d_model vector to one logit per vocabulary entry (in the paper its weights are shared with the embeddings), and a softmax turns the logits into probabilities. Greedy decoding takes the arg max. Sampling first divides the logits by a temperature τ — below 1 sharpens, above 1 flattens — and top-k keeps only the k most likely tokens before renormalising.',
      zh: '一个线性层把 d_model 维向量映射为词表中每个词一个 logit（论文中它的权重与嵌入共享），再用 softmax 把 logit 变成概率。贪心解码取概率最大者。采样时先把 logit 除以温度 τ——小于 1 使分布更尖锐，大于 1 使其更平坦——top-k 则只保留概率最高的 k 个词再重新归一化。',
    },
    formula: String.raw`p_i = \frac{\exp(z_i / \tau)}{\sum_j \exp(z_j / \tau)}`,
    stage: 'output',
    highlight: 'topk',
  },
  {
    id: 'd25-temperature',
    topic: 25,
    tags: ['output', 'sampling', 'temperature'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the limit of low temperature.',
      zh: '填空：温度趋于零的极限。',
    },
    answer: {
      en: 'Greedy (arg max) decoding: dividing by a tiny τ blows up the gaps between logits, so all the probability goes to the largest one. As τ → ∞ the distribution becomes uniform instead.',
      zh: '贪心（arg max）解码：除以极小的 τ 会放大 logit 之间的差距，全部概率都集中到最大的那个上。反之 τ → ∞ 时分布趋于均匀。',
    },
    cloze: {
      text: {
        en: 'As the temperature τ → 0, sampling from softmax(z/τ) becomes {{gap}} decoding.',
        zh: '当温度 τ → 0 时，从 softmax(z/τ) 中采样就变成了{{gap}}解码。',
      },
      answers: ['greedy', 'argmax', 'arg max', '贪心', '贪婪'],
    },
    stage: 'output',
    highlight: 'topk',
  },
];
