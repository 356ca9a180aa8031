// Texts of the `residual-flow` stage (the residual highway), English and Simplified Chinese.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'The residual highway', zh: '残差高速路' };

export const explain: StageExplanation = {
  what: {
    en: 'Every sublayer block adds its output to the stream that enters it. On the way back, the gradient at a block’s input is therefore the gradient from above plus what comes back through the sublayer. The chart follows the size of that gradient, ‖∂L/∂x‖, from the top of the decoder down to its embeddings, and from the top of the encoder down to the source embeddings.',
    zh: '每个子层块都把自己的输出加到流入它的数据流上。因此在反向传播时，一个块输入处的梯度等于从上方传下来的梯度，再加上经由子层传回来的那一部分。图中追踪这个梯度的大小 ‖∂L/∂x‖：从解码器顶部一直到解码器的嵌入，以及从编码器顶部一直到源端嵌入。',
  },
  why: {
    en: 'The identity path of the residual sum hands the gradient down unchanged, whatever the sublayer does. A deep stack trains because every layer receives a usable gradient, not one that has been multiplied by the Jacobian of every block above it.',
    zh: '残差相加里的恒等路径会把梯度原样往下传，不管子层本身做了什么。深层网络之所以训练得动，是因为每一层都能拿到可用的梯度，而不是一个被上方每个块的雅可比矩阵连乘过的梯度。',
  },
  problem: {
    en: 'Without residual connections the gradient at the bottom is a product of one Jacobian per block, and such products tend to shrink (or grow) geometrically with depth, so the lowest layers hardly learn. Where the LayerNorm sits matters too: the paper normalises after the sum (post-norm), so the gradient also passes through every LayerNorm on its way down; pre-norm keeps the identity path free of them, which is why deep models usually choose it.',
    zh: '如果没有残差连接，底部的梯度就是每个块一个雅可比矩阵的连乘，这种连乘往往随深度按几何级数缩小（或放大），最底下的几层几乎学不到东西。LayerNorm 放在哪里也有影响：论文在相加之后做归一化（后归一化），梯度往下走时还要穿过每一个 LayerNorm；前归一化让恒等路径上没有 LayerNorm，所以深层模型通常选用前归一化。',
  },
};

/** Names of the blocks a flow point enters. */
export const BLOCKS = {
  self: { en: 'self-attention', zh: '自注意力' },
  cross: { en: 'cross-attention', zh: '交叉注意力' },
  ffn: { en: 'FFN', zh: '前馈网络' },
} satisfies Record<string, Bilingual>;

/** The comparison's architectures. */
export const ARCHITECTURES = {
  post: { en: 'post-norm', zh: '后归一化' },
  pre: { en: 'pre-norm', zh: '前归一化' },
  none: { en: 'no residual (post-norm)', zh: '无残差（后归一化）' },
} satisfies Record<string, Bilingual>;

export const text = {
  pointLabel: { en: '{{side}} layer {{layer}} · {{block}}', zh: '{{side}}第 {{layer}} 层 · {{block}}' },
  chartTitle: { en: 'Gradient size at each block input, {{side}} (top → embeddings)', zh: '各块输入处的梯度大小：{{side}}（顶部 → 嵌入）' },
  xLabel: { en: 'blocks below the top (0: the top block’s input)', zh: '距顶部的块数（0：最上面一块的输入）' },
  yLabel: { en: 'log₁₀ ‖∂L/∂x‖', zh: 'log₁₀ ‖∂L/∂x‖' },
  logNote: {
    en: 'The chart plots log₁₀ of the norm, so −3 means 0.001 and each step down is ten times smaller. A norm of exactly 0 has no logarithm: it is not drawn, and the table says 0.',
    zh: '图中画的是范数的 log₁₀，所以 −3 表示 0.001，每往下一格就小十倍。恰好为 0 的范数没有对数，因此不画出来，表格里写作 0。',
  },
  shownSeries: { en: 'this model ({{norm}}, {{layers}} layers)', zh: '本模型（{{norm}}，{{layers}} 层）' },
  runSeries: { en: '{{arch}}, {{layers}} layers, fresh', zh: '{{arch}}，{{layers}} 层，新初始化' },
  zeroMarker: { en: '{{series}}: 0 from here', zh: '{{series}}：从这里起为 0' },
  tableCaption: { en: 'Every block input of this model, from the top down', zh: '本模型的每个块输入，自上而下' },
  colPoint: { en: 'input of', zh: '输入所属块' },
  colTrace: { en: 'trace point', zh: '记录点' },
  colNorm: { en: '‖∂L/∂x‖', zh: '‖∂L/∂x‖' },
  colRatio: { en: '÷ top of its side', zh: '÷ 本侧顶部' },
  exactZero: { en: '0 (exactly)', zh: '0（恰为零）' },
  compareTitle: { en: 'Compare: post-norm, pre-norm, no residual', zh: '对比：后归一化、前归一化、无残差' },
  compareIntro: {
    en: 'Build three models with this model’s sizes — post-norm, pre-norm, and post-norm without residual connections — and follow the gradient through each of them on this same pair.',
    zh: '按本模型的尺寸搭三个模型——后归一化、前归一化、以及去掉残差连接的后归一化——在同一对句子上追踪梯度穿过它们的情况。',
  },
  layersLegend: { en: 'Layers on each side', zh: '每侧层数' },
  layersOwn: { en: '{{n}} (this model)', zh: '{{n}}（本模型）' },
  compareButton: { en: 'Run the comparison', zh: '运行对比' },
  running: { en: 'Running three freshly initialised models on this pair…', zh: '正在用这对句子运行三个新初始化的模型……' },
  failed: { en: 'The comparison failed: {{error}}', zh: '对比运行失败：{{error}}' },
  otherLayers: {
    en: 'Shown: the comparison with {{layers}} layers. Run it again for {{chosen}}.',
    zh: '当前显示的是 {{layers}} 层的对比结果。要看 {{chosen}} 层，请再运行一次。',
  },
  comparisonCaption: {
    en: 'The comparison models have {{layers}} layers on each side and are freshly initialised with seed {{seed}}, with this model’s sizes (D = {{d}}, {{h}} heads, F = {{f}}, the same vocabularies). Each ran once, forward and backward, on this very pair: they are not trained. Their losses ({{losses}}) are those of random models: compare the shapes of the curves with this model’s, not their heights.',
    zh: '对比模型每侧 {{layers}} 层，用种子 {{seed}} 重新初始化，尺寸与本模型相同（D = {{d}}，{{h}} 个头，F = {{f}}，词表相同）。每个模型只在这对句子上做了一次前向和反向传播——都没有训练过。它们的损失（{{losses}}）是随机模型的损失：请比较曲线的形状，而不是高低。',
  },
  lossOf: { en: '{{arch}} {{loss}}', zh: '{{arch}} {{loss}}' },
  comparisonTable: { en: 'Gradient size at each block input, by architecture ({{layers}} layers, fresh)', zh: '各架构在每个块输入处的梯度大小（{{layers}} 层，新初始化）' },
} satisfies Record<string, Bilingual>;

