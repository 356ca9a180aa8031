// Texts of the `ffn` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Position-wise feed-forward network', zh: '逐位置前馈网络' };

export const explain: StageExplanation = {
  what: {
    en: 'Each token’s vector, on its own, goes through two linear layers with an activation between them: it is expanded from D to F numbers (F = 4·D in the paper), the activation (ReLU in the paper: max(0, x)) switches off the negative ones, and the second layer projects back to D. The same weights serve every position; tokens do not exchange information here — attention did that.',
    zh: '每个词元的向量单独经过两个线性层，中间夹一个激活函数：先从 D 维扩展到 F 维（论文中 F = 4·D），激活函数（论文用 ReLU：max(0, x)）关掉为负的那些，第二个线性层再投影回 D 维。每个位置使用同一组权重；词元之间在这里不交换信息——那是注意力的工作。',
  },
  why: {
    en: 'Attention mixes vectors by weighted averages, which are linear in the values. The FFN adds the per-token non-linear computation. With the paper’s F = 4·D it holds about two thirds of an encoder layer’s weights, but only about half of a decoder layer’s, which has a second attention block (the panel works out the share for this model). Its wide hidden layer works like a bank of F pattern detectors: each column of W₁ with its bias tests the token for one pattern, the activation lets only the matching ones through, and the matching rows of W₂ are written back into the D-wide stream.',
    zh: '注意力用加权平均混合向量，对值来说是线性的。前馈网络为每个词元加入非线性计算。按论文的 F = 4·D，它约占编码器一层权重的三分之二，但在解码器一层中只占约一半，因为解码器层还多一个注意力块（本模型的实际占比见下方面板）。它宽大的隐藏层就像 F 个模式检测器：W₁ 的每一列连同偏置检测词元是否符合某种模式，激活函数只让匹配的通过，然后 W₂ 中对应的行被写回 D 维的数据流。',
  },
  problem: {
    en: 'Without the activation, the two layers collapse into one linear map (x·W₁·W₂): depth would add nothing. Expanding gives room for many patterns; projecting back keeps the residual stream one fixed width, so layers can be stacked and added to their inputs.',
    zh: '如果没有激活函数，两个线性层会合并成一个线性映射（x·W₁·W₂）：加深网络毫无用处。扩展维度给了存放许多模式的空间；投影回去让残差流保持固定宽度，这样层才能堆叠，并与输入相加。',
  },
};

