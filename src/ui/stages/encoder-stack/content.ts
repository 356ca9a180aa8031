// Texts of the `encoder-stack` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'The encoder stack and the model view', zh: '编码器堆栈与模型总览' };

export const explain: StageExplanation = {
  what: {
    en: 'The encoder repeats the same kind of layer N times (N = 6 in the paper; this model’s N is in the formula), each with its own weights: self-attention, then the feed-forward network, each wrapped in a residual add and a LayerNorm. The last layer’s output, one vector per source token (in a pre-norm model, after one final LayerNorm), is the “memory” that every decoder layer reads through cross-attention. The decoder stacks its own layers the same way, with a third sublayer for cross-attention.',
    zh: '编码器把同一种层重复 N 次（论文中 N = 6；本模型的 N 见公式），每层有自己的权重：先自注意力，再前馈网络，每个子层都包在残差相加和层归一化之中。最后一层的输出（每个源词元一个向量；前置归一化的模型还要再经过一次最终层归一化）就是“记忆”，每个解码器层都通过交叉注意力读取它。解码器也以同样方式堆叠自己的层，只是多了一个交叉注意力子层。',
  },
  why: {
    en: 'One layer lets each token gather information from the others once. Stacking layers lets it combine information that was itself gathered, so a token’s vector stops being a dictionary entry and becomes a description of the word in this sentence.',
    zh: '一层只能让每个词元从其他词元那里收集一次信息。把层堆叠起来，就能组合已经收集过的信息，于是词元的向量不再只是一个词典条目，而变成了“这个词在这句话里”的描述。',
  },
  problem: {
    en: 'A static embedding gives a word one vector whatever its context (“bank” by a river or with an account). After attention layers, each vector is a mixture of the other tokens’ values, so the same word gets different vectors in different sentences: static versus contextual representations.',
    zh: '静态嵌入不管上下文如何都给一个词同一个向量（河“岸”还是银“行”，英文都是 bank）。经过注意力层之后，每个向量都混合了其他词元的值，于是同一个词在不同句子中得到不同的向量：这就是静态表示与上下文表示的区别。',
  },
};

