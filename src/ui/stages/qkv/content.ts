// Texts of the `qkv` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Queries, keys and values', zh: '查询、键和值' };

export const explain: StageExplanation = {
  what: {
    en: 'Three learned linear maps turn each token’s vector x into a query q = x·W_Q + b_Q, a key k = x·W_K + b_K and a value v = x·W_V + b_V, each D wide. Each of the three is then cut into H slices of Dh = D/H numbers, one slice per head.',
    zh: '三个可学习的线性变换把每个词元的向量 x 变成查询 q = x·W_Q + b_Q、键 k = x·W_K + b_K 和值 v = x·W_V + b_V，宽度都是 D。然后每一个都被切成 H 段，每段 Dh = D/H 个数，每个头一段。',
  },
  why: {
    en: 'Attention works like a soft database lookup, with three roles: the query says what a token is looking for, the key says what it offers to be matched on, and the value is the content it hands over when it is matched. In self-attention all three come from the same X; in cross-attention K and V come from the encoder instead.',
    zh: '注意力就像一次“软”的数据库查询，分三种角色：查询表示一个词元在找什么，键表示它凭什么被匹配到，值是它被匹配到时交出去的内容。在自注意力中三者都来自同一个 X；在交叉注意力中，K 和 V 则来自编码器。',
  },
  problem: {
    en: 'Comparing the raw vectors x with each other would give a fixed, symmetric similarity. Separate learned projections let “what I look for” differ from “what I am”, and let each head use its own small subspace at the same total cost as one full-width head.',
    zh: '直接比较原始向量 x 只能得到固定而对称的相似度。分开学习的投影让“我在找什么”与“我是什么”可以不同，并让每个头使用自己的小子空间，总计算量与一个全宽度的头相同。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}, head {{head}}', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头' },
  shapesTitle: { en: 'Shapes for this sentence', zh: '这个句子的形状' },
  shapeLine: { en: '{{m}}: ({{L}}={{n}}, D={{d}}) → {{h}} heads × ({{n}}, {{dh}})', zh: '{{m}}：({{L}}={{n}}, D={{d}}) → {{h}} 个头 × ({{n}}, {{dh}})' },
  drill1: {
    en: 'With a batch: X is (B, {{L}}, D) = (1, {{n}}, {{d}}); the walkthrough runs one sentence, so B = 1 (training batches many).',
    zh: '带上批次维：X 是 (B, {{L}}, D) = (1, {{n}}, {{d}})；演示只运行一个句子，所以 B = 1（训练时一批有很多句）。',
  },
  drill2: { en: 'Q = X·W_Q + b_Q, with W_Q stored (in, out) = ({{d}}, {{d}}): Q is (1, {{n}}, {{d}}).', zh: 'Q = X·W_Q + b_Q，W_Q 按 (输入, 输出) = ({{d}}, {{d}}) 存放：Q 是 (1, {{n}}, {{d}})。' },
  drill3: { en: 'Split the last axis into H × Dh = {{h}} × {{dh}}: (1, {{n}}, {{h}}, {{dh}}).', zh: '把最后一维拆成 H × Dh = {{h}} × {{dh}}：(1, {{n}}, {{h}}, {{dh}})。' },
  drill4: { en: 'Move the head axis forward: (1, {{h}}, {{n}}, {{dh}}) — head h takes columns {{dh}}h to {{dh}}h + {{dhm1}} of Q.', zh: '把头这一维移到前面：(1, {{h}}, {{n}}, {{dh}})——第 h 个头取 Q 的第 {{dh}}h 到 {{dh}}h + {{dhm1}} 列。' },
  drill5: { en: 'K and V are split the same way; the scores QKᵀ of each head are then (1, {{h}}, {{n}}, {{n}}).', zh: 'K 和 V 也同样拆分；每个头的分数 QKᵀ 的形状是 (1, {{h}}, {{n}}, {{n}})。' },
  xTitle: { en: 'X: what this layer reads ({{source}})', zh: 'X：这一层读入的内容（{{source}}）' },
  xSourceEmbed: { en: 'embedding + positions', zh: '嵌入 + 位置' },
  xSourceEmbedOnly: { en: 'the embedding: this model adds no positions', zh: '嵌入：本模型不加位置编码' },
  xSourcePrev: { en: 'output of layer {{prev}}', zh: '第 {{prev}} 层的输出' },
  xSourceNorm: { en: 'LayerNorm of the layer’s input (pre-norm)', zh: '本层输入的 LayerNorm（前归一化）' },
  fullTitle: { en: '{{m}} = X·W_{{m}} + b_{{m}}: all {{h}} heads side by side', zh: '{{m}} = X·W_{{m}} + b_{{m}}：全部 {{h}} 个头并排' },
  fullNote: {
    en: 'Columns are labelled head·index. The outlined block is head {{head}}’s slice, drawn on its own below.',
    zh: '列标签是“头·序号”。描边的一块是第 {{head}} 个头的切片，下面单独画出。',
  },
  headTitle: { en: '{{m}} of head {{head}}', zh: '第 {{head}} 个头的 {{m}}' },
  legend: { en: 'value', zh: '数值' },
  roles: {
    en: 'Query: what this token is looking for. Key: what it offers to be matched on. Value: what it hands over when matched.',
    zh: '查询：这个词元在找什么。键：它凭什么被匹配到。值：被匹配到时它交出去的内容。',
  },
  cellFull: {
    en: 'row “{{token}}” of X ({{d}} numbers) · column {{col}} of W_{{m}}, plus b_{{m}}[{{col}}]; entry {{j}} of head {{h}}',
    zh: 'X 中 “{{token}}” 这一行（{{d}} 个数）· W_{{m}} 的第 {{col}} 列，再加 b_{{m}}[{{col}}]；属于第 {{h}} 个头的第 {{j}} 个分量',
  },
  cellHead: { en: 'column {{col}} of the full {{m}} (head {{h}} starts at column {{start}})', zh: '完整 {{m}} 的第 {{col}} 列（第 {{h}} 个头从第 {{start}} 列开始）' },
  weightsTitle: { en: 'The learned weights W_Q, W_K and W_V of this layer', zh: '这一层可学习的权重 W_Q、W_K 和 W_V' },
  weightsNote: {
    en: 'Each is D × D = {{d}} × {{d}}, stored (in, out): row i takes dimension d_i of X, column j produces column j of the result. The dark lines split the columns into the {{h}} heads’ blocks of {{dh}}; head {{head}}’s block is outlined. These are the checkpoint’s parameters ({{names}}), from the model that computed this sentence — not part of the trace. The three maps share one colour scale.',
    zh: '每个都是 D × D = {{d}} × {{d}}，按 (输入, 输出) 存放：第 i 行对应 X 的第 i 维，第 j 列生成结果的第 j 列。深色线把列分成 {{h}} 个头的块，每块 {{dh}} 列；第 {{head}} 个头的块有描边。这些是检查点中的参数（{{names}}），来自计算这个句子的同一个模型，不在记录的中间结果里。三张图使用同一个颜色范围。',
  },
  weightTitle: { en: 'W_{{m}} ({{d}} × {{d}})', zh: 'W_{{m}}（{{d}} × {{d}}）' },
  inAxis: { en: 'input dimension', zh: '输入维度' },
  outAxis: { en: 'output column (head·index)', zh: '输出列（头·序号）' },
  headBlock: { en: 'head {{head}}', zh: '第 {{head}} 个头' },
  weightLegend: { en: 'weight', zh: '权重' },
  cellWeight: {
    en: 'W_{{m}}[{{i}}, {{j}}]: how much dimension d{{i}} of X adds to column {{j}} of {{m}} (head {{h}}, entry {{k}})',
    zh: 'W_{{m}}[{{i}}, {{j}}]：X 的第 d{{i}} 维对 {{m}} 第 {{j}} 列（第 {{h}} 个头的第 {{k}} 个分量）的贡献系数',
  },
  biasTitle: { en: 'The biases b_Q, b_K, b_V ({{d}} each)', zh: '偏置 b_Q、b_K、b_V（各 {{d}} 个数）' },
  biasAxis: { en: 'bias', zh: '偏置' },
  cellBias: { en: 'b_{{m}}[{{j}}]: added to column {{j}} of {{m}} for every token (head {{h}}, entry {{k}})', zh: 'b_{{m}}[{{j}}]：对每个词元都加到 {{m}} 的第 {{j}} 列（第 {{h}} 个头的第 {{k}} 个分量）' },
  keyBiasNote: {
    en: 'Adding the same b_K to every key adds q·b_K to a whole row of scores, and the softmax ignores a constant added to a row, so b_K gets no gradient. Here the largest |b_K| = {{kMax}}, against {{qMax}} for b_Q.',
    zh: '给每个键都加上同一个 b_K，相当于给一整行分数加上 q·b_K，而 softmax 对一行加同一个常数不敏感，所以 b_K 的梯度为零。这里最大的 |b_K| = {{kMax}}，而 b_Q 的最大值是 {{qMax}}。',
  },
  keyBiasStayed: {
    en: 'So b_K has stayed near the zeros that training in this app starts every bias from: what little it moved is rounding noise that Adam’s step normalisation turns into small steps.',
    zh: '所以 b_K 几乎停在本应用训练时所有偏置的初始值 0 附近：它那一点点变化只是舍入噪声，被 Adam 的按幅度归一化放大成了小步长。',
  },
  keyBiasMoved: {
    en: 'So these values of b_K did not come from the gradient of this loss (they may come from initialisation or from another training setup); they change no attention weight.',
    zh: '所以 b_K 的这些数值并非来自这个损失的梯度（可能来自初始化或其他训练设置）；它们不会改变任何注意力权重。',
  },
  weightsMissing: { en: 'This model’s checkpoint has no {{name}} tensor.', zh: '此模型的检查点中没有 {{name}} 张量。' },
  cellX: { en: 'what layer {{layer}} reads for “{{token}}”, dimension d{{dim}}', zh: '第 {{layer}} 层为 “{{token}}” 读入的第 d{{dim}} 维' },
} satisfies Record<string, Bilingual>;
