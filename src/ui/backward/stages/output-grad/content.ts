// Texts of the `output-grad` stage of the training-step walkthrough, English and Simplified
// Chinese. Sentences that depend on the model (norm placement, activation) are chosen in texts.ts.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = {
  en: 'Back through the output layer, the last FFN and its LayerNorm',
  zh: '反向穿过输出层、最后一个前馈网络及其层归一化',
};

export const explain: StageExplanation = {
  what: {
    en: 'The loss gradient at the logits, ∂L/∂z, now travels into the network. The output projection z = y·W + b hands it to the decoder’s final vectors: ∂L/∂y = ∂L/∂z·Wᵀ, one D-dimensional gradient per target position. From there it passes the LayerNorm that produced y, reaches the residual sum, is copied into the feed-forward network, and crosses the FFN’s two linear layers and the activation between them. Every weight on the way receives its own gradient: for a linear layer, ∂L/∂W = inputᵀ · (the gradient at its output).',
    zh: '损失在 logits 上的梯度 ∂L/∂z 开始进入网络。输出投影 z = y·W + b 把它交给解码器最后的向量：∂L/∂y = ∂L/∂z·Wᵀ，每个目标位置得到一个 D 维梯度。接着它穿过产生 y 的层归一化，到达残差和，被复制一份送进前馈网络，再穿过前馈网络的两个线性层和它们之间的激活函数。沿途的每个权重都得到自己的梯度：对线性层而言，∂L/∂W = 输入ᵀ ·（输出处的梯度）。',
  },
  why: {
    en: 'This is the chain rule applied one operation at a time, in the reverse order of the forward pass. Each operation needs only the gradient at its output and what it kept from the forward pass — its input, LayerNorm’s mean and 1/σ, which hidden units were active. The first steps show rules that repeat in every layer below: a linear layer multiplies by its transposed weight, LayerNorm centres and rescales, a residual sum copies, and ReLU blocks the gradient wherever it was off.',
    zh: '这就是链式法则，按与前向传播相反的顺序，一次作用于一个运算。每个运算只需要它输出处的梯度，以及前向时留下的东西——它的输入、层归一化的均值和 1/σ、哪些隐藏单元处于激活状态。最初这几步展示的规则会在下面每一层重复出现：线性层乘以转置的权重，层归一化把梯度居中并重新缩放，残差相加把梯度复制一份，ReLU 在关闭的地方把梯度挡住。',
  },
  problem: {
    en: 'Without backpropagation we would have to nudge every weight on its own and rerun the forward pass to see how the loss moves: one pass per weight. The backward pass delivers all gradients for roughly the cost of one more forward pass. Its details shape training: LayerNorm’s backward drops the part of a gradient that would only shift or stretch a token’s vector (LayerNorm would undo that anyway), and a ReLU unit that was off passes nothing, so the weights feeding a unit that was off at every position learn nothing from this example.',
    zh: '没有反向传播，就只能把每个权重单独微调一下，再重跑一遍前向传播，看损失如何变化：每个权重一遍。反向传播只需大约再做一次前向传播的代价，就得到全部梯度。它的细节影响着训练：层归一化的反向传播会去掉梯度中只会平移或拉伸词元向量的部分（反正层归一化也会把这些抵消掉）；处于关闭状态的 ReLU 单元不传递任何梯度，所以如果某个单元在所有位置上都关闭，通向它的权重就从这个例子里学不到任何东西。',
  },
};

