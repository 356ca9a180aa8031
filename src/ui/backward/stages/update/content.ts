// Texts of the `update` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'The update: clipping and Adam', zh: '参数更新：梯度裁剪与 Adam' };

export const explain: StageExplanation = {
  what: {
    en: 'The optimiser turns the gradients into a change of every weight. First the gradient of all parameters together is clipped to a maximum norm; then Adam keeps two running averages per weight — of the gradient (m) and of its square (v) — corrects them for starting at zero, and moves each weight by lr · m̂ / (√v̂ + ε).',
    zh: '优化器把梯度变成每个权重的改变量。先把全部参数的梯度合在一起，裁剪到一个最大范数以内；然后 Adam 为每个权重维护两个滑动平均——梯度的（m）和梯度平方的（v）——修正它们从零开始带来的偏差，再把每个权重移动 lr · m̂ / (√v̂ + ε)。',
  },
  why: {
    en: 'Dividing by √v̂ gives every weight its own step size: weights whose gradients are always small still move, and noisy ones move cautiously. Clipping keeps one unlucky batch with a huge gradient from throwing the model far away.',
    zh: '除以 √v̂ 让每个权重都有自己的步长：梯度一直很小的权重照样能动，梯度很嘈杂的权重则动得谨慎。梯度裁剪则防止某一批数据碰巧产生巨大的梯度，把模型一下子推得很远。',
  },
  problem: {
    en: 'Plain gradient descent with one learning rate is either too slow for the layers with small gradients or unstable for those with large ones. The price of Adam’s normalisation shows at the very first step: it moves every weight by about the same amount, whatever its gradient.',
    zh: '只用一个学习率的普通梯度下降，对梯度小的层太慢，对梯度大的层又不稳定。Adam 这种归一化的代价在第一步就能看到：不管梯度多大，它让每个权重移动的幅度都差不多。',
  },
};

