// Texts of the `output` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Output: logits and probabilities', zh: '输出：logits 与概率' };

export const explain: StageExplanation = {
  what: {
    en: 'The decoder’s final vector at each position is multiplied by an output matrix (D × V) plus a bias, giving one score — a logit — per word of the target vocabulary. A softmax turns the logits into probabilities that sum to 1. Greedy decoding picks the most probable word; sampling would first divide the logits by a temperature τ.',
    zh: '解码器在每个位置的最终向量乘以输出矩阵（D × V）再加偏置，为目标词表中的每个词得到一个分数——logit。softmax 把 logits 变成总和为 1 的概率。贪心解码选概率最大的词；如果采样，则先把 logits 除以温度 τ。',
  },
  why: {
    en: 'The model must end in a choice among the words it can write. A probability distribution says how sure it is, lets training score the correct word with cross-entropy (−log of its probability), and allows other ways of choosing: sampling, top-k, beam search.',
    zh: '模型最终必须在它能写的词中做出选择。概率分布说明它有多大把握，让训练可以用交叉熵（正确词概率的负对数）来评价，也允许用其他方式做选择：采样、top-k、束搜索。',
  },
  problem: {
    en: 'It maps a D-dimensional vector to a choice among V words. A model trained with label smoothing ε (a share ε of the target probability spread evenly over every token of the target vocabulary, <pad> and the other special tokens included, where the Annotated Transformer leaves <pad> out; the panel below states this model’s ε) puts its top probabilities near 1 − ε rather than 1: that is the training target, not a lack of confidence.',
    zh: '它把一个 D 维向量映射到 V 个词中的一个选择。用标签平滑 ε 训练的模型（目标概率中 ε 的份额均匀分给目标词表中的每个词元，包括 <pad> 等特殊词元，而 Annotated Transformer 不分给 <pad>；下面的面板给出这个模型的 ε），最高概率会在 1 − ε 左右而不是 1：这正是训练的目标，并非信心不足。',
  },
};

