// Section C — attention: Q/K/V, scaled dot-product, heads, shapes and cost (topics 12–20).
import type { Card } from '../types';

const attentionFormula = String.raw`\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}}\right)V`;

export const SECTION_C: readonly Card[] = [
  {
    id: 'c12-qkv-roles',
    topic: 12,
    tags: ['attention', 'qkv'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Explain the roles of queries, keys and values.',
      zh: '解释查询、键和值各自的作用。',
    },
    answer: {
      en: 'Attention is a soft database lookup. A token’s query says what it is looking for, its key says what it offers to be matched on, and its value is the content it hands over when matched. Query-key dot products decide how much each token takes from every other token’s value. All three are linear projections of the same input X (in cross-attention, K and V come from the encoder instead).',
      zh: '注意力是一种“软”的数据库查询。词元的查询（query）表示它在找什么，键（key）表示它能以什么被匹配，值（value）是被匹配时交出去的内容。查询与键的点积决定每个词元从其他每个词元的值中取多少。三者都是同一输入 X 的线性投影（交叉注意力中 K 和 V 则来自编码器）。',
    },
    formula: String.raw`Q = XW_Q,\qquad K = XW_K,\qquad V = XW_V`,
    stage: 'qkv',
    highlight: 'qkv-projections',
  },
  {
    id: 'c12-key',
    topic: 12,
    tags: ['attention', 'qkv'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: which vector is matched against the query?',
      zh: '填空：哪个向量与查询进行匹配？',
    },
    answer: {
      en: 'The key. The query is compared with every key; the resulting weights then mix the values.',
      zh: '键。查询与每个键比较，得到的权重再用来混合各个值。',
    },
    cloze: {
      text: {
        en: 'The {{gap}} vector is what a token offers to be matched on; the value is what it hands over.',
        zh: '{{gap}}向量表示一个词元能以什么被匹配；值向量是它被匹配后交出的内容。',
      },
      answers: ['key', 'k', '键'],
    },
    stage: 'qkv',
    highlight: 'qkv-projections',
  },
  {
    id: 'c13-separate-wq-wk',
    topic: 13,
    tags: ['attention', 'qkv', 'symmetry'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Why use separate W_Q and W_K instead of one shared projection?',
      zh: '为什么要用分开的 W_Q 和 W_K，而不是共用一个投影？',
    },
    answer: {
      en: 'With one matrix W, the score x_i W (x_j W)ᵀ equals the score of j with i: the score matrix is symmetric, so i’s raw score for j always equals j’s score for i. The diagonal x_i W (x_i W)ᵀ is a squared norm and tends to be large, so tokens attend mostly to themselves. Separate projections give an asymmetric bilinear form W_Q W_Kᵀ: a verb can look for its subject without the subject looking back.',
      zh: '若只用一个矩阵 W，分数 x_i W (x_j W)ᵀ 与 j 对 i 的分数相等：分数矩阵是对称的，i 对 j 的原始分数总等于 j 对 i 的分数。对角线 x_i W (x_i W)ᵀ 是范数的平方，往往很大，于是词元多半只关注自己。分开的投影给出不对称的双线性形式 W_Q W_Kᵀ：动词可以去找它的主语，而主语不必反过来关注动词。',
    },
    formula: String.raw`S_{ij} = x_i W\,(x_j W)^{\top} = x_i W W^{\top} x_j^{\top} = S_{ji}`,
    stage: 'scores',
    highlight: 'score-matrix',
  },
  {
    id: 'c13-dot-similarity',
    topic: 13,
    tags: ['attention', 'similarity', 'linear-algebra'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Why does a dot product measure similarity, and how does it differ from cosine similarity?',
      zh: '为什么点积能衡量相似度？它和余弦相似度有什么不同？',
    },
    answer: {
      en: 'q·k = |q||k| cos θ: large when the two vectors point the same way, zero when they are orthogonal, negative when they point apart. For vectors of similar length it ranks keys as cosine similarity would, but it also grows with length, so a key with a large norm draws more attention — the model can use the norm as a learned volume. W_Q and W_K decide which directions count as similar, and all pairs come from one matrix product.',
      zh: 'q·k = |q||k| cos θ：两个向量方向一致时很大，正交时为零，方向相反时为负。长度相近时，它对键的排序与余弦相似度相同；但它还随长度增长，范数大的键会得到更多注意力——模型可以把范数当作学到的“音量”。W_Q 和 W_K 决定哪些方向算相似，所有位置对的分数由一次矩阵乘法得到。',
    },
    formula: String.raw`q \cdot k = \sum_{i} q_i k_i = \lVert q \rVert\, \lVert k \rVert \cos\theta`,
    stage: 'scores',
    highlight: 'score-matrix',
  },
  {
    id: 'c14-steps',
    topic: 14,
    tags: ['attention', 'formula'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Walk through scaled dot-product attention step by step.',
      zh: '一步一步讲解缩放点积注意力。',
    },
    answer: {
      en: '1) Scores: QKᵀ gives one row per query and one column per key. 2) Scale: divide by √d_k. 3) Mask: add a large negative number where a query must not look (padding, future positions). 4) Softmax over each row turns scores into weights that sum to 1. 5) Weighted sum: multiply by V, so each output is a mix of value vectors.',
      zh: '1) 打分：QKᵀ 每行对应一个查询，每列对应一个键。2) 缩放：除以 √d_k。3) 掩码：在不允许关注的位置（填充、未来位置）加上一个很大的负数。4) 对每一行做 softmax，把分数变成和为 1 的权重。5) 加权求和：乘以 V，每个输出都是值向量的混合。',
    },
    formula: String.raw`\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}} + M\right)V`,
    stage: 'scores',
    highlight: 'score-matrix',
  },
  {
    id: 'c14-formula',
    topic: 14,
    tags: ['attention', 'formula'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap in the attention formula.',
      zh: '填空：注意力公式。',
    },
    answer: {
      en: 'QKᵀ/√d_k: the dot products of queries with keys, divided by the square root of the key size (plus the mask, where there is one).',
      zh: 'QKᵀ/√d_k：查询与键的点积，除以键维度的平方根（需要时再加上掩码）。',
    },
    cloze: {
      text: {
        en: 'Attention(Q, K, V) = softmax({{gap}}) V',
        zh: '缩放点积注意力：Attention(Q, K, V) = softmax({{gap}}) V',
      },
      answers: ['QKᵀ/√d_k', 'QK^T/sqrt(d_k)', 'QK^⊤/√d_k', String.raw`\frac{QK^T}{\sqrt{d_k}}`, 'QK^T*(1/√d_k)'],
    },
    formula: attentionFormula,
    stage: 'softmax',
    highlight: 'softmax-rows',
  },
  {
    id: 'c14-softmax-axis',
    topic: 14,
    tags: ['attention', 'softmax'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: along which axis is the softmax taken?',
      zh: '填空：softmax 沿哪个维度计算？',
    },
    answer: {
      en: 'The key axis (the last one, across a row): each query distributes one unit of attention over all keys. Normalising over queries instead would make each key’s column sum to 1, which is not what the paper does.',
      zh: '键的维度（最后一维，即沿每一行）：每个查询把总量为 1 的注意力分配给所有键。若沿查询维度归一化，则是每个键的那一列和为 1，这不是论文的做法。',
    },
    cloze: {
      text: {
        en: 'In softmax(QKᵀ/√d_k), the softmax normalises over the {{gap}} axis, so each query’s weights sum to 1.',
        zh: '在 softmax(QKᵀ/√d_k) 中，softmax 沿{{gap}}的维度归一化，使每个查询的权重之和为 1。',
      },
      answers: ['key', 'keys', 'key axis', 'last', 'last axis', '键', 'k'],
    },
    stage: 'softmax',
    highlight: 'softmax-rows',
  },
  {
    id: 'c14-weighted-sum',
    topic: 14,
    tags: ['attention', 'values'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'After the softmax, what is one query’s output, and what shape does a head’s output have?',
      zh: 'softmax 之后，一个查询的输出是什么？一个头的输出是什么形状？',
    },
    answer: {
      en: 'It is the weighted average of all the value vectors, using that query’s row of attention weights: o_i = Σ_j a_ij v_j. Because the weights are non-negative and sum to 1, the output lies inside the convex hull of the values. A head’s output has one row per query and d_v columns: (T, d_v).',
      zh: '它是所有值向量的加权平均，权重就是该查询那一行注意力权重：o_i = Σ_j a_ij v_j。权重非负且和为 1，所以输出落在值向量的凸包之内。一个头的输出每个查询一行、共 d_v 列：(T, d_v)。',
    },
    formula: String.raw`o_i = \sum_j a_{ij}\, v_j,\qquad \sum_j a_{ij} = 1`,
    stage: 'weighted-sum',
    highlight: 'weighted-values',
  },
  {
    id: 'c14-hand-code-attention',
    topic: 14,
    tags: ['attention', 'coding', 'mask', 'softmax'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Hand-code scaled dot-product attention with a mask. Which lines, and where do people slip?',
      zh: '手撕注意力：写出带掩码的缩放点积注意力。要写哪几行？容易错在哪里？',
    },
    answer: {
      en: 'Three lines (the formula shows a PyTorch-style version): scores q @ kᵀ / √d_k, using transpose(-2, -1) so batch and head axes stay put; masked_fill where the mask is 0 with a large negative (−inf turns a fully masked row into NaN); softmax over the last axis, the keys, then @ v. Common slips: √d_model instead of √d_k, softmax over queries, a mask that broadcasts the wrong way. This app does the same in src/model/attention.ts: op.scores with alpha = 1/√Dh, op.softmax with the masks, op.weightedSum.',
      zh: '三行（公式区是 PyTorch 风格的写法）：q @ kᵀ / √d_k，用 transpose(-2, -1) 保留批和头两维；掩码为 0 处填很大的负数（用 −inf 时整行被屏蔽会得 NaN）；沿最后一维（键）做 softmax，再 @ v。常见错误：除以 √d_model、沿查询维做 softmax、掩码广播错。本应用的 src/model/attention.ts 同样是 op.scores（alpha = 1/√Dh）、带掩码的 op.softmax、op.weightedSum。',
    },
    formula: String.raw`\begin{array}{l}
\texttt{def attention(q, k, v, mask=None):  \# q: (B, H, T, Dh)} \\
\quad\texttt{s = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))} \\
\quad\texttt{if mask is not None: s = s.masked\_fill(mask == 0, -1e9)} \\
\quad\texttt{return s.softmax(dim=-1) @ v}
\end{array}`,
    stage: 'softmax',
    highlight: 'softmax-rows',
    labCode: { path: 'src/model/attention.ts', symbols: ['op.scores', '1 / Math.sqrt(dh)', 'op.softmax', 'op.weightedSum'] },
  },
  {
    id: 'c15-why-scale',
    topic: 15,
    tags: ['attention', 'scaling', 'softmax'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Why divide the attention scores by √d_k?',
      zh: '为什么要把注意力分数除以 √d_k？',
    },
    answer: {
      en: 'If the components of q and k are independent with mean 0 and variance 1, their dot product is a sum of d_k such products and has variance d_k, so its typical size grows like √d_k. Large scores push the softmax into saturation — one weight near 1, the rest near 0 — where its gradient is almost zero and learning stalls. Dividing by √d_k brings the variance back to 1 whatever the head size.',
      zh: '若 q 和 k 的各分量相互独立、均值为 0、方差为 1，它们的点积是 d_k 个这样的乘积之和，方差为 d_k，典型大小随 √d_k 增长。分数过大会让 softmax 饱和——一个权重接近 1，其余接近 0——此时梯度几乎为零，学习停滞。除以 √d_k 后，无论头的维度多大，方差都回到 1。',
    },
    formula: String.raw`\operatorname{Var}(q\cdot k) = \sum_{i=1}^{d_k} \operatorname{Var}(q_i k_i) = d_k`,
    stage: 'scores',
    highlight: 'sqrt-dk',
  },
  {
    id: 'c15-variance',
    topic: 15,
    tags: ['attention', 'scaling'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the variance of a dot product.',
      zh: '填空：点积的方差。',
    },
    answer: {
      en: 'd_k: a sum of d_k independent products, each with variance 1. Hence a standard deviation of √d_k, and the division by √d_k.',
      zh: 'd_k：它是 d_k 个相互独立、方差各为 1 的乘积之和。因此标准差为 √d_k，这就是除以 √d_k 的原因。',
    },
    cloze: {
      text: {
        en: 'If q and k have independent components with mean 0 and variance 1, then q·k has variance {{gap}}.',
        zh: '若 q 与 k 的各分量相互独立、均值为 0、方差为 1，则 q·k 的方差为 {{gap}}。',
      },
      answers: ['d_k', 'dk'],
    },
    stage: 'scores',
    highlight: 'sqrt-dk',
  },
  {
    id: 'c15-predict-no-scaling',
    topic: 15,
    tags: ['attention', 'scaling', 'experiment'],
    difficulty: 2,
    kind: 'predict',
    question: {
      en: 'Switch off the division by √d_k and retrain. Predict what the softmax rows and their entropy will look like.',
      zh: '去掉除以 √d_k 这一步后重新训练。预测 softmax 的各行和它们的熵会是什么样子。',
    },
    answer: {
      en: 'Expect sharper rows, closer to one-hot, because every score is √d_k times larger. In this experiment’s small model d_k = 8, so about 2.8×; in the shipped model (d_k = 12) it would be about 3.5×. The run shows lower attention entropy in every block and a higher training loss: a saturated softmax passes back tiny gradients. The network can partly compensate by learning smaller W_Q and W_K, so the harm is largest early and grows with d_k.',
      zh: '预计各行会更尖锐、更接近独热，因为每个分数都大了 √d_k 倍。本实验的小模型 d_k = 8，约 2.8 倍；内置模型 d_k = 12，则约 3.5 倍。运行结果是每个注意力模块的熵都更低，训练损失更高：饱和的 softmax 回传的梯度极小。网络可以学出更小的 W_Q、W_K 部分抵消，所以危害在早期最明显，并随 d_k 增大而加重。',
    },
    stage: 'scores',
    highlight: 'sqrt-dk',
    experiment: 'no-scaling',
  },
  {
    id: 'c16-dot-vs-additive',
    topic: 16,
    tags: ['attention', 'additive', 'bahdanau'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Dot-product vs additive attention: which is faster in practice, and when does additive win?',
      zh: '点积注意力与加性注意力：实践中哪个更快？什么时候加性注意力更好？',
    },
    answer: {
      en: 'Additive (Bahdanau) attention scores with a one-hidden-layer network, vᵀ tanh(W₁q + W₂k); dot-product attention uses qᵀk. Their theoretical complexity is similar, but dot-product attention is a single matrix multiplication, so it is much faster and more memory-efficient in practice. The paper notes that without scaling, additive attention beats dot-product attention for large d_k — the motivation for dividing by √d_k.',
      zh: '加性（Bahdanau）注意力用一个单隐层网络打分：vᵀ tanh(W₁q + W₂k)；点积注意力直接用 qᵀk。两者的理论复杂度相近，但点积注意力就是一次矩阵乘法，实践中快得多，也更省内存。论文指出，在不缩放时，d_k 较大的情况下加性注意力效果更好——这正是除以 √d_k 的动机。',
    },
    formula: String.raw`\text{additive: } v^{\top}\tanh(W_1 q + W_2 k)\qquad \text{dot-product: } \frac{q^{\top}k}{\sqrt{d_k}}`,
    stage: 'scores',
    stageNote: {
      en: 'This model computes dot-product scores only; the scores panel shows the step that additive attention would replace.',
      zh: '本模型只计算点积分数；分数面板展示的正是加性注意力会替换掉的那一步。',
    },
    highlight: 'score-matrix',
  },
  {
    id: 'c17-multi-head',
    topic: 17,
    tags: ['attention', 'multi-head'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'What is multi-head attention, and why use it?',
      zh: '什么是多头注意力？为什么要用它？',
    },
    answer: {
      en: 'The model projects Q, K and V h times into subspaces of size d_model/h, runs attention in each head separately, concatenates the h outputs and multiplies by W^O. A single attention distribution per token averages everything together; several heads can look at different things at once — a syntactic neighbour, a coreferent, the aligned source word. Because each head is d_model/h wide, the total cost is about that of one full-width head.',
      zh: '模型把 Q、K、V 分别投影 h 次，得到维度为 d_model/h 的子空间，每个头各自做注意力，再把 h 个输出拼接起来乘以 W^O。单个注意力分布只能把所有信息平均到一起；多个头可以同时关注不同的东西——句法上的邻居、指代对象、对齐的源词。每个头只有 d_model/h 宽，所以总开销与一个全宽的头相当。',
    },
    formula: String.raw`\mathrm{MultiHead}(Q,K,V) = \mathrm{Concat}(\mathrm{head}_1,\dots,\mathrm{head}_h)\,W^O,\quad \mathrm{head}_i = \mathrm{Attention}(QW_i^Q,\, KW_i^K,\, VW_i^V)`,
    stage: 'heads',
    highlight: 'head-grid',
  },
  {
    id: 'c17-wo',
    topic: 17,
    tags: ['attention', 'multi-head', 'formula'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap in the multi-head formula.',
      zh: '填空：多头注意力公式。',
    },
    answer: {
      en: 'W^O, an (h·d_v) × d_model matrix that mixes the heads’ outputs back into one d_model-wide vector per position.',
      zh: 'W^O，一个 (h·d_v) × d_model 的矩阵，把各个头的输出重新混合成每个位置一个 d_model 维的向量。',
    },
    cloze: {
      text: {
        en: 'MultiHead(Q, K, V) = Concat(head_1, …, head_h) · {{gap}}',
        zh: '多头注意力：MultiHead(Q, K, V) = Concat(head_1, …, head_h) · {{gap}}',
      },
      answers: ['W^O', 'W_O', 'WO', 'output projection', '输出投影'],
    },
    stage: 'concat',
    highlight: 'concat-wo',
  },
  {
    id: 'c17-predict-one-head',
    topic: 17,
    tags: ['attention', 'multi-head', 'experiment'],
    difficulty: 2,
    kind: 'predict',
    question: {
      en: 'Retrain with 1 head instead of 4, keeping d_model. Predict the parameter count and the training curve.',
      zh: '保持 d_model 不变，用 1 个头代替 4 个头重新训练。预测参数量和训练曲线。',
    },
    answer: {
      en: 'The parameter count does not change: W_Q, W_K, W_V and W_O are d_model × d_model either way; only the grouping of their columns differs. On this small task expect the same parameter count and losses that end close, one head possibly ahead. The difference is in the maps — one head gives each token a single distribution per layer, while four can follow the aligned word and its neighbours at once, which pays off on harder tasks.',
      zh: '参数量不变：无论几个头，W_Q、W_K、W_V、W_O 都是 d_model × d_model，只是列的分组不同。在这个小任务上，预计参数量相同，损失最终接近，单头甚至可能领先。区别在注意力图里：单头让每个词元（token）每层只有一个分布，四个头则能同时关注对齐的源词和它的邻居，任务更难时才显出好处。',
    },
    stage: 'heads',
    highlight: 'head-grid',
    experiment: 'one-head',
  },
  {
    id: 'c17-predict-head-off',
    topic: 17,
    tags: ['attention', 'multi-head', 'pruning', 'experiment'],
    difficulty: 3,
    kind: 'predict',
    question: {
      en: 'Switch one head of the trained model off at inference (zero its output before W^O). Predict the effect.',
      zh: '在推理时关掉训练好的模型中的一个头（在乘 W^O 之前把它的输出置零）。预测会有什么影响。',
    },
    answer: {
      en: 'It depends on the head. For the shipped model’s cross-attention heads, expect that the cost differs widely from head to head: one can go almost for free, while the worst takes away over a third of exact match. A head that carries the source-target alignment breaks the output; a partly redundant one is covered by the others. Studies of large trained Transformers found many heads can be pruned with little loss; a model this small has less to spare. Compare each head’s heatmap with what breaks.',
      zh: '取决于是哪个头。对内置模型的交叉注意力头，预计不同的头代价差别很大：有的头去掉几乎没有损失，最关键的那个头却会让完全匹配率下降三分之一以上。承担源-目标对齐的头一去掉，输出就会出错；部分冗余的头则能由其他头补上。对大型 Transformer 的研究发现很多头能剪掉而损失很小，这么小的模型余量更少。可以把每个头的热力图和出错之处对照来看。',
    },
    stage: 'concat',
    highlight: 'concat-wo',
    experiment: 'head-off',
  },
  {
    id: 'c18-shapes',
    topic: 18,
    tags: ['shapes', 'multi-head'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Batch 32, length 100, d_model 512, 8 heads: give the shapes of Q, of Q split into heads, and of the scores.',
      zh: '批大小 32、长度 100、d_model 512、8 个头：给出 Q、按头拆分后的 Q 以及分数的形状。',
    },
    answer: {
      en: 'Q = XW_Q is (32, 100, 512). Split the last axis into 8 heads of 64 and move the head axis forward: (32, 8, 100, 64). The scores QKᵀ are (32, 8, 100, 100) — one 100 × 100 matrix per head per sentence. The weighted sum gives (32, 8, 100, 64) again, which is transposed and reshaped to (32, 100, 512) before W_O.',
      zh: 'Q = XW_Q 的形状是 (32, 100, 512)。把最后一维拆成 8 个 64 维的头，再把头这一维移到前面：(32, 8, 100, 64)。分数 QKᵀ 是 (32, 8, 100, 100)——每句每个头一个 100 × 100 的矩阵。加权求和后又是 (32, 8, 100, 64)，转置并重排回 (32, 100, 512) 后再乘 W_O。',
    },
    formula: String.raw`(B,T,D) \to (B,T,H,D/H) \to (B,H,T,D/H),\qquad QK^{\top}: (B,H,T,T)`,
    stage: 'qkv',
    highlight: 'qkv-shapes',
  },
  {
    id: 'c18-scores-shape',
    topic: 18,
    tags: ['shapes'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the shape of the scores.',
      zh: '填空：分数张量的形状。',
    },
    answer: {
      en: '100: one score per (query, key) pair, and in self-attention there are as many keys as queries.',
      zh: '100：每个（查询, 键）对一个分数，而自注意力中键与查询一样多。',
    },
    cloze: {
      text: {
        en: 'Batch 32, length 100, d_model 512, 8 heads: the self-attention scores have shape (32, 8, 100, {{gap}}).',
        zh: '批大小 32、长度 100、d_model 512、8 个头：自注意力分数的形状是 (32, 8, 100, {{gap}})。',
      },
      answers: ['100'],
    },
    stage: 'qkv',
    highlight: 'qkv-shapes',
  },
  {
    id: 'c18-this-model',
    topic: 18,
    tags: ['shapes', 'this-model'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'In this app’s model (d_model = 48, 4 heads), what is the head size, and what are the shapes of W_Q and of one head’s slice of Q?',
      zh: '在本应用的模型中（d_model = 48，4 个头），每个头的维度是多少？W_Q 和单个头的 Q 切片是什么形状？',
    },
    answer: {
      en: 'The head size is 48 / 4 = 12. W_Q is stored as (in, out) = (48, 48), and Q = X·W_Q + b is (B, T, 48) for a batch. Head h takes columns 12h to 12h + 11, giving (B, T, 12) per head, or (B, 4, T, 12) for all heads together. Open the panel to see the shapes for the sentence on screen.',
      zh: '每个头的维度是 48 / 4 = 12。W_Q 按 (输入, 输出) 存储，为 (48, 48)；一个批次的 Q = X·W_Q + b 是 (B, T, 48)。第 h 个头取第 12h 到 12h + 11 列，每个头为 (B, T, 12)，所有头放在一起是 (B, 4, T, 12)。打开面板可以看到当前句子的实际形状。',
    },
    stage: 'qkv',
    highlight: 'qkv-shapes',
  },
  {
    id: 'c18-hand-code-multi-head',
    topic: 18,
    tags: ['multi-head', 'coding', 'shapes'],
    difficulty: 3,
    kind: 'qa',
    question: {
      en: 'Hand-code multi-head attention around that function: the reshapes and transposes, with their shapes.',
      zh: '手撕多头注意力：在单头函数外面写出拆头、转置和合并，并标出形状。',
    },
    answer: {
      en: 'Project at full width: x @ W_q is (B, T, D). Split with view(B, T, H, Dh), then transpose(1, 2) to (B, H, T, Dh); viewing straight to (B, H, T, Dh) mixes positions into heads. Attention per batch and head gives scores (B, H, T, S) and outputs (B, H, T, Dh). Merge with transpose(1, 2) and reshape(B, T, D), then multiply by W_o. A padding mask broadcasts as (B, 1, 1, S), a causal one as (T, T). This app: op.splitHeads, op.mergeHeads and the wo linear in src/model/attention.ts.',
      zh: 'x @ W_q 为 (B, T, D)；view(B, T, H, Dh) 后 transpose(1, 2) 得 (B, H, T, Dh)，直接 view 成后者会把位置混进各头。逐头注意力：分数 (B, H, T, S)，输出与 q 同形。合并：transpose(1, 2)、reshape(B, T, D)，再乘 W_o。填充掩码按 (B, 1, 1, S) 广播。本应用见 src/model/attention.ts 的 op.splitHeads、op.mergeHeads 和 wo 线性层。',
    },
    formula: String.raw`\begin{array}{l}
\texttt{split = lambda t: t.view(B, -1, H, D // H).transpose(1, 2)} \\
\texttt{q, k, v = split(x @ Wq), split(m @ Wk), split(m @ Wv)} \\
\texttt{o = attention(q, k, v, mask)  \# (B, H, T, Dh)} \\
\texttt{y = o.transpose(1, 2).reshape(B, -1, D) @ Wo  \# (B, T, D)}
\end{array}`,
    stage: 'qkv',
    highlight: 'qkv-shapes',
    labCode: { path: 'src/model/attention.ts', symbols: ['op.splitHeads', 'op.mergeHeads', '.wo`'] },
  },
  {
    id: 'c19-cost',
    topic: 19,
    tags: ['complexity'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'What are the time and memory costs of self-attention in the sequence length n?',
      zh: '自注意力的时间和内存开销随序列长度 n 如何增长？',
    },
    answer: {
      en: 'Computing QKᵀ and multiplying the weights by V each take O(n²·d) time, and the n × n weight matrix needs O(n²) memory per head. The projections and the FFN are linear in n: O(n·d²) and O(n·d·d_ff). So for short sequences the FFN dominates, and as n grows the quadratic attention term takes over — the bottleneck for long documents.',
      zh: '计算 QKᵀ 以及用权重乘 V 各需 O(n²·d) 的时间，n × n 的权重矩阵每个头需要 O(n²) 的内存。投影和前馈网络对 n 是线性的：分别为 O(n·d²) 和 O(n·d·d_ff)。所以短序列时前馈网络占主导，n 增大后平方级的注意力项会反超——这是处理长文档的瓶颈。',
    },
    formula: String.raw`\underbrace{O(n^2 d)}_{\text{attention}}\quad \text{vs}\quad \underbrace{O(n\, d\, d_{ff})}_{\text{FFN}}`,
    stage: 'complexity',
    highlight: 'complexity-curves',
  },
  {
    id: 'c19-memory',
    topic: 19,
    tags: ['complexity'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: memory of the attention weights.',
      zh: '填空：注意力权重的内存占用。',
    },
    answer: {
      en: 'n²: one weight for every (query, key) pair. For n = 4096 that is about 16.8 million numbers per head per layer.',
      zh: 'n²：每个（查询, 键）对一个权重。n = 4096 时，每层每个头约有 1680 万个数。',
    },
    cloze: {
      text: {
        en: 'For a sequence of length n, one head’s attention weight matrix needs O({{gap}}) memory.',
        zh: '对长度为 n 的序列，一个头的注意力权重矩阵需要 O({{gap}}) 的内存。',
      },
      answers: ['n^2', 'n²', 'n*n', 'n x n'],
    },
    stage: 'complexity',
    highlight: 'complexity-curves',
  },
  {
    id: 'c19-crossover',
    topic: 19,
    tags: ['complexity', 'flops'],
    difficulty: 3,
    kind: 'qa',
    question: {
      en: 'Roughly at what sequence length does the n² term start to dominate a layer’s FLOPs (with d_ff = 4d)?',
      zh: '在 d_ff = 4d 时，序列长度大约到多少，n² 项开始主导一层的计算量？',
    },
    answer: {
      en: 'Count multiply-adds per layer: the Q, K, V and output projections cost 4·n·d², the FFN 2·n·d·d_ff = 8·n·d², and the scores plus the weighted sum 2·n²·d. The quadratic part wins when 2n²d > 12nd², that is when n > 6d. For d_model = 512 that is about 3,000 tokens, which is why attention cost rarely matters for sentences but dominates long contexts.',
      zh: '按每层的乘加次数算：Q、K、V 和输出投影共 4·n·d²，前馈网络 2·n·d·d_ff = 8·n·d²，打分加上加权求和 2·n²·d。当 2n²d > 12nd²，即 n > 6d 时，平方项胜出。d_model = 512 时约为 3000 个词元，所以处理句子时注意力的开销无足轻重，处理长上下文时却占主导。',
    },
    formula: String.raw`2n^2 d > 12\, n d^2 \iff n > 6d`,
    stage: 'complexity',
    highlight: 'complexity-curves',
  },
  {
    id: 'c20-efficient',
    topic: 20,
    tags: ['complexity', 'efficient-attention'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Name families of efficient attention, with an example of each.',
      zh: '说出几类高效注意力方法，并各举一例。',
    },
    answer: {
      en: 'Sparse or local patterns attend to a window plus a few global tokens (Longformer, BigBird). Low-rank methods project keys and values down to a fixed length (Linformer). Kernel methods replace the softmax with a feature map so attention becomes linear in n (Performer), and hashing puts similar queries and keys into shared buckets (Reformer). Recurrence over segments reuses a cached memory (Transformer-XL), and state-space models such as Mamba replace attention with a linear-time recurrence.',
      zh: '稀疏/局部模式只关注一个窗口加少量全局词元（Longformer、BigBird）。低秩方法把键和值投影到固定长度（Linformer）。核方法用特征映射替代 softmax，使注意力对 n 呈线性（Performer）；哈希方法把相似的查询和键分到同一个桶里（Reformer）。分段循环复用缓存的记忆（Transformer-XL），而 Mamba 等状态空间模型则用线性时间的递推取代注意力。',
    },
    stage: 'complexity',
    stageNote: {
      en: 'None of these variants runs here; the complexity chart shows the O(n²) curve they all try to flatten.',
      zh: '这些变体都没有在本应用中运行；复杂度图展示的正是它们都想压平的 O(n²) 曲线。',
    },
    highlight: 'complexity-curves',
  },
  {
    id: 'c20-ssm-mamba',
    topic: 20,
    tags: ['complexity', 'ssm', 'mamba'],
    difficulty: 3,
    kind: 'qa',
    question: {
      en: 'Transformers vs state-space models such as Mamba: what does each do better?',
      zh: 'Transformer 与 Mamba 这类状态空间模型相比，各自擅长什么？',
    },
    answer: {
      en: 'A state-space model (SSM) carries a fixed-size state through a recurrence: training runs in parallel as a scan, each generated token costs the same and memory stays constant, so cost is linear in length. Mamba makes the state update depend on the input (selective), so it can choose what to keep. But the whole past must fit in that state, so exact recall — copying a long string, finding one key among many — is weaker than attention, which keeps every token in its KV cache at O(n) memory and O(n²) compute. Hybrids add a few attention layers.',
      zh: '状态空间模型（SSM）用一个固定大小的状态做递推：训练时可按扫描并行计算，生成每个词元（token）的开销相同、内存恒定，总代价随长度线性增长。Mamba 让状态更新依赖输入（选择性），能决定保留什么。但整段历史都得塞进这个状态，所以精确回忆——照抄一长串、在很多键里找一个——不如注意力；注意力把每个词元都留在 KV 缓存中，内存 O(n)、计算 O(n²)。混合模型会加入少量注意力层。',
    },
    formula: String.raw`h_t = \bar A(x_t)\, h_{t-1} + \bar B(x_t)\, x_t,\qquad y_t = C(x_t)\, h_t`,
    stage: 'complexity',
    stageNote: {
      en: 'No state-space model runs here; the complexity chart shows the quadratic attention curve that an SSM replaces with a linear one.',
      zh: '本应用没有运行状态空间模型；复杂度图展示的正是 SSM 用线性曲线取代的平方级注意力曲线。',
    },
    highlight: 'complexity-curves',
  },
];
