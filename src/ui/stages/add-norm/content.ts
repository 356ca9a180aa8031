// Texts of the `add-norm` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Residual add and LayerNorm', zh: '残差相加与层归一化' };

export const explain: StageExplanation = {
  what: {
    en: 'Every sublayer (self-attention, cross-attention, the feed-forward network) sits inside the same wrapper. Its output is added to its own input — the residual, or skip, connection — and a LayerNorm rescales each token’s vector on its own, either the sum (post-norm, the paper’s order) or the sublayer’s input (pre-norm; the panel says which this model uses): subtract the vector’s mean, divide by its standard deviation (with a small ε inside the square root), then multiply by a learned γ and add a learned β, one pair per dimension.',
    zh: '每个子层（自注意力、交叉注意力、前馈网络）都包在同样的结构里：子层的输出加回到它自己的输入上——这就是残差连接（也叫跳跃连接）；层归一化（LayerNorm）则对每个词元的向量单独处理，处理的对象要么是这个和（后置归一化，论文的顺序），要么是子层的输入（前置归一化；本模型用哪一种，见下方面板）：减去该向量的均值，除以它的标准差（平方根内加一个很小的 ε），再乘以可学习的 γ、加上可学习的 β，每个维度各一对。',
  },
  why: {
    en: 'The residual path lets a sublayer learn a correction to its input instead of a whole new representation, and gives gradients a route through the identity: the Jacobian of x + F(x) is I + ∂F/∂x. LayerNorm keeps the scale of the vectors steady from layer to layer, using only the token’s own numbers, so it behaves the same in training and at inference, for any batch size.',
    zh: '残差路径让子层只需学习对输入的修正，而不必学一个全新的表示，也让梯度可以经过恒等映射直接传回：x + F(x) 的雅可比矩阵是 I + ∂F/∂x。层归一化让向量的尺度在层与层之间保持稳定，而且只用该词元自己的数值，所以训练和推理时的行为相同，与批大小无关。',
  },
  problem: {
    en: 'Deep stacks without skip connections are hard to train (gradients fade or explode), and without normalization the activations drift in scale as they pass through the layers, which destabilizes attention and the feed-forward networks.',
    zh: '没有跳跃连接的深层网络很难训练（梯度会消失或爆炸）；没有归一化，激活值在层间传递时尺度会漂移，使注意力和前馈网络变得不稳定。',
  },
};