export const text = {
  which: { en: '{{side}} layer {{layer}}', zh: '{{side}}第 {{layer}} 层' },
  widthsTitle: { en: 'Expand, activate, project back', zh: '扩展、激活、投影回去' },
  widths: {
    en: 'Each of the {{n}} tokens: D = {{d}} → F = {{f}} → D = {{d}}.',
    zh: '{{n}} 个词元中的每一个：D = {{d}} → F = {{f}} → D = {{d}}。',
  },
  ratioPaper: {
    en: 'F is 4 × D, the paper’s ratio (d_model = 512, d_ff = 2048).',
    zh: 'F 是 D 的 4 倍，与论文的比例相同（d_model = 512，d_ff = 2048）。',
  },
  ratioOther: {
    en: 'F is {{ratio}} × D here; the paper uses F = 4 × D (d_model = 512, d_ff = 2048).',
    zh: '这里 F 是 D 的 {{ratio}} 倍；论文用的是 F = 4 × D（d_model = 512，d_ff = 2048）。',
  },
  params: {
    en: 'Weights: W₁ ({{d}} × {{f}}) + b₁ and W₂ ({{f}} × {{d}}) + b₂ = {{ffn}} numbers; one attention block’s W_Q, W_K, W_V, W_O with biases = {{att}}. One {{side}} layer has {{blocks}} attention block{{plural}}, so its FFN holds {{share}}% of these weights: {{verdict}} (arithmetic on the config, LayerNorm’s γ and β left out).',
    zh: '权重：W₁（{{d}} × {{f}}）+ b₁ 和 W₂（{{f}} × {{d}}）+ b₂，共 {{ffn}} 个数；一个注意力块的 W_Q、W_K、W_V、W_O 连同偏置共 {{att}} 个。{{side}}的一层有 {{blocks}} 个注意力块，所以前馈网络占这些权重的 {{share}}%：{{verdict}}（由配置算出，不计层归一化的 γ 和 β）。',
  },
  shareMost: { en: 'most of them', zh: '即大部分' },
  shareHalf: { en: 'about half, not most', zh: '约为一半，并非大部分' },
  shareLess: { en: 'less than half', zh: '不到一半' },
  stepHidden: { en: '① x·W₁ + b₁', zh: '① x·W₁ + b₁' },
  stepAct: { en: '② {{act}}', zh: '② {{act}}' },
  stepOut: { en: '③ ·W₂ + b₂', zh: '③ ·W₂ + b₂' },
  zeroedTitle: { en: 'What the activation switches off', zh: '激活函数关掉了什么' },
  zeroedRelu: {
    en: '{{where}}: ReLU set {{zero}} of the {{total}} hidden values to exactly 0 ({{pct}}%). Those units contribute nothing to the output row of W₂ for that token.',
    zh: '{{where}}：ReLU 把 {{total}} 个隐藏值中的 {{zero}} 个置为恰好 0（{{pct}}%）。这些单元对该词元经 W₂ 得到的输出毫无贡献。',
  },
  zeroedGelu: {
    en: '{{where}}: GELU never outputs exactly 0 for a non-zero input: {{negative}} of the {{total}} hidden values are negative ({{negPct}}%), and {{near}} are near zero, |a| < {{eps}} ({{nearPct}}%).',
    zh: '{{where}}：对非零输入，GELU 从不输出恰好 0：{{total}} 个隐藏值中有 {{negative}} 个为负（{{negPct}}%），{{near}} 个接近 0，即 |a| < {{eps}}（{{nearPct}}%）。',
  },
  countNote: {
    en: 'Counts made here on the recorded activations (display arithmetic, not part of the model).',
    zh: '这些计数是在记录的激活值上统计的（仅用于展示，不是模型的一部分）。',
  },
  tableCaption: { en: 'Per token: hidden units switched off (of F = {{f}})', zh: '每个词元：被关掉的隐藏单元（共 F = {{f}} 个）' },
  token: { en: 'token', zh: '词元' },
  zeroCol: { en: 'exactly 0', zh: '恰好为 0' },
  shareCol: { en: 'share', zh: '占比' },
  negativeCol: { en: 'negative', zh: '为负' },
  nearCol: { en: '|a| < {{eps}}', zh: '|a| < {{eps}}' },
  all: { en: 'all tokens', zh: '全部词元' },
  hiddenTitle: { en: '① Expanded x·W₁ + b₁ (before the activation)', zh: '① 扩展后的 x·W₁ + b₁（激活之前）' },
  actTitle: { en: '② After {{act}}', zh: '② {{act}} 之后' },
  outTitle: { en: '③ Projected back: ·W₂ + b₂', zh: '③ 投影回去：·W₂ + b₂' },
  hiddenTip: {
    en: 'h = x·W₁[:, {{j}}] + b₁[{{j}}] = {{h}}; {{act}}(h) = {{a}}',
    zh: 'h = x·W₁[:, {{j}}] + b₁[{{j}}] = {{h}}；{{act}}(h) = {{a}}',
  },
  outTip: {
    en: 'Σⱼ a_j·W₂[j, {{d}}] + b₂[{{d}}] = {{v}}, a sum over F = {{f}} hidden units, {{off}} of them switched off for this token',
    zh: 'Σⱼ a_j·W₂[j, {{d}}] + b₂[{{d}}] = {{v}}，对 F = {{f}} 个隐藏单元求和，其中 {{off}} 个对该词元已被关掉',
  },
  legend: { en: 'value', zh: '数值' },
} satisfies Record<string, Bilingual>;