export const text = {
  gridTitle: { en: 'Model view: every layer × head', zh: '模型总览：所有层 × 头' },
  gridHint: {
    en: 'Each thumbnail is one head’s attention weights (rows = queries, columns = keys, brighter = larger weight, 0 to 1; hatched = masked). Click one to open it.',
    zh: '每个缩略图是一个头的注意力权重（行 = 查询，列 = 键，越亮权重越大，范围 0 到 1；斜线 = 被掩码）。点击可打开。',
  },
  blockEnc: { en: 'Encoder self-attention (source × source) → opens “Multiple heads”', zh: '编码器自注意力（源 × 源）→ 打开“多头”' },
  blockDec: { en: 'Decoder masked self-attention (target × target) → opens “Multiple heads”', zh: '解码器掩码自注意力（目标 × 目标）→ 打开“多头”' },
  blockCross: { en: 'Cross-attention (target × source) → opens “Cross-attention”', zh: '交叉注意力（目标 × 源）→ 打开“交叉注意力”' },
  layer: { en: 'layer {{layer}}', zh: '第 {{layer}} 层' },
  head: { en: 'head {{head}}', zh: '第 {{head}} 头' },
  thumb: { en: '{{block}}, layer {{layer}}, head {{head}}: open', zh: '{{block}}，第 {{layer}} 层，第 {{head}} 头：打开' },
  contextTitle: { en: 'Static vs contextual vectors', zh: '静态向量与上下文向量' },
  contextIntro: {
    en: 'The embedding table gives each word one fixed vector. Pick a token to follow its vector up the encoder: the rows below are the same position before the stack and after each layer.',
    zh: '嵌入表给每个词一个固定的向量。选一个词元，看它的向量如何在编码器中一层层变化：下面各行是同一位置在堆栈之前和每一层之后的向量。',
  },
  tokenLegend: { en: 'Token', zh: '词元' },
  stageEmbed: { en: 'embedding', zh: '嵌入' },
  stageInput: { en: '+ position', zh: '+ 位置' },
  stageLayer: { en: 'layer {{layer}}', zh: '第 {{layer}} 层' },
  stageMemory: { en: 'final LN', zh: '最终归一化' },
  stageInputNoPos: { en: 'input (no positions)', zh: '输入（无位置编码）' },
  stagesNote: {
    en: 'Rows: the static embedding ({{embed}}), the encoder input ({{input}}), then the output of each layer; {{memory}}',
    zh: '各行依次是：静态嵌入（{{embed}}）、编码器输入（{{input}}），然后是每一层的输出；{{memory}}',
  },
  embedScaled: { en: 'the table row × √D', zh: '表中的行 × √D' },
  embedPlain: { en: 'the table row as it is: this model does not scale embeddings', zh: '表中的行原样使用：本模型不缩放嵌入' },
  inputPos: { en: '+ position', zh: '+ 位置' },
  inputNoPos: { en: 'the same vectors: this model adds no positional encoding', zh: '与嵌入相同：本模型不加位置编码' },
  memoryPost: {
    en: 'the last layer’s output is the memory the decoder reads (post-norm: every layer already ends in a LayerNorm).',
    zh: '最后一层的输出就是解码器读取的记忆（后置归一化：每一层本身就以层归一化结束）。',
  },
  memoryPre: {
    en: 'the last row, “final LN”, is the last layer’s output passed through the encoder’s final LayerNorm (enc.ln_f, pre-norm): that is the memory the decoder reads.',
    zh: '最后一行“最终归一化”是最后一层的输出再经过编码器的最终层归一化（enc.ln_f，前置归一化）：这才是解码器读取的记忆。',
  },
  memoryMlmPost: {
    en: 'the last layer’s output is what the MLM head reads (post-norm: every layer already ends in a LayerNorm). This model has no decoder.',
    zh: '最后一层的输出就是 MLM 预测头读取的内容（后置归一化：每一层本身就以层归一化结束）。这个模型没有解码器。',
  },
  memoryMlmPre: {
    en: 'the last row, “final LN”, is the last layer’s output passed through the encoder’s final LayerNorm (enc.ln_f, pre-norm): that is what the MLM head reads. This model has no decoder.',
    zh: '最后一行“最终归一化”是最后一层的输出再经过编码器的最终层归一化（enc.ln_f，前置归一化）：这才是 MLM 预测头读取的内容。这个模型没有解码器。',
  },
  pathTitle: { en: 'The vector of “{{token}}” (position {{pos}}) through the encoder', zh: '“{{token}}”（位置 {{pos}}）的向量在编码器中的变化' },
  stageAxis: { en: 'stage', zh: '阶段' },
  value: { en: 'value', zh: '数值' },
  cosTitle: { en: 'Cosine similarity to the token’s own static embedding (computed for display)', zh: '与该词元自身静态嵌入的余弦相似度（为展示而计算）' },
  cosLegend: { en: 'cosine similarity', zh: '余弦相似度' },
  cosTip: { en: 'cos(embedding of “{{token}}”, its vector at “{{stage}}”) = {{v}}', zh: 'cos（“{{token}}”的嵌入，它在“{{stage}}”处的向量）= {{v}}' },
  pairTitleStatic: { en: 'Token × token cosine: static embeddings', zh: '词元 × 词元余弦相似度：静态嵌入' },
  pairTitleContext: { en: 'Token × token cosine: encoder output (memory)', zh: '词元 × 词元余弦相似度：编码器输出（记忆）' },
  pairTip: { en: 'cos(“{{a}}”, “{{b}}”) = {{v}}', zh: 'cos（“{{a}}”，“{{b}}”）= {{v}}' },
  repeated: {
    en: '“{{token}}” appears at positions {{i}} and {{j}}: the same static embedding (cosine {{before}}), but after the encoder their vectors differ (cosine {{after}}) because their contexts differ.',
    zh: '“{{token}}”出现在位置 {{i}} 和 {{j}}：静态嵌入完全相同（余弦 {{before}}），但经过编码器后两者的向量不同（余弦 {{after}}），因为它们的上下文不同。',
  },
  noRepeat: {
    en: 'Try a sentence with a word twice, for example “the cat saw the dog .”: both “the” rows have the same static embedding (cosine 1) but different vectors after the encoder.',
    zh: '试试一个词出现两次的句子，例如 “the cat saw the dog .”：两个 “the” 的静态嵌入完全相同（余弦为 1），但经过编码器后的向量不同。',
  },
  derived: {
    en: 'Cosine similarities are computed here from the recorded vectors (display arithmetic).',
    zh: '余弦相似度是这里根据记录的向量计算的（仅用于展示）。',
  },
} satisfies Record<string, Bilingual>;