export const text = {
  position: { en: 'position (input token)', zh: '位置（输入词元）' },
  gradLegend: { en: 'gradient', zh: '梯度' },

  projTitle: { en: '1 · From the logits to the decoder output', zh: '1 · 从 logits 到解码器输出' },
  projIntro: {
    en: 'Row t is ∂L/∂y at decoder position t, the position that reads the token on the left and predicts the next one. It equals ∂L/∂z·Wᵀ: a sum of the columns of W = {{w}} (one per vocabulary token), each weighted by that token’s probability minus its target probability.',
    zh: '第 t 行是解码器位置 t 处的 ∂L/∂y，该位置读入左侧的词元、预测下一个词元。它等于 ∂L/∂z·Wᵀ：W = {{w}} 的各列（每个词表词元一列）之和，每列的权重是该词元的预测概率减去目标概率。',
  },
  decOutTip: {
    en: 'position {{t}} reads “{{token}}” and must predict “{{next}}” (loss there {{loss}})',
    zh: '位置 {{t}} 读入“{{token}}”，要预测“{{next}}”（该位置的损失为 {{loss}}）',
  },
  decOutTitle: { en: '∂L/∂y at the decoder output (dec.out)', zh: '解码器输出处的 ∂L/∂y（dec.out）' },

  lnTitle: { en: '2 · Back through LayerNorm', zh: '2 · 反向穿过层归一化' },
  lnIntro: {
    en: 'y = LN(r) normalises each row of r = {{lnIn}} with its own mean μ and rstd = 1/√(σ² + ε), then applies γ and β. Its backward works row by row: multiply by γ, subtract the row’s mean, subtract the part along x̂ = (r − μ)·rstd, and multiply by rstd. The table reads the two recorded gradients and the recorded rstd (x̂ is computed here from the recorded r, μ and rstd).',
    zh: 'y = LN(r) 用每一行自己的均值 μ 和 rstd = 1/√(σ² + ε) 对 r = {{lnIn}} 做归一化，再乘 γ、加 β。它的反向传播逐行进行：乘以 γ，减去这一行的均值，减去沿 x̂ = (r − μ)·rstd 方向的分量，再乘以 rstd。表中读取的是记录下来的两个梯度和 rstd（x̂ 是这里用记录的 r、μ 和 rstd 算出来的）。',
  },
  lnCaption: { en: 'LayerNorm’s backward, per position ({{ln}})', zh: '层归一化的反向传播，逐个位置（{{ln}}）' },
  token: { en: 'token', zh: '词元' },
  meanBefore: { en: 'mean of ∂L/∂y', zh: '∂L/∂y 的均值' },
  meanAfter: { en: 'mean of ∂L/∂r', zh: '∂L/∂r 的均值' },
  cosAfter: { en: 'cos(∂L/∂r, x̂)', zh: 'cos(∂L/∂r, x̂)' },
  rstd: { en: 'rstd', zh: 'rstd' },
  normBefore: { en: '‖∂L/∂y‖', zh: '‖∂L/∂y‖' },
  normAfter: { en: '‖∂L/∂r‖', zh: '‖∂L/∂r‖' },
  lnNote: {
    en: 'After LayerNorm every row has mean 0 (largest |mean| here: {{mean}}) and is at right angles to x̂ (largest |cos|: {{cos}}). Shifting a row of r by a constant, or stretching it about its mean, leaves LN(r) unchanged (up to the tiny ε), so the loss has no gradient in those two directions. rstd then rescales what is left: a row with a small spread gets a large rstd, and a larger gradient.',
    zh: '经过层归一化之后，每一行的均值都是 0（这里最大的 |均值|：{{mean}}），并且与 x̂ 垂直（最大的 |cos|：{{cos}}）。把 r 的一行整体平移一个常数，或者围绕均值拉伸，LN(r) 都不变（只差很小的 ε），所以损失在这两个方向上没有梯度。剩下的部分再乘以 rstd：离散程度小的行 rstd 大，得到的梯度也更大。',
  },
  lnInTitle: { en: '∂L/∂r after LayerNorm ({{name}})', zh: '层归一化之后的 ∂L/∂r（{{name}}）' },
  lnParamsTitle: { en: 'Gradients of γ and β ({{ln}})', zh: 'γ 和 β 的梯度（{{ln}}）' },
  paramAxis: { en: 'parameter', zh: '参数' },
  lnParamsNote: {
    en: 'y = γ ⊙ x̂ + β, so ∂L/∂β is ∂L/∂y summed over the positions and ∂L/∂γ is ∂L/∂y ⊙ x̂ summed over the positions. The recorded parameter gradients match these sums to within {{beta}} (β) and {{gamma}} (γ).',
    zh: 'y = γ ⊙ x̂ + β，所以 ∂L/∂β 是 ∂L/∂y 在所有位置上的和，∂L/∂γ 是 ∂L/∂y ⊙ x̂ 在所有位置上的和。记录下来的参数梯度与这两个和的差别分别在 {{beta}}（β）和 {{gamma}}（γ）以内。',
  },
  lnParamsMissing: { en: 'The step recorded no gradient for {{name}}.', zh: '这一步没有记录 {{name}} 的梯度。' },

  ffnTitle: { en: '3 · Into the feed-forward network', zh: '3 · 进入前馈网络' },
  ffnIntro: {
    en: 'The sum r = x + FFN(…) passes its gradient to both inputs unchanged: ∂L/∂FFN.out equals ∂L/∂r (largest difference {{d}}). The FFN’s second linear layer maps it back to the F = {{f}} hidden units, ∂L/∂a = ∂L/∂FFN.out·W₂ᵀ, and the activation’s backward gives ∂L/∂h, the gradient before the activation.',
    zh: '残差和 r = x + FFN(…) 把梯度原样传给两个输入：∂L/∂FFN.out 等于 ∂L/∂r（最大差别 {{d}}）。前馈网络的第二个线性层把它映射回 F = {{f}} 个隐藏单元，∂L/∂a = ∂L/∂FFN.out·W₂ᵀ；激活函数的反向传播再给出激活之前的梯度 ∂L/∂h。',
  },
  actTitle: { en: '∂L/∂a at the activation’s output ({{name}})', zh: '激活函数输出处的 ∂L/∂a（{{name}}）' },
  hiddenTitle: { en: '∂L/∂h before the activation ({{name}})', zh: '激活函数之前的 ∂L/∂h（{{name}}）' },
  blockedCaption: { en: 'Where the activation blocked the gradient, per position ({{f}} hidden units each)', zh: '激活函数挡住梯度的地方，逐个位置（每个位置 {{f}} 个隐藏单元）' },
  reluOff: { en: 'switched off (a = 0)', zh: '关闭（a = 0）' },
  reluZero: { en: '∂L/∂h = 0', zh: '∂L/∂h = 0' },
  geluOff: { en: 'h < 0', zh: 'h < 0' },
  geluDamped: { en: '|∂L/∂h| < |∂L/∂a|/10', zh: '|∂L/∂h| < |∂L/∂a|/10' },
  both: { en: 'both', zh: '两者都是' },
  hiddenTip: { en: 'h = {{h}}, a = {{a}}, ∂L/∂a = {{da}}, ∂L/∂h = {{dh}}', zh: 'h = {{h}}，a = {{a}}，∂L/∂a = {{da}}，∂L/∂h = {{dh}}' },

  weightsTitle: { en: '4 · Weight gradients', zh: '4 · 权重的梯度' },
  weightsIntro: {
    en: 'A linear layer y = x·W + b (W stored as (in, out)) gets ∂L/∂W = xᵀ·∂L/∂y and ∂L/∂b = ∂L/∂y summed over the positions. The table sets each gradient’s size beside the weight’s own; the update stage turns these into steps.',
    zh: '线性层 y = x·W + b（W 按 (输入, 输出) 存储）得到 ∂L/∂W = xᵀ·∂L/∂y，∂L/∂b = ∂L/∂y 在所有位置上的和。表中把每个梯度的大小与权重本身的大小并列；更新阶段会把它们变成一步更新。',
  },
  weightsCaption: { en: 'Parameters the gradient has passed so far', zh: '梯度到目前为止经过的参数' },
} satisfies Record<string, Bilingual>;

