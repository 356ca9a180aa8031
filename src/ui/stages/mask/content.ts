// Texts of the `mask` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Masks: causal and padding', zh: '掩码：因果掩码与填充掩码' };

export const explain: StageExplanation = {
  what: {
    en: 'Before the softmax, some scores are replaced by a large negative number (here −1e9) so that their weight becomes 0. In the decoder’s self-attention the causal (sequence) mask removes every key after the query: the upper triangle. In a batch of sentences of different lengths, the padding mask removes the key columns that belong to <pad> tokens.',
    zh: '在 softmax 之前，把一部分分数替换成一个很大的负数（这里是 −1e9），使它们的权重变成 0。在解码器的自注意力中，因果掩码（序列掩码）去掉查询之后的所有键，也就是上三角。在一批长度不同的句子中，填充掩码去掉属于 <pad> 词元的键列。',
  },
  why: {
    en: 'During training the decoder sees the whole target sentence at once (teacher forcing); without the causal mask, position t could simply read the token it is asked to predict and learn to copy. Padding exists only to give the sentences of a batch the same length, and no real token should take information from it.',
    zh: '训练时解码器一次看到整个目标句子（教师强制）；如果没有因果掩码，位置 t 可以直接读到它要预测的词元，学会抄写而不是预测。填充只是为了让一批句子长度相同，任何真实词元都不应该从它那里获取信息。',
  },
  problem: {
    en: 'The causal mask makes training match generation, where future tokens do not exist yet, while still training every position in parallel. A large finite negative is used rather than −∞, so the arithmetic never produces NaN; a row with every key masked gives all-zero weights.',
    zh: '因果掩码让训练与生成时的情形一致（生成时未来的词元还不存在），同时仍能并行训练所有位置。这里用一个很大的有限负数而不是 −∞，这样运算不会产生 NaN；所有键都被掩码的行，权重全为 0。',
  },
};

export const text = {
  which: { en: '{kind}, layer {layer}, head {head}', zh: '{kind}，第 {layer} 层，第 {head} 头' },
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
  causalHeading: { en: 'Causal mask of the decoder’s self-attention (layer {layer}, head {head})', zh: '解码器自注意力的因果掩码（第 {layer} 层，第 {head} 头）' },
  causalTitle: { en: 'Causal mask: 1 = may attend, hatched = masked', zh: '因果掩码：1 = 可以关注，斜线 = 被掩码' },
  causalFromTrace: {
    en: 'Read from the model’s masked scores: a cell is masked where they hold −1e9. {count} of {total} cells are masked, all above the diagonal.',
    zh: '取自模型掩码后的分数：分数为 −1e9 的格子即被掩码。{total} 个格子中有 {count} 个被掩码，全部在对角线以上。',
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
  exampleTitle: { en: 'Illustration (not computed by the model): this sentence padded by {n} in a batch', zh: '示意图（不是模型计算的）：这个句子在一批中被填充 {n} 个位置' },
  exampleNote: {
    en: 'If this sentence shared a batch with one {n} tokens longer, it would get {n} <pad> tokens. Their key columns are masked in every row; the <pad> query rows still get weights, but the loss ignores them.',
    zh: '如果这个句子和一个长 {n} 个词元的句子在同一批中，它会补上 {n} 个 <pad>。它们的键列在每一行都被掩码；<pad> 查询行仍然有权重，但损失函数忽略它们。',
  },
  scoresHeading: { en: 'Scores after masking · {where}', zh: '掩码之后的分数 · {where}' },
  scoresTitle: { en: 'Masked scores (what the softmax sees)', zh: '掩码后的分数（softmax 的输入）' },
  scoresCount: {
    en: '{count} of {total} cells are masked here: drawn hatched, not as the colour of −1e9, and shown as “masked” in the table.',
    zh: '这里 {total} 个格子中有 {count} 个被掩码：画成斜线，而不是 −1e9 对应的颜色，在表格中显示为“已屏蔽”。',
  },
  scoresNone: {
    en: 'Nothing is masked here: {why} The scores pass to the softmax unchanged.',
    zh: '这里没有任何格子被掩码：{why}分数原样进入 softmax。',
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
  cellMasked: { en: 'scaled score {s} replaced by −1e9: weight 0 after the softmax', zh: '缩放后的分数 {s} 被替换为 −1e9：softmax 之后权重为 0' },
  cellKept: { en: 'scaled score {s}, kept', zh: '缩放后的分数 {s}，保留' },
  cellCausalMasked: { en: 'key “{key}” comes after query “{query}”: masked', zh: '键 “{key}” 在查询 “{query}” 之后：被掩码' },
  cellCausalKept: { en: 'key “{key}” is at or before query “{query}”: kept', zh: '键 “{key}” 在查询 “{query}” 之前或同一位置：保留' },
  cellPad: { en: '<pad> key: masked in every row', zh: '<pad> 键：在每一行都被掩码' },
  keyRow: { en: 'keys', zh: '键' },
} satisfies Record<string, Bilingual>;
