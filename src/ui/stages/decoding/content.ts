// Texts of the `decoding` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Decoding token by token', zh: '逐词元解码' };

export const explain: StageExplanation = {
  what: {
    en: 'To translate, the encoder runs once; the decoder starts from <bos>, computes the probabilities of the next token, appends the most probable one (greedy decoding) and runs again, until it produces <eos> or reaches the length limit. A KV cache keeps the keys and values of the positions already processed, so each step computes the query, key and value of the one new position only.',
    zh: '翻译时，编码器只运行一次；解码器从 <bos> 开始，计算下一个词元的概率，把概率最大的那个接上（贪心解码），再运行一遍，直到生成 <eos> 或达到长度上限。KV 缓存保存已处理位置的键和值，因此每一步只需计算新增那一个位置的查询、键和值。',
  },
  why: {
    en: 'At generation time the future words do not exist yet: each word can only be chosen after the ones before it. In training, by contrast, the whole correct target is fed in at once, shifted right behind <bos> (teacher forcing), and every position is predicted in parallel; the causal mask makes the two give the same numbers.',
    zh: '生成时未来的词还不存在：每个词只能在它前面的词都选定之后才能选。训练时则不同，整个正确的目标句右移一位、接在 <bos> 之后一次性输入（教师强制），所有位置并行预测；因果掩码保证两种方式算出的数完全相同。',
  },
  problem: {
    en: 'Recomputing the whole prefix at every step would repeat the same work over and over. The KV cache avoids that, at the price of memory that grows with the sequence. Generation stays sequential, though — n tokens take n decoder passes — and greedy choice can commit early to a poor prefix (beam search keeps several). Because training only ever fed gold prefixes, one early mistake at inference leads the model into inputs it never saw: exposure bias.',
    zh: '每一步都重新计算整个前缀，会一遍又一遍地重复相同的工作。KV 缓存避免了这一点，代价是随序列增长的内存。不过生成仍然是顺序的——n 个词元需要 n 次解码器计算——而且贪心选择可能过早地走上一条不好的前缀（束搜索会保留多个候选）。由于训练时输入的总是正确的前缀，推理时一旦早早出错，模型就会遇到从未见过的输入：这就是暴露偏差。',
  },
};

