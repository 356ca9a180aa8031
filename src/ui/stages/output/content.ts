// Texts of the `output` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Output: logits and probabilities', zh: '输出：logits 与概率' };

export const explain: StageExplanation = {
  what: {
    en: 'The decoder’s final vector at each position is multiplied by an output matrix (D × V) plus a bias, giving one score (logit) per word of the target vocabulary. A softmax turns the logits into probabilities that sum to 1. Greedy decoding picks the most probable word.',
    zh: '解码器在每个位置的最终向量乘以输出矩阵（D × V）再加偏置，为目标词表中的每个词得到一个分数（logit）。softmax 把 logits 变成总和为 1 的概率。贪心解码选概率最大的词。',
  },
  why: {
    en: 'The model must end in a choice among the words it can write. A probability distribution expresses how sure it is, lets training score the correct word with cross-entropy, and allows other ways of choosing (sampling, beam search).',
    zh: '模型最终必须在它能写的词中做出选择。概率分布表达了它的把握程度，让训练可以用交叉熵评价正确的词，也允许用其他方式选择（采样、束搜索）。',
  },
  problem: {
    en: 'It maps a D-dimensional vector to a choice among V words. The shipped model was trained with label smoothing 0.1 (10% of the target probability spread over all words), so its top probabilities sit near 0.9 rather than 1: that is expected, not a lack of confidence.',
    zh: '它把一个 D 维向量映射到 V 个词中的一个选择。内置模型训练时使用了 0.1 的标签平滑（目标概率的 10% 分摊到所有词上），因此最高概率在 0.9 左右而不是 1：这是预期的结果，并非信心不足。',
  },
};

export const text = {
  heatmapTitle: { en: 'Probabilities at each decoder position', zh: '解码器每个位置上的概率' },
  rowAxis: { en: 'predicts', zh: '预测' },
  legend: { en: 'probability', zh: '概率' },
  topTitle: { en: 'Top {k} at each position', zh: '每个位置的前 {k} 名' },
} satisfies Record<string, Bilingual>;