/** Sentences the pure texts.ts fills from the numbers. */
export const sentences = {
  postNorm: {
    en: 'This model is post-norm, as in the paper: LayerNorm(x + Sublayer(x)). The gradient reaching a block’s input passes back through that LayerNorm first, then splits into the identity path and the sublayer’s path.',
    zh: '本模型与论文一样采用后归一化：LayerNorm(x + Sublayer(x))。到达块输入的梯度要先反向穿过这个 LayerNorm，再分成恒等路径和子层路径两支。',
  },
  preNorm: {
    en: 'This model is pre-norm: x + Sublayer(LayerNorm(x)). The identity path carries the gradient from the top to the embeddings without passing through any LayerNorm; each sublayer only adds its own share.',
    zh: '本模型采用前归一化：x + Sublayer(LayerNorm(x))。恒等路径把梯度从顶部一路送到嵌入，中间不经过任何 LayerNorm；每个子层只是加上自己的那一份。',
  },
  sideSummary: {
    en: '{{side}}: {{top}} at the top block’s input, {{bottom}} at the embeddings, {{factor}} times the top’s after {{n}} blocks.',
    zh: '{{side}}：最上面一块的输入处为 {{top}}，嵌入处为 {{bottom}}，经过 {{n}} 个块后是顶部的 {{factor}} 倍。',
  },
  zeroCount: {
    en: '{{series}}, {{side}}: {{count}} of {{n}} block inputs received a gradient of exactly 0.',
    zh: '{{series}}，{{side}}：{{n}} 个块输入中有 {{count}} 个收到的梯度恰好为 0。',
  },
  zeroUnderflow: {
    en: 'Just above the first exact 0 the norm was already {{last}}: the gradient shrank block after block until it fell below the smallest number float32 can hold (about 1.4e−45). Exactly 0 here means nothing at all arrived, not a small number rounded for display.',
    zh: '在第一个恰为 0 的点之上，范数已经只有 {{last}}：梯度一块接一块地缩小，直到低于 float32 能表示的最小数（约 1.4e−45）。这里的 0 表示什么都没有传到，而不是为了显示而四舍五入的小数。',
  },
  zeroNoPath: {
    en: 'Just above the first exact 0 the norm was still {{last}}, so this is not a slow fade: no path carried the gradient further. That happens, for example, when the rows a layer passes on have collapsed to one vector — attention over identical keys is uniform, and its scores receive no gradient at all.',
    zh: '在第一个恰为 0 的点之上，范数还有 {{last}}，所以这不是慢慢衰减：是没有任何路径把梯度继续往下传。比如某一层传下去的各行已经塌缩成同一个向量时就会这样——对完全相同的键做注意力，权重是均匀的，打分得不到任何梯度。',
  },
} satisfies Record<string, Bilingual>;

/** Names of the numeric-check targets. */
export const checks = {
  top: { en: '∂L/∂x at the input of {{point}}', zh: '{{point}} 输入处的 ∂L/∂x' },
  embeddings: { en: '∂L/∂x at the {{side}} embeddings ({{name}})', zh: '{{side}}嵌入处的 ∂L/∂x（{{name}}）' },
} satisfies Record<string, Bilingual>;