export const text = {
  clipTitle: { en: 'Gradient clipping', zh: '梯度裁剪' },
  adamTitle: { en: 'Adam, for one tensor', zh: 'Adam：看一个张量' },
  tensorLabel: { en: 'Tensor', zh: '张量' },
  settings: {
    en: 'lr = {{lr}}, β₁ = {{b1}}, β₂ = {{b2}}, ε = {{eps}}, weight decay = {{wd}}, t = {{t}}: bias corrections 1 − β₁ᵗ = {{c1}} and 1 − β₂ᵗ = {{c2}}.',
    zh: 'lr = {{lr}}，β₁ = {{b1}}，β₂ = {{b2}}，ε = {{eps}}，权重衰减 = {{wd}}，t = {{t}}：偏差修正 1 − β₁ᵗ = {{c1}}，1 − β₂ᵗ = {{c2}}。',
  },
  agree: {
    en: 'Engine and host agree: the engine’s Δw (weights after the update minus before) and the step written out above differ by at most {{diff}} over all {{n}} entries of {{name}}.',
    zh: '引擎与逐项展开的计算一致：引擎的 Δw（更新后的权重减去更新前的）与上面写出的步长，在 {{name}} 的全部 {{n}} 个元素上最多相差 {{diff}}。',
  },
  nearLr: {
    en: '{{near}} of {{n}} entries moved by lr = {{lr}} to within 1%; {{zero}} had a gradient of exactly 0.',
    zh: '{{n}} 个元素中有 {{near}} 个的移动量与 lr = {{lr}} 相差不到 1%；有 {{zero}} 个元素的梯度恰好为 0。',
  },
  partsCaption: {
    en: 'Adam’s parts for a few entries of {{name}}: the largest gradients and the smallest non-zero ones',
    zh: '{{name}} 中几个元素的 Adam 各项：梯度最大的几个和最小的几个非零梯度',
  },
  partsCaptionZero: {
    en: 'Adam’s parts for a few entries of {{name}}: the largest gradients, the smallest non-zero ones, and one that is zero',
    zh: '{{name}} 中几个元素的 Adam 各项：梯度最大的几个、最小的几个非零梯度，以及一个梯度为零的',
  },
  colEntry: { en: 'entry', zh: '元素' },
  colG: { en: 'c·g', zh: 'c·g' },
  colHost: { en: 'Δw (host)', zh: 'Δw（逐项计算）' },
  colEngine: { en: 'Δw (engine)', zh: 'Δw（引擎）' },
  colDiff: { en: '|engine − host|', zh: '|引擎 − 逐项|' },
  deltaTitle: { en: 'Δw of {{name}}: weights after the step minus before', zh: '{{name}} 的 Δw：更新后减去更新前的权重' },
  deltaLegend: { en: 'Δw', zh: 'Δw' },
  deltaRows: { en: 'row', zh: '行' },
  deltaCols: { en: 'column', zh: '列' },
  deltaCell: { en: 'gradient {{g}}, step {{d}}', zh: '梯度 {{g}}，步长 {{d}}' },
  copyNote: {
    en: 'The update ran on a copy of the model, after the recorded step, with the engine’s own kernels (the gradients’ sum of squares, then clip + AdamW in adam.wgsl): its dispatches are not among those counted for this step.',
    zh: '参数更新是在记录的这一步之后、在模型的一个副本上，用引擎自己的内核运行的（先求梯度的平方和，再由 adam.wgsl 做裁剪 + AdamW）：它的调度不计入这一步统计的调度里。',
  },
  ratiosTitle: { en: 'Update-to-weight ratio ‖Δw‖ / ‖w‖ per layer', zh: '每层的更新量与权重之比 ‖Δw‖ / ‖w‖' },
  ratiosCaption: { en: 'Each group’s tensors taken together', zh: '每组中的张量合在一起计算' },
  colGroup: { en: 'group', zh: '分组' },
  colTensors: { en: 'tensors', zh: '张量数' },
  colWeight: { en: '‖w‖', zh: '‖w‖' },
  colStep: { en: '‖Δw‖', zh: '‖Δw‖' },
  colRatio: { en: 'ratio', zh: '比值' },
  effectTitle: { en: 'What the step does to this pair', zh: '这一步对这对句子的影响' },
  lossCaption: { en: 'Loss per target position, before and after the step', zh: '各目标位置的损失：更新前后' },
  colPosition: { en: 'position', zh: '位置' },
  colPredicts: { en: 'predicts', zh: '预测' },
  colBefore: { en: 'before', zh: '更新前' },
  colAfter: { en: 'after', zh: '更新后' },
  colChange: { en: 'change', zh: '变化' },
  mean: { en: 'mean (the loss)', zh: '平均（即损失）' },
  attentionBefore: { en: '{{kind}}, layer {{layer}}, head {{head}}: before', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头：更新前' },
  attentionAfter: { en: '{{kind}}, layer {{layer}}, head {{head}}: after one step', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头：更新一步后' },
  attentionChange: { en: 'Change of each attention weight (after − before)', zh: '每个注意力权重的变化（更新后 − 更新前）' },
  attentionMax: { en: 'The largest change of an attention weight here is {{d}}.', zh: '这里注意力权重的最大变化是 {{d}}。' },
  weightLegend: { en: 'attention weight', zh: '注意力权重' },
  changeLegend: { en: 'change', zh: '变化' },
  applyTitle: { en: 'Keep the step?', zh: '保留这一步吗？' },
  applyIntro: {
    en: 'Everything above was computed on a copy: the model shown is unchanged. Apply the step to make the updated weights the model this page works with (the loaded checkpoint stays as it is); reset to go back to it.',
    zh: '上面的一切都是在副本上算的：当前显示的模型没有改变。点击“应用这一步”，本页就改用更新后的权重（已加载的检查点保持不变）；点击“重置”即可回到它。',
  },
  applied: { en: 'Steps applied so far: {{n}}.', zh: '已应用的步数：{{n}}。' },
  apply: { en: 'Apply this step', zh: '应用这一步' },
  reset: { en: 'Reset to the loaded model', zh: '重置为加载的模型' },
} satisfies Record<string, Bilingual>;

/** Group names for the ratio chart and the picker. */
export const groups = {
  embeddings: { en: 'embeddings', zh: '嵌入' },
  output: { en: 'output layer', zh: '输出层' },
  layer: { en: '{{side}} layer {{layer}}', zh: '{{side}}第 {{layer}} 层' },
  finalNorm: { en: '{{side}} final LayerNorm', zh: '{{side}}最终 LayerNorm' },
} satisfies Record<string, Bilingual>;

/** Sentences the pure texts.ts chooses and fills from the numbers. */
export const sentences = {
  clipOff: { en: 'Clipping is off for this step (maxNorm = {{max}}): the gradients go to Adam as they are.', zh: '这一步不做梯度裁剪（maxNorm = {{max}}）：梯度原样交给 Adam。' },
  clipped: {
    en: 'The gradient of all parameters together has norm ‖g‖ = {{g}}, above maxNorm = {{max}}: every gradient is multiplied by c = maxNorm / ‖g‖ = {{c}} before Adam sees it.',
    zh: '全部参数的梯度合起来的范数 ‖g‖ = {{g}}，超过了 maxNorm = {{max}}：每个梯度在交给 Adam 之前都乘以 c = maxNorm / ‖g‖ = {{c}}。',
  },
  notClipped: {
    en: 'The gradient of all parameters together has norm ‖g‖ = {{g}}, within maxNorm = {{max}}: clipping leaves it as it is (c = 1).',
    zh: '全部参数的梯度合起来的范数 ‖g‖ = {{g}}，没有超过 maxNorm = {{max}}：裁剪不改变它（c = 1）。',
  },
  firstStep: {
    en: 'This is Adam’s first update (t = 1, moments starting at m = v = 0). Then m = (1 − β₁)·c·g and v = (1 − β₂)·(c·g)², and the bias corrections divide exactly those factors away: m̂ = c·g and v̂ = (c·g)². The step −lr·m̂/(√v̂ + ε) is therefore −lr·g/(|g| + ε/c) ≈ −lr·sign(g): every weight whose gradient is not tiny moves by almost exactly lr, whatever its gradient’s size, and even the clip factor c cancels.',
    zh: '这是 Adam 的第一次更新（t = 1，矩从 m = v = 0 开始）。于是 m = (1 − β₁)·c·g，v = (1 − β₂)·(c·g)²，偏差修正恰好把这两个系数除掉：m̂ = c·g，v̂ = (c·g)²。步长 −lr·m̂/(√v̂ + ε) 因而等于 −lr·g/(|g| + ε/c) ≈ −lr·sign(g)：只要梯度不是极小，每个权重都移动几乎正好 lr，与梯度大小无关，连裁剪系数 c 也被约掉了。',
  },
  laterStep: {
    en: 'At t = {{t}} the moments remember earlier gradients: m̂ is a running mean of the gradient and √v̂ of its size, so the step lr·m̂/(√v̂ + ε) is large where the gradient keeps its sign and small where it flips.',
    zh: '在 t = {{t}} 时，矩记住了之前的梯度：m̂ 是梯度的滑动平均，√v̂ 是梯度大小的滑动平均，所以步长 lr·m̂/(√v̂ + ε) 在梯度方向稳定的地方大，在方向反复变化的地方小。',
  },
  weightDecay: { en: 'Weight decay adds −lr·{{wd}}·w to every step.', zh: '权重衰减在每一步再加上 −lr·{{wd}}·w。' },
  ratioRule: {
    en: 'A rule of thumb from practice, not a law: ratios around 1e−3 per step are healthy; much larger ones can destabilise training, much smaller ones mean a layer hardly learns. Here they run from {{min}} ({{minGroup}}) to {{max}} ({{maxGroup}}).',
    zh: '一条来自实践的经验法则，而非定律：每步的比值在 1e−3 左右比较健康；大得多可能让训练不稳定，小得多则说明这一层几乎学不到东西。这里的比值从 {{min}}（{{minGroup}}）到 {{max}}（{{maxGroup}}）。',
  },
  ratioFirstStep: {
    en: 'At t = 1 each weight moves by about lr, so a tensor’s ratio is roughly lr divided by the typical size (RMS) of its weights: tensors of small weights get the largest ratios. The largest single tensor here is {{name}}: ratio {{ratio}}, its weights’ RMS {{rms}}, and lr ÷ RMS = {{estimate}}.',
    zh: '在 t = 1 时每个权重大约移动 lr，所以一个张量的比值约等于 lr 除以它权重的典型大小（均方根）：权重小的张量比值最大。这里比值最大的单个张量是 {{name}}：比值 {{ratio}}，权重的均方根 {{rms}}，lr ÷ 均方根 = {{estimate}}。',
  },
  floor: {
    en: 'Label smoothing (ε = {{eps}}) asks for probability 1 − ε + ε/V = {{pTrue}} on the right word and ε/V = {{pOther}} on each of the other {{others}} words (V = {{v}}). Even a model that matches this exactly pays its entropy, {{floor}} per position: the lowest loss this pair can reach.',
    zh: '标签平滑（ε = {{eps}}）要求给正确的词概率 1 − ε + ε/V = {{pTrue}}，给其余 {{others}} 个词各 ε/V = {{pOther}}（V = {{v}}）。即使模型与它完全吻合，也要付出它的熵，每个位置 {{floor}}：这是这对句子能达到的最低损失。',
  },
  noFloor: {
    en: 'Without label smoothing (ε = 0) the lowest possible loss is 0: a model that puts all its probability on the right words pays nothing.',
    zh: '不用标签平滑（ε = 0）时，最低可能的损失是 0：把全部概率都放在正确词上的模型不付任何代价。',
  },
  atFloorUp: {
    en: 'The model already knows this pair: its loss {{before}} is only {{gap}} above that floor, and its gradient is tiny (‖g‖ = {{g}}). Yet Adam’s first step still moves every weight by about lr, in directions that no longer help — so the loss does not fall: {{before}} → {{after}}.',
    zh: '模型已经会这对句子了：损失 {{before}} 只比这个下限高 {{gap}}，梯度也很小（‖g‖ = {{g}}）。但 Adam 的第一步仍然让每个权重移动大约 lr，方向却已帮不上忙——所以损失没有下降：{{before}} → {{after}}。',
  },
  atFloorDown: {
    en: 'The model already knows this pair: its loss {{before}} is only {{gap}} above that floor, and its gradient is small (‖g‖ = {{g}}). The step lowers it a little: {{before}} → {{after}}.',
    zh: '模型已经会这对句子了：损失 {{before}} 只比这个下限高 {{gap}}，梯度也较小（‖g‖ = {{g}}）。这一步让损失略有下降：{{before}} → {{after}}。',
  },
  aboveDown: {
    en: 'The loss {{before}} is {{gap}} above that floor: there is something to learn (‖g‖ = {{g}}), and this one step lowers it to {{after}}.',
    zh: '损失 {{before}} 比这个下限高 {{gap}}：还有东西可学（‖g‖ = {{g}}），这一步就把损失降到了 {{after}}。',
  },
  aboveUp: {
    en: 'The loss {{before}} is {{gap}} above that floor (‖g‖ = {{g}}), yet this one step raises it to {{after}}: a step of about lr on every weight is not guaranteed to go downhill.',
    zh: '损失 {{before}} 比这个下限高 {{gap}}（‖g‖ = {{g}}），这一步却把它升到了 {{after}}：每个权重都移动约 lr 的一步，并不保证一定是下坡。',
  },
} satisfies Record<string, Bilingual>;

export const checks = {
  tensor: { en: '∂L/∂w of {{name}}', zh: '{{name}} 的 ∂L/∂w' },
} satisfies Record<string, Bilingual>;
