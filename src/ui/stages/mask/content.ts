// Texts of the `mask` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Masks: causal and padding', zh: '掩码：因果掩码与填充掩码' };

export const explain: StageExplanation = {
  what: {
    en: 'Some query–key pairs must get no attention at all: their weight has to be exactly 0. The usual code writes a large negative number (−1e9, or −∞) into those scores before the softmax (PyTorch’s masked_fill); this model’s softmax kernel instead leaves masked keys out of the row’s maximum and sum and writes 0 for them. The −1e9 you see in the masked scores below is only how the recorded scores mark those cells. In the decoder’s self-attention the causal (sequence) mask removes every key after the query: the upper triangle. In a batch of sentences of different lengths, the padding mask removes the key columns that belong to <pad> tokens.',
    zh: '有些查询–键对完全不应得到注意力：它们的权重必须恰好为 0。常见的写法是在 softmax 之前把这些分数填成一个很大的负数（−1e9 或 −∞，即 PyTorch 的 masked_fill）；本模型的 softmax 内核则在求这一行的最大值和总和时直接跳过被掩码的键，并把它们的权重写成 0。下面掩码后的分数里出现的 −1e9，只是记录下来的分数用来标记这些格子的。在解码器的自注意力中，因果掩码（序列掩码）去掉查询之后的所有键，也就是上三角。在一批长度不同的句子中，填充掩码去掉属于 <pad> 词元的键列。',
  },
  why: {
    en: 'During training the decoder sees the whole target sentence at once (teacher forcing); without the causal mask, position t could simply read the token it is asked to predict and learn to copy. Padding exists only to give the sentences of a batch the same length, and no real token should take information from it.',
    zh: '训练时解码器一次看到整个目标句子（教师强制）；如果没有因果掩码，位置 t 可以直接读到它要预测的词元，学会抄写而不是预测。填充只是为了让一批句子长度相同，任何真实词元都不应该从它那里获取信息。',
  },
  problem: {
    en: 'The causal mask makes training match generation, where future tokens do not exist yet, while still training every position in parallel. Skipping masked keys also handles a row whose keys are all masked: it gets all-zero weights. A −1e9 fill would give such a row equal scores everywhere, hence a uniform row of weights, and a −∞ fill would give 0/0 = NaN; no infinity ever enters the kernel’s arithmetic (WGSL may assume there are none).',
    zh: '因果掩码让训练与生成时的情形一致（生成时未来的词元还不存在），同时仍能并行训练所有位置。跳过被掩码的键，也处理了所有键都被掩码的行：这样的行权重全为 0。如果填 −1e9，这一行的分数处处相等，得到的是一行均匀的权重；如果填 −∞，则会得到 0/0 = NaN；而内核的运算中从不出现无穷大（WGSL 可以假定没有无穷大）。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}, head {{head}}', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头' },
  twoMasks: { en: 'Two masks', zh: '两种掩码' },
  sequenceTerm: { en: 'Sequence (causal) mask', zh: '序列（因果）掩码' },
  sequenceDef: {
    en: 'hides the keys after the query (column j > row i). Only decoder self-attention uses it.',
    zh: '遮住查询之后的键（第 j 列 > 第 i 行）。只有解码器自注意力使用它。',
  },
  paddingTerm: { en: 'Padding mask', zh: '填充掩码' },
  paddingDef: {
    en: 'hides the key columns that are <pad> (the set P in the formula). Every attention whose keys can include padding uses it: encoder self-attention, decoder self-attention (together with the causal mask) and cross-attention over the source. It acts on keys (columns); padded query rows still produce outputs, which the loss ignores.',
    zh: '遮住属于 <pad> 的键列（公式中的集合 P）。凡是键里可能有填充的注意力都要用它：编码器自注意力、解码器自注意力（与因果掩码合在一起）以及对源句的交叉注意力。它作用在键（列）上；填充位置的查询行仍然有输出，只是损失函数忽略它们。',
  },
  causalHeading: { en: 'Causal mask of the decoder’s self-attention (layer {{layer}}, head {{head}})', zh: '解码器自注意力的因果掩码（第 {{layer}} 层，第 {{head}} 头）' },
  causalTitle: { en: 'Causal mask: 1 = may attend, hatched = masked', zh: '因果掩码：1 = 可以关注，斜线 = 被掩码' },
  causalFromTrace: {
    en: 'Read from the model’s recorded masked scores, which mark a masked cell with −1e9. {{count}} of {{total}} cells are masked, all above the diagonal.',
    zh: '取自模型记录的掩码后分数，其中被掩码的格子标为 −1e9。{{total}} 个格子中有 {{count}} 个被掩码，全部在对角线以上。',
  },
  encHasNone: {
    en: 'You are looking at the encoder: it has no causal mask, because every source token may see the whole sentence. This is the decoder’s, for comparison.',
    zh: '当前查看的是编码器：它没有因果掩码，因为每个源词元都可以看到整句话。这里画出解码器的掩码作比较。',
  },
  noCausal: {
    en: 'This model was trained without the causal mask (a what-if experiment): nothing is masked, so every position can see the tokens after it.',
    zh: '这个模型训练时没有因果掩码（一个假设实验）：没有任何格子被掩码，每个位置都能看到它后面的词元。',
  },
  paddingHeading: { en: 'Padding mask', zh: '填充掩码' },
  paddingTitle: { en: 'Key mask of this sentence: 1 = real token', zh: '这个句子的键掩码：1 = 真实词元' },
  paddingNone: {
    en: 'The walkthrough runs one sentence on its own, so it is not padded: every key is a real token and the padding mask is a row of ones.',
    zh: '演示中只运行一个句子，不需要填充：每个键都是真实词元，填充掩码是一行 1。',
  },
  exampleTitle: { en: 'Illustration (not computed by the model): this sentence padded by {{n}} in a batch', zh: '示意图（不是模型计算的）：这个句子在一批中被填充 {{n}} 个位置' },
  exampleNote: {
    en: 'If this sentence shared a batch with one {{n}} tokens longer, it would get {{n}} <pad> tokens. Their key columns are masked in every row; the <pad> query rows still get weights, but the loss ignores them.',
    zh: '如果这个句子和一个长 {{n}} 个词元的句子在同一批中，它会补上 {{n}} 个 <pad>。它们的键列在每一行都被掩码；<pad> 查询行仍然有权重，但损失函数忽略它们。',
  },
  scoresHeading: { en: 'Scores after masking · {{where}}', zh: '掩码之后的分数 · {{where}}' },
  scoresTitle: { en: 'Masked scores (what the softmax sees)', zh: '掩码后的分数（softmax 的输入）' },
  scoresCount: {
    en: '{{count}} of {{total}} cells are masked here: drawn hatched, not as the colour of −1e9, and shown as “masked” in the table.',
    zh: '这里 {{total}} 个格子中有 {{count}} 个被掩码：画成斜线，而不是 −1e9 对应的颜色，在表格中显示为“已屏蔽”。',
  },
  scoresNone: {
    en: 'Nothing is masked here: {{why}} The scores pass to the softmax unchanged.',
    zh: '这里没有任何格子被掩码：{{why}}分数原样进入 softmax。',
  },
  noneEnc: {
    en: 'encoder self-attention has no causal mask, and a single sentence has no padding.',
    zh: '编码器自注意力没有因果掩码，而单个句子也没有填充。',
  },
  noneDec: {
    en: 'this model runs without the causal mask, and a single sentence has no padding.',
    zh: '这个模型没有使用因果掩码，而单个句子也没有填充。',
  },
  legendScore: { en: 'score', zh: '分数' },
  legendMask: { en: 'mask', zh: '掩码' },
  cellMasked: {
    en: 'scaled score {{s}}, masked: recorded as −1e9, left out of the softmax’s maximum and sum, weight exactly 0',
    zh: '缩放后的分数 {{s}}，被掩码：记录为 −1e9，softmax 求最大值和总和时跳过它，权重恰好为 0',
  },
  cellKept: { en: 'scaled score {{s}}, kept', zh: '缩放后的分数 {{s}}，保留' },
  cellCausalMasked: { en: 'key “{{key}}” comes after query “{{query}}”: masked', zh: '键 “{{key}}” 在查询 “{{query}}” 之后：被掩码' },
  cellCausalKept: { en: 'key “{{key}}” is at or before query “{{query}}”: kept', zh: '键 “{{key}}” 在查询 “{{query}}” 之前或同一位置：保留' },
  cellPad: { en: '<pad> key: masked in every row', zh: '<pad> 键：在每一行都被掩码' },
  keyRow: { en: 'keys', zh: '键' },
} satisfies Record<string, Bilingual>;
