// Texts of the `decoding` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

export const title: Bilingual = { en: 'Decoding token by token', zh: '逐词元解码' };

export const explain: StageExplanation = {
  what: {
    en: 'To translate, the decoder starts from <bos>, computes the probabilities of the next token, appends the most probable one (greedy decoding) and repeats, until it produces <eos> or reaches the length limit. The encoder runs only once. A KV cache keeps the keys and values of the positions already processed, so each step computes attention only for the one new position.',
    zh: '翻译时，解码器从 <bos> 开始，计算下一个词元的概率，把概率最大的那个接上（贪心解码），然后重复，直到生成 <eos> 或达到长度上限。编码器只运行一次。KV 缓存保存已处理位置的键和值，因此每一步只需为新增的那一个位置计算注意力。',
  },
  why: {
    en: 'At generation time the future words do not exist yet: each word can only be chosen after the ones before it. In training, by contrast, the whole correct target is fed in at once (teacher forcing) and every position is predicted in parallel, which the causal mask makes equivalent.',
    zh: '生成时未来的词还不存在：每个词只能在它前面的词都选定之后才能选。训练时则不同，整个正确的目标句一次性输入（教师强制），所有位置并行预测，因果掩码保证这两种方式等价。',
  },
  problem: {
    en: 'Recomputing the whole prefix at every step would repeat the same work over and over (quadratic in the length). The KV cache avoids that at the cost of memory. Greedy choice is fast but can miss a better sentence; beam search keeps several candidates.',
    zh: '每一步都重新计算整个前缀，会一遍又一遍地重复相同的工作（计算量随长度平方增长）。KV 缓存以占用内存为代价避免了这一点。贪心选择很快，但可能错过更好的句子；束搜索会同时保留几个候选。',
  },
};

export const text = {
  step: { en: 'step', zh: '步' },
  prefix: { en: 'decoder input so far', zh: '目前的解码器输入' },
  chosen: { en: 'chosen', zh: '选中' },
  prob: { en: 'probability', zh: '概率' },
  alternatives: { en: 'next best', zh: '其次的候选' },
  caption: { en: 'Greedy decoding of this sentence, step by step (with the KV cache)', zh: '这个句子的贪心解码过程（使用 KV 缓存）' },
  cache: {
    en: 'At step t the cache holds keys and values for the t − 1 earlier positions in each decoder self-attention ({layers} layers × {heads} heads × Dh = {dh}); the step adds one row to each. Cross-attention keys and values come from the encoder output and are computed once.',
    zh: '第 t 步时，每个解码器自注意力（{layers} 层 × {heads} 个头 × Dh = {dh}）的缓存里保存着前面 t − 1 个位置的键和值；这一步给每个缓存添加一行。交叉注意力的键和值来自编码器输出，只计算一次。',
  },
} satisfies Record<string, Bilingual>;