/** Config-dependent sentences, chosen and filled in texts.ts. */
export const variantText = {
  post: {
    en: 'This model is post-norm (the paper’s order): decoder layer {{layer}}, the last, ends with y = LN₃(x + FFN(x)), and y is dec.out. So the gradient passes that layer’s LayerNorm {{ln}} first, then splits at the sum: one copy goes into the FFN, the other straight down the residual to the FFN’s input x.',
    zh: '本模型采用后置归一化（论文的顺序）：最后一层，即解码器第 {{layer}} 层，以 y = LN₃(x + FFN(x)) 结束，y 就是 dec.out。所以梯度先穿过这一层的层归一化 {{ln}}，再在残差和处分成两路：一路进入前馈网络，另一路沿残差直接到达前馈网络的输入 x。',
  },
  pre: {
    en: 'This model is pre-norm: decoder layer {{layer}}, the last, ends with the plain sum r = x + FFN(LN₃(x)), and one more LayerNorm, {{ln}}, turns r into dec.out. So the gradient passes {{ln}} first, then splits at the sum: one copy goes into the FFN (and, below it, through LN₃), the other straight down the residual to x without passing any LayerNorm.',
    zh: '本模型采用前置归一化：最后一层，即解码器第 {{layer}} 层，以普通的和 r = x + FFN(LN₃(x)) 结束，随后还有一个层归一化 {{ln}} 把 r 变成 dec.out。所以梯度先穿过 {{ln}}，再在残差和处分成两路：一路进入前馈网络（再往下还要穿过 LN₃），另一路沿残差直接到达 x，不经过任何层归一化。',
  },
  reluSummary: {
    en: 'ReLU passes the gradient where h > 0 and blocks it where the unit was off. {{off}} of the {{total}} hidden values were switched off (a = 0, {{pct}}%). ∂L/∂h is exactly 0 at {{zero}} entries, {{both}} of them at switched-off units.',
    zh: 'ReLU 在 h > 0 的地方让梯度通过，在单元关闭的地方把它挡住。{{total}} 个隐藏值中有 {{off}} 个处于关闭状态（a = 0，占 {{pct}}%）。∂L/∂h 恰好为 0 的有 {{zero}} 处，其中 {{both}} 处位于关闭的单元。',
  },
  reluAllOff: { en: 'Every switched-off unit passed no gradient at all.', zh: '每一个关闭的单元都完全没有传递梯度。' },
  reluOther: {
    en: '{{other}} further zeros sit at active units whose incoming ∂L/∂a was itself 0.',
    zh: '另外 {{other}} 个零位于激活的单元，它们收到的 ∂L/∂a 本身就是 0。',
  },
  geluSummary: {
    en: 'GELU never switches a unit fully off: for negative inputs its slope is small (between about −0.13 and 0.5) but not zero. {{off}} of the {{total}} hidden inputs h were negative ({{pct}}%), and at {{blocked}} entries ({{bpct}}%) ∂L/∂h is less than a tenth of ∂L/∂a; {{both}} of those have h < 0.',
    zh: 'GELU 从不把单元完全关闭：输入为负时它的斜率很小（大约在 −0.13 到 0.5 之间），但不为零。{{total}} 个隐藏输入 h 中有 {{off}} 个为负（占 {{pct}}%）；有 {{blocked}} 处（占 {{bpct}}%）∂L/∂h 不到 ∂L/∂a 的十分之一，其中 {{both}} 处的 h < 0。',
  },
  deadMatched: {
    en: 'Column j of ∂L/∂W₁ belongs to hidden unit j. {{zero}} of its F = {{f}} columns are entirely 0 — exactly the {{off}} units that were off at every position: the weights into them get no signal from this pair.',
    zh: '∂L/∂W₁ 的第 j 列属于第 j 个隐藏单元。它的 F = {{f}} 列中有 {{zero}} 列全为 0——恰好就是在所有位置上都关闭的那 {{off}} 个单元：通向它们的权重从这对句子中得不到任何信号。',
  },
  deadOther: {
    en: 'Column j of ∂L/∂W₁ belongs to hidden unit j. {{zero}} of its F = {{f}} columns are entirely 0, and {{off}} units were off at every position ({{matched}} in both).',
    zh: '∂L/∂W₁ 的第 j 列属于第 j 个隐藏单元。它的 F = {{f}} 列中有 {{zero}} 列全为 0，在所有位置上都关闭的单元有 {{off}} 个（两者重合 {{matched}} 个）。',
  },
} satisfies Record<string, Bilingual>;

export const checkLabels = {
  decOut: { en: '∂L/∂(dec.out), the decoder output', zh: '∂L/∂(dec.out)，解码器输出' },
  lnIn: { en: '∂L/∂({{name}}), after LayerNorm', zh: '∂L/∂({{name}})，层归一化之后' },
  hidden: { en: '∂L/∂h ({{name}}), before the activation', zh: '∂L/∂h（{{name}}），激活函数之前' },
  w1: { en: '∂L/∂W₁, the FFN’s first weight ({{name}})', zh: '∂L/∂W₁，前馈网络第一层的权重（{{name}}）' },
  gamma: { en: '∂L/∂γ, the LayerNorm’s scale ({{name}})', zh: '∂L/∂γ，层归一化的缩放参数（{{name}}）' },
} satisfies Record<string, Bilingual>;
