// Texts of the `decoder-self-attn` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Decoder masked self-attention', zh: '解码器掩码自注意力' };

export const explain: StageExplanation = {
  what: {
    en: 'The first sublayer of every decoder layer is self-attention over the target tokens: queries, keys and values all come from the decoder’s own input (<bos> and the tokens produced so far). The causal mask lets position t attend to positions 0…t only, never to later ones: the softmax kernel leaves the later keys out of its maximum and its sum and writes a weight of exactly 0 for them (the usual code writes −1e9 into those scores instead; the masks stage says where that would differ). Everything else works as in the encoder.',
    zh: '每个解码器层的第一个子层是目标词元上的自注意力：查询、键和值都来自解码器自己的输入（<bos> 和已经生成的词元）。因果掩码只让位置 t 关注位置 0…t，绝不关注之后的位置：softmax 内核在求最大值和总和时跳过这些之后的键，并把它们的权重写成恰好 0（常见的写法是把这些分数填成 −1e9；两者在什么情况下结果不同，见“掩码”阶段）。其余部分与编码器相同。',
  },
  why: {
    en: 'The decoder needs to know what it has already written, to keep the sentence consistent and to know which word comes next. The mask keeps it honest: each position predicts its token only from what would be available while generating, one token at a time.',
    zh: '解码器需要知道自己已经写了什么，才能让句子前后一致，并知道下一个词是什么。掩码保证它“不作弊”：每个位置只根据逐词生成时能得到的信息来预测它的词元。',
  },
  problem: {
    en: 'It lets the whole target sentence be trained in one parallel pass (teacher forcing) while each position still behaves exactly as it will during token-by-token generation. Without the mask, position t could simply copy token t + 1 from its input, and would fail at inference, where that token does not exist yet.',
    zh: '它让整个目标句子可以在一次并行计算中训练（教师强制），而每个位置的行为仍与逐词生成时完全一致。没有掩码，位置 t 可以直接从输入里抄下第 t + 1 个词元，而推理时这个词元还不存在，于是模型就会失败。',
  },
};

export const text = {
  which: { en: 'layer {{layer}}, head {{head}}', zh: '第 {{layer}} 层，第 {{head}} 头' },
  compareTitle: { en: 'The decoder’s two attention sublayers', zh: '解码器的两个注意力子层' },
  compareCaption: { en: 'Where Q, K and V come from, and which mask each uses (this sentence: T = {{t}}, S = {{s}})', zh: 'Q、K、V 从哪里来，各自使用哪种掩码（本句：T = {{t}}，S = {{s}}）' },
  colSelf: { en: 'masked self-attention (sublayer 1)', zh: '掩码自注意力（第 1 个子层）' },
  colCross: { en: 'cross-attention (sublayer 2)', zh: '交叉注意力（第 2 个子层）' },
  rowQ: { en: 'queries Q from', zh: '查询 Q 来自' },
  rowKV: { en: 'keys K and values V from', zh: '键 K 和值 V 来自' },
  rowMask: { en: 'mask', zh: '掩码' },
  rowShape: { en: 'weights per head', zh: '每个头的权重' },
  qSelf: { en: 'the decoder’s T = {{t}} positions', zh: '解码器的 T = {{t}} 个位置' },
  kvSelf: { en: 'the same T = {{t}} decoder positions', zh: '同样的 T = {{t}} 个解码器位置' },
  qCross: { en: 'the decoder’s T = {{t}} positions (output of sublayer 1)', zh: '解码器的 T = {{t}} 个位置（第 1 个子层的输出）' },
  kvCross: { en: 'the encoder’s output: S = {{s}} source tokens', zh: '编码器的输出：S = {{s}} 个源词元' },
  maskSelf: { en: 'causal (keys after the query) + target padding', zh: '因果掩码（查询之后的键）+ 目标填充' },
  maskCross: { en: 'source padding only — no causal mask', zh: '只有源填充掩码——没有因果掩码' },
  paddingNote: {
    en: 'One sentence has no padding, so here only the causal mask removes anything; in a training batch, shorter sentences are padded and those key columns are masked too.',
    zh: '单独一句话没有填充，所以这里只有因果掩码起作用；在训练批次中，较短的句子会被填充，这些键所在的列也会被掩码。',
  },
  noCausal: {
    en: 'This model was trained and runs without the causal mask (a what-if experiment): the weights above the diagonal are not zero, and position t can see the token it should predict.',
    zh: '这个模型训练和运行时都没有因果掩码（一个假设实验）：对角线以上的权重不为 0，位置 t 能看到它本应预测的词元。',
  },
  heatmapTitle: { en: 'Decoder self-attention weights', zh: '解码器自注意力权重' },
  crossTitle: { en: 'For comparison: cross-attention weights', zh: '对比：交叉注意力权重' },
  hatched: {
    en: 'Hatched: the future positions the causal mask removed (weight exactly 0). Compare the cross-attention map next to it: a T × S rectangle with nothing masked.',
    zh: '斜线格：被因果掩码去掉的未来位置（权重恰好为 0）。对比旁边的交叉注意力图：一个 T × S 的矩形，没有任何格子被掩码。',
  },
  hatchedOnly: {
    en: 'Hatched: the future positions the causal mask removed (weight exactly 0).',
    zh: '斜线格：被因果掩码去掉的未来位置（权重恰好为 0）。',
  },
  checkCaption: { en: 'Each query row of head {{head}}: what the softmax gave the future keys', zh: '第 {{head}} 头的每个查询行：softmax 分给未来键的权重' },
  query: { en: 'query', zh: '查询' },
  visible: { en: 'keys it may see', zh: '可见的键' },
  future: { en: 'weight on later keys', zh: '分给之后的键的权重' },
  rowSum: { en: 'row sum', zh: '行和' },
  checkNote: {
    en: 'Sums of the recorded weights, made here for display.',
    zh: '对记录的权重求和，仅用于展示。',
  },
} satisfies Record<string, Bilingual>;