export const text = {
  positionLegend: { en: 'Position', zh: '位置' },
  positionChoice: { en: '{{t}}: {{reads}} → ?', zh: '{{t}}：{{reads}} → ?' },
  topkTitle: { en: 'Next-token probabilities and temperature', zh: '下一个词元的概率与温度' },
  tau: { en: 'Temperature τ', zh: '温度 τ' },
  tauReset: { en: 'τ = 1', zh: 'τ = 1' },
  tauNote: {
    en: 'A display computation: softmax(logits / τ) of the recorded logits. The model ran at τ = 1; below 1 the distribution sharpens (τ → 0 is greedy), above 1 it flattens (τ → ∞ is uniform). The arg max never changes, so greedy decoding picks the same word at any τ.',
    zh: '这是为展示而做的计算：对记录的 logits 求 softmax(logits / τ)。模型本身在 τ = 1 下运行；τ 小于 1 时分布变尖（τ → 0 即贪心），大于 1 时变平（τ → ∞ 即均匀分布）。最大值的位置不会改变，所以贪心解码在任何 τ 下都选同一个词。',
  },
  barTitleRecorded: { en: 'Top {{k}} after “{{reads}}” (position {{t}}, recorded probabilities, τ = 1)', zh: '“{{reads}}”之后的前 {{k}} 名（位置 {{t}}，记录的概率，τ = 1）' },
  barTitleTau: { en: 'Top {{k}} after “{{reads}}” (position {{t}}, recomputed at τ = {{tau}})', zh: '“{{reads}}”之后的前 {{k}} 名（位置 {{t}}，按 τ = {{tau}} 重新计算）' },
  entropy: { en: 'Entropy of the whole distribution: {{h}} nats (uniform over V = {{v}} words would be {{max}}).', zh: '整个分布的熵：{{h}} 奈特（在 V = {{v}} 个词上均匀分布时为 {{max}}）。' },
  smoothing: {
    en: 'Why ≈ {{top}} and not 1? This model was trained with label smoothing ε = {{eps}}: its target puts {{top}} + {{eps}}/V on the right word and {{eps}}/V on every other word, and the model learned to match it.',
    zh: '为什么是 ≈ {{top}} 而不是 1？这个模型训练时使用了 ε = {{eps}} 的标签平滑：目标分布给正确的词 {{top}} + {{eps}}/V，给其他每个词 {{eps}}/V，模型学会了贴近这个分布。',
  },
  noSmoothing: {
    en: 'This model was trained without label smoothing (ε = 0): its target is the one-hot vector, so a confident model puts nearly all probability on one word.',
    zh: '这个模型训练时没有使用标签平滑（ε = 0）：目标是独热向量，所以有把握的模型几乎把全部概率放在一个词上。',
  },
  smoothingUnknown: {
    en: 'This model’s checkpoint does not record its label smoothing, so the smoothed loss below is not shown.',
    zh: '这个模型的检查点没有记录标签平滑设置，因此下面不显示平滑后的损失。',
  },
  tableCaption: { en: 'Top {{k}} at every position (recorded probabilities; greedy takes the first)', zh: '每个位置的前 {{k}} 名（记录的概率；贪心解码取第一名）' },
  position: { en: 'position', zh: '位置' },
  reads: { en: 'reads', zh: '读入' },
  rank: { en: '#{{n}}', zh: '第 {{n}} 名' },
  lossTitle: { en: 'The loss at each position', zh: '每个位置的损失' },
  lossIntro: {
    en: 'Training scores each position by cross-entropy: −log of the probability given to the target token. Here the target is the model’s own translation, the sequence this teacher-forced pass read.',
    zh: '训练用交叉熵为每个位置打分：目标词元所得概率的负对数。这里的目标是模型自己的译文，也就是这次教师强制计算所读入的序列。',
  },
  refMatch: { en: 'It matches the toy grammar’s reference translation.', zh: '它与玩具语法的参考译文一致。' },
  refDiffers: { en: 'It differs from the toy grammar’s reference translation ({{ref}}).', zh: '它与玩具语法的参考译文（{{ref}}）不同。' },
  refNone: { en: 'The toy grammar has no reference for this sentence.', zh: '玩具语法没有这个句子的参考译文。' },
  lossCaption: { en: 'Cross-entropy per position (computed here from the recorded probabilities)', zh: '每个位置的交叉熵（这里根据记录的概率计算）' },
  target: { en: 'target', zh: '目标' },
  pTarget: { en: 'p(target)', zh: 'p(目标)' },
  nll: { en: '−log p', zh: '−log p' },
  smoothedLoss: { en: 'with ε = {{eps}} smoothing', zh: '使用 ε = {{eps}} 平滑' },
  mean: { en: 'mean', zh: '平均' },
  lossNote: {
    en: 'The smoothed loss compares p with q = (1 − ε)·onehot + ε/V, the target this model was trained on (ε = {{eps}} is its recorded setting); with ε > 0 it cannot reach 0 even for a perfect match, because q itself is spread out.',
    zh: '平滑后的损失把 p 与 q = (1 − ε)·独热 + ε/V 比较，这是这个模型训练时的目标（ε = {{eps}} 是检查点记录的设置）；ε > 0 时即使完全匹配它也不会降到 0，因为 q 本身就是分散的。',
  },
  smoothingScope: {
    en: 'Where ε goes: this project’s loss spreads it evenly over all V = {{v}} tokens of the target vocabulary, the special tokens {{specials}} included. So even <pad>, which is never a target, gets ε/V = {{share}} in the smoothed target. The Annotated Transformer makes the other choice: it gives <pad> nothing and spreads ε over the V − 2 tokens that are neither <pad> nor the correct one. In both, positions whose target is <pad> are left out of the loss.',
    zh: 'ε 分到哪里：本项目的损失把它均匀分给目标词表中全部 V = {{v}} 个词元，包括特殊词元 {{specials}}。所以即使是从不作为目标出现的 <pad>，在平滑后的目标中也得到 ε/V = {{share}}。Annotated Transformer 的选择不同：它不给 <pad> 任何概率，而是把 ε 分给既不是 <pad> 也不是正确词元的 V − 2 个词元。两种做法都不把目标为 <pad> 的位置计入损失。',
  },
  heatmapTitle: { en: 'Probabilities at each decoder position over the whole vocabulary', zh: '解码器每个位置在整个词表上的概率' },
  rowAxis: { en: 'reads', zh: '读入' },
  legend: { en: 'probability', zh: '概率' },
  probTip: {
    en: 'p(“{{word}}” | … {{reads}}) = {{p}}; logit {{z}}. Greedy picks “{{greedy}}” here.',
    zh: 'p（“{{word}}” | … {{reads}}）= {{p}}；logit 为 {{z}}。贪心解码在这里选“{{greedy}}”。',
  },
} satisfies Record<string, Bilingual>;