export const text = {
  computedBy: {
    en: 'The steps come from greedy decoding with the KV cache (src/model/kvcache.ts) on the same engine; the attention rows shown per step are read from the teacher-forced trace of the same output, which the causal mask makes identical.',
    zh: '各步骤来自在同一引擎上使用 KV 缓存的贪心解码（src/model/kvcache.ts）；每一步显示的注意力行读自对同一输出做的教师强制记录，因果掩码保证二者完全相同。',
  },
  loopTitle: { en: 'Step through the loop', zh: '逐步走完这个循环' },
  prev: { en: '← Previous step', zh: '← 上一步' },
  next: { en: 'Next step →', zh: '下一步 →' },
  stepLabel: { en: 'Step', zh: '步骤' },
  stepOf: { en: 'step {{n}} of {{total}}', zh: '第 {{n}} 步，共 {{total}} 步' },
  keysHint: {
    en: 'Keyboard: focus the step slider and use ← →, Home, End.',
    zh: '键盘：聚焦步骤滑块后使用 ← →、Home、End。',
  },
  prefix: { en: 'Decoder input at this step', zh: '这一步的解码器输入' },
  picks: { en: 'picks', zh: '选出' },
  stopped: { en: '<eos>: decoding stops here.', zh: '<eos>：解码到此结束。' },
  limit: { en: 'The length limit is reached: decoding stops without <eos>.', zh: '达到长度上限：解码在没有 <eos> 的情况下停止。' },
  barTitle: { en: 'Step {{n}}: top {{k}} next tokens (from this greedy step)', zh: '第 {{n}} 步：下一个词元的前 {{k}} 名（来自这次贪心步骤）' },
  maskTitle: {
    en: 'Step {{n}}: the new query (row {{row}}) over keys 0…{{row}} · decoder self-attention, {{where}}',
    zh: '第 {{n}} 步：新的查询（第 {{row}} 行）作用于键 0…{{row}} · 解码器自注意力，{{where}}',
  },
  maskNote: {
    en: 'Only the outlined row is computed at this step; the rows above it were computed at earlier steps and are not redone. Hatched: positions that do not exist yet.',
    zh: '这一步只计算加框的那一行；上面的各行是前面的步骤算过的，不再重算。斜线格：尚不存在的位置。',
  },
  which: { en: 'layer {{layer}}, head {{head}}', zh: '第 {{layer}} 层，第 {{head}} 头' },
  legendWeight: { en: 'attention weight', zh: '注意力权重' },
  maskedTip: { en: 'masked: a later position, weight 0', zh: '被掩码：之后的位置，权重为 0' },
  weightTip: { en: 'query “{{q}}” gives key “{{k}}” weight {{w}}', zh: '查询“{{q}}”分给键“{{k}}”的权重为 {{w}}' },
  jump: { en: 'Go to step {{n}}', zh: '转到第 {{n}} 步' },
  kvTitle: { en: 'What the KV cache keeps, and what this step computes', zh: 'KV 缓存保存了什么，这一步计算了什么' },
  kvCaption: { en: 'Step {{n}}, per decoder layer (H = {{h}} heads, Dh = {{dh}})', zh: '第 {{n}} 步，每个解码器层（H = {{h}} 个头，Dh = {{dh}}）' },
  kvWhat: { en: 'tensor', zh: '张量' },
  kvShape: { en: 'shape', zh: '形状' },
  kvWhen: { en: 'computed', zh: '何时计算' },
  kvSelfK: { en: 'self-attention K cache', zh: '自注意力 K 缓存' },
  kvSelfV: { en: 'self-attention V cache', zh: '自注意力 V 缓存' },
  kvNew: { en: 'new q, k, v of this position', zh: '本位置新的 q、k、v' },
  kvWeights: { en: 'attention weights of the new query', zh: '新查询的注意力权重' },
  kvCrossKV: { en: 'cross-attention K and V', zh: '交叉注意力的 K 和 V' },
  kvCached: { en: '{{old}} cached rows + 1 new row', zh: '{{old}} 行缓存 + 1 行新算' },
  kvFirst: { en: '1 new row (the cache was empty)', zh: '1 行新算（缓存原本为空）' },
  kvNow: { en: 'this step', zh: '这一步' },
  kvPrefill: { en: 'the prompt’s {{rows}} rows, all at once (prefill)', zh: '提示的 {{rows}} 行，一次算完（预填充）' },
  kvTotalNoCross: {
    en: 'Cached now: 2 (K and V) × {{layers}} layers × t = {{rows}} × D = {{d}} → {{numbers}} numbers; the prompt’s rows are cached like the rest. {{saving}}',
    zh: '当前缓存：2（K 和 V）× {{layers}} 层 × t = {{rows}} × D = {{d}} → {{numbers}} 个数；提示的各行和其余各行一样被缓存。{{saving}}',
  },
  kvOnce: { en: 'once, from the encoder output, before step 1', zh: '只算一次：第 1 步之前由编码器输出得到' },
  kvTotal: {
    en: 'Cached now: 2 (K and V) × {{layers}} layers × t = {{rows}} × D = {{d}} → {{numbers}} numbers (plus cross-attention’s 2 × {{layers}} × {{s}} × {{d}} = {{cross}}, fixed). {{saving}}',
    zh: '当前缓存：2（K 和 V）× {{layers}} 层 × t = {{rows}} × D = {{d}} → {{numbers}} 个数（另有交叉注意力的 2 × {{layers}} × {{s}} × {{d}} = {{cross}} 个，固定不变）。{{saving}}',
  },
  kvSaves: {
    en: 'Without the cache this step would recompute the projections and attention of all {{rows}} positions instead of one.',
    zh: '没有缓存的话，这一步要重算全部 {{rows}} 个位置的投影和注意力，而不是一个。',
  },
  kvNothingYet: { en: 'At the first step there is nothing earlier to reuse: the cache starts here.', zh: '第一步之前没有可复用的内容：缓存从这里开始。' },
  stepsCaption: { en: 'The whole run: every greedy step', zh: '整个过程：每一个贪心步骤' },
  step: { en: 'step', zh: '步' },
  chosen: { en: 'chosen', zh: '选中' },
  prob: { en: 'probability', zh: '概率' },
  alternatives: { en: 'next best', zh: '其次的候选' },
  tfTitle: { en: 'Teacher forcing vs autoregressive decoding', zh: '教师强制与自回归解码' },
  tfIntro: {
    en: 'Left: one teacher-forced pass — the whole sequence, shifted right behind <bos>, goes in at once and every position is predicted in parallel (this is how training works, with the reference as input). Right: the greedy steps, one decoder pass each, feeding back their own choices. Here the teacher-forced input is the model’s own output, so both see the same prefixes.',
    zh: '左边：一次教师强制计算——整个序列右移一位、接在 <bos> 之后一次性输入，所有位置并行预测（训练就是这样做的，只是输入的是参考译文）。右边：贪心步骤，每步一次解码器计算，把自己的选择送回输入。这里教师强制的输入就是模型自己的输出，所以两边看到的前缀相同。',
  },
  tfCaption: {
    en: 'Position by position (t from 0; step t + 1 fills position t): the same tokens, the same probabilities',
    zh: '逐个位置比较（t 从 0 开始；第 t + 1 步填入位置 t）：词元相同，概率相同',
  },
  tfInput: { en: 'input (shifted right)', zh: '输入（右移一位）' },
  tfPredicted: { en: 'teacher-forced: arg max, p', zh: '教师强制：最大者，p' },
  arChosen: { en: 'autoregressive: chosen, p', zh: '自回归：选中者，p' },
  diff: { en: '|Δp|', zh: '|Δp|' },
  tfSummary: {
    en: '{{same}} of {{total}} positions pick the same token; the largest probability difference is {{diff}} (floating-point rounding between two different computations).',
    zh: '{{total}} 个位置中有 {{same}} 个选出相同的词元；概率的最大差异为 {{diff}}（两种不同计算之间的浮点舍入误差）。',
  },
  tfNoMask: {
    en: 'This model runs without the causal mask (a what-if experiment): in the teacher-forced pass each position can see later tokens, so the two columns need not agree.',
    zh: '这个模型运行时没有因果掩码（一个假设实验）：教师强制计算中每个位置都能看到后面的词元，因此两列不一定一致。',
  },
  exposure: {
    en: 'Exposure bias: in training the input is always the gold reference, so the model never practises recovering from its own mistakes. At inference, one wrong token becomes part of every later input. Scheduled sampling (sometimes feeding the model its own predictions while training), sequence-level training and beam search are the usual remedies.',
    zh: '暴露偏差：训练时输入的总是正确的参考译文，模型从未练习过从自己的错误中恢复。推理时，一个错误的词元会成为之后每一步输入的一部分。常见的补救办法有计划采样（训练时有时把模型自己的预测作为输入）、序列级训练和束搜索。',
  },
} satisfies Record<string, Bilingual>;