export const text = {
  post: {
    en: 'This model is post-norm, as in the paper: every block computes x ← LayerNorm(x + Sublayer(x)), with ε = {{eps}} (read from the checkpoint’s config).',
    zh: '本模型与论文一样采用后置归一化（post-norm）：每个块计算 x ← LayerNorm(x + Sublayer(x))，ε = {{eps}}（读自检查点的配置）。',
  },
  pre: {
    en: 'This model is pre-norm: every block computes x ← x + Sublayer(LayerNorm(x)), with ε = {{eps}} (read from the checkpoint’s config), and one more LayerNorm follows the last layer. The paper’s model is post-norm.',
    zh: '本模型采用前置归一化（pre-norm）：每个块计算 x ← x + Sublayer(LayerNorm(x))，ε = {{eps}}（读自检查点的配置），最后一层之后还有一个层归一化。论文中的模型是后置归一化。',
  },
  flowPost: { en: 'x → Sublayer → + x → LayerNorm → next', zh: 'x → 子层 → 加上 x → 层归一化 → 下一步' },
  flowPre: { en: 'x → LayerNorm → Sublayer → + x → next', zh: 'x → 层归一化 → 子层 → 加上 x → 下一步' },
  sublayerLegend: { en: 'Sublayer', zh: '子层' },
  sublayerChoice: { en: '{{n}} · {{name}}', zh: '{{n}} · {{name}}' },
  where: { en: '{{side}} layer {{layer}}, sublayer {{n}} ({{name}})', zh: '{{side}}第 {{layer}} 层，第 {{n}} 个子层（{{name}}）' },

  residualTitle: { en: 'The residual path', zh: '残差路径' },
  residualIntro: {
    en: 'The block’s input x goes around the sublayer untouched and is added back, element by element: the three matrices below have the same shape, and the third is the sum of the first two.',
    zh: '块的输入 x 绕过子层、原封不动地逐元素加回来：下面三个矩阵形状相同，第三个是前两个之和。',
  },
  inputTitle: { en: 'x: the block’s input (residual stream)', zh: 'x：块的输入（残差流）' },
  sublayerTitlePost: { en: 'Sublayer(x): {{name}} output', zh: 'Sublayer(x)：{{name}}的输出' },
  sublayerTitlePre: { en: 'Sublayer(LN(x)): {{name}} output', zh: 'Sublayer(LN(x))：{{name}}的输出' },
  sumTitle: { en: 'x + Sublayer(…): the residual sum', zh: 'x + Sublayer(…)：残差和' },
  sumTip: { en: 'x + F = {{x}} + {{f}} = {{sum}}', zh: 'x + F = {{x}} + {{f}} = {{sum}}' },

  lnTitle: { en: 'LayerNorm, one token at a time', zh: '层归一化：逐个词元' },
  lnInputPost: {
    en: 'LayerNorm normalizes the residual sum above, each row (token) over its own D = {{d}} values.',
    zh: '层归一化作用在上面的残差和上，每一行（一个词元）只用它自己的 D = {{d}} 个数值。',
  },
  lnInputPre: {
    en: 'In pre-norm, LayerNorm normalizes the block’s input x (the first matrix above) before the sublayer sees it, each row over its own D = {{d}} values.',
    zh: '在前置归一化中，层归一化在子层之前作用于块的输入 x（上面第一个矩阵），每一行只用它自己的 D = {{d}} 个数值。',
  },
  statsCaption: { en: 'Per-token statistics (over the D = {{d}} values of each row)', zh: '每个词元的统计量（对每一行的 D = {{d}} 个值计算）' },
  token: { en: 'token', zh: '词元' },
  mean: { en: 'mean μ', zh: '均值 μ' },
  variance: { en: 'variance σ² = 1/rstd² − ε', zh: '方差 σ² = 1/rstd² − ε' },
  rstd: { en: 'rstd = 1/√(σ² + ε)', zh: 'rstd = 1/√(σ² + ε)' },
  xhatMean: { en: 'mean of x̂', zh: 'x̂ 的均值' },
  xhatVar: { en: 'variance of x̂', zh: 'x̂ 的方差' },
  statsNote: {
    en: 'μ and rstd are what the LayerNorm kernel recorded; σ² is read back from rstd. The last two columns are computed here for display, from x̂ = (x − μ)·rstd: mean 0 and variance σ²/(σ² + ε), a hair under 1.',
    zh: 'μ 和 rstd 是层归一化内核记录下来的值；σ² 由 rstd 反推得到。最后两列是这里为了展示而计算的，来自 x̂ = (x − μ)·rstd：均值为 0，方差为 σ²/(σ² + ε)，略小于 1。',
  },
  xhatTitle: { en: 'x̂ = (x − μ)·rstd, before γ and β (computed for display)', zh: 'x̂ = (x − μ)·rstd，乘 γ、加 β 之前（为展示而计算）' },
  xhatTip: { en: 'x̂ = (x − μ)·rstd = ({{x}} − {{mean}}) · {{rstd}} = {{xhat}}', zh: 'x̂ = (x − μ)·rstd = ({{x}} − {{mean}}) · {{rstd}} = {{xhat}}' },
  yTitle: { en: 'LayerNorm output y = γ ⊙ x̂ + β (recorded)', zh: '层归一化输出 y = γ ⊙ x̂ + β（记录值）' },
  yTip: { en: 'y = γ·x̂ + β = {{g}} · {{xhat}} + {{b}} = {{y}}', zh: 'y = γ·x̂ + β = {{g}} · {{xhat}} + {{b}} = {{y}}' },
  affineTitle: { en: 'γ and β: the learned scale and shift of each dimension', zh: 'γ 和 β：每个维度可学习的缩放与平移' },
  paramAxis: { en: 'parameter', zh: '参数' },
  gammaTip: {
    en: '{{name}}[{{c}}] = {{v}}: x̂ in dimension d{{c}} of every token is multiplied by this',
    zh: '{{name}}[{{c}}] = {{v}}：每个词元在第 d{{c}} 维的 x̂ 都乘以这个数',
  },
  betaTip: { en: '{{name}}[{{c}}] = {{v}}: added to dimension d{{c}} of every token', zh: '{{name}}[{{c}}] = {{v}}：加到每个词元的第 d{{c}} 维上' },
  affineNote: {
    en: 'γ and β are parameters of the model, not part of the trace: these are the checkpoint’s tensors {{gamma}} and {{beta}}, from the same model that computed this sentence. Check: γ·x̂ + β with these values reproduces every recorded y to within {{err}}.',
    zh: 'γ 和 β 是模型的参数，不在记录的中间结果里：这里显示的是检查点中的张量 {{gamma}} 和 {{beta}}，来自计算这个句子的同一个模型。验证：用这些数值计算 γ·x̂ + β，与每个记录的 y 相差都在 {{err}} 以内。',
  },
  affineRange: {
    en: 'γ spans {{gMin}} … {{gMax}} and β spans {{bMin}} … {{bMax}} (training in this app starts γ at 1 and β at 0). Both rows share one colour scale, so small differences within γ are easier to read in the table.',
    zh: 'γ 的范围是 {{gMin}} … {{gMax}}，β 的范围是 {{bMin}} … {{bMax}}（本应用训练时 γ 从 1、β 从 0 开始）。两行共用一个颜色刻度，γ 内部的细小差别在表格里更容易看清。',
  },
  affineMissing: {
    en: 'This model’s checkpoint has no {{gamma}} tensor, so γ and β cannot be shown.',
    zh: '此模型的检查点中没有 {{gamma}} 张量，因此无法显示 γ 和 β。',
  },
  value: { en: 'value', zh: '数值' },
  lnVsBn: {
    en: 'LayerNorm vs BatchNorm: LayerNorm takes its statistics along each row — one token, all its dimensions — as in the table. BatchNorm would take them down each column, over the tokens and sentences of a batch: it would depend on the batch size, mix in padding positions, and need running averages that differ between training and inference. LayerNorm does the same thing for one sentence or a thousand, and for one decoding step at a time.',
    zh: '层归一化与批归一化：层归一化沿每一行取统计量——一个词元的所有维度——正如表中所示。批归一化则沿每一列、在一个批次的所有词元和句子上取统计量：它依赖批大小，会混入填充位置，而且需要在训练和推理时不同的滑动平均。层归一化无论一句话还是一千句话、无论是否一次只解码一步，计算方式都完全一样。',
  },
} satisfies Record<string, Bilingual>;
