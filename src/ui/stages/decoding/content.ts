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
    en: 'Recomputing the whole prefix at every step would repeat the same work over and over. The KV cache avoids that, at the price of memory that grows with the sequence. Generation stays sequential, though — n tokens take n decoder passes — and greedy choice can commit early to a poor prefix (beam search keeps several; sampling gives up the single most probable answer for variety). Because training only ever fed gold prefixes, one early mistake at inference leads the model into inputs it never saw: exposure bias.',
    zh: '每一步都重新计算整个前缀，会一遍又一遍地重复相同的工作。KV 缓存避免了这一点，代价是随序列增长的内存。不过生成仍然是顺序的——n 个词元需要 n 次解码器计算——而且贪心选择可能过早地走上一条不好的前缀（束搜索会保留多个候选；采样则放弃唯一最可能的答案，换取多样性）。由于训练时输入的总是正确的前缀，推理时一旦早早出错，模型就会遇到从未见过的输入：这就是暴露偏差。',
  },
};

export const text = {
  computedBy: {
    en: 'The steps come from greedy decoding with the KV cache (src/model/kvcache.ts) on the same engine; the attention rows shown per step are read from the teacher-forced trace of the same output, which the causal mask makes identical. A sampled translation runs the same cached steps with a seeded sampler (src/model/sampling.ts); its bars are that arithmetic (temperature, top-k, top-p) on each step’s recorded logits, done on the host.',
    zh: '各步骤来自在同一引擎上使用 KV 缓存的贪心解码（src/model/kvcache.ts）；每一步显示的注意力行读自对同一输出做的教师强制记录，因果掩码保证二者完全相同。采样译文走的是同样的缓存步骤，只是用带种子的采样器（src/model/sampling.ts）选词；它的柱状图就是在主机上对每一步记录下的 logits 做的这些运算（温度、top-k、top-p）。',
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

/** The sampling section: temperature, top-k, top-p and a seeded draw instead of the argmax. */
export const samplingText = {
  title: { en: 'Sampling instead of the argmax', zh: '用采样代替取最大者' },
  intro: {
    en: 'Greedy decoding always takes the most probable token, so a sentence always gets the same translation. Chatbots and GPT demos usually sample instead: they reshape the model’s distribution and draw the next token from it at random. The order here is the one common libraries use (Hugging Face transformers, for one): temperature first, then top-k, then top-p, then the draw.',
    zh: '贪心解码总是取概率最大的词元，所以同一个句子总是得到同一个译文。聊天机器人和 GPT 演示通常改用采样：先调整模型给出的分布，再从中随机抽取下一个词元。这里的顺序与常见的库（例如 Hugging Face transformers）相同：先温度，再 top-k，然后 top-p，最后抽取。',
  },
  temperatureHelp: {
    en: 'Temperature T divides the logits before the softmax: T < 1 sharpens the distribution towards the most probable token, T > 1 flattens it towards uniform, T = 1 leaves the model’s own. T = 0 is the limit case: all the probability on the argmax, which is greedy decoding.',
    zh: '温度 T 在 softmax 之前把 logits 除以 T：T < 1 让分布更尖锐、偏向最可能的词元，T > 1 让分布更平坦、趋于均匀，T = 1 保持模型自己的分布。T = 0 是极限情形：全部概率都落在最大者上，也就是贪心解码。',
  },
  topKHelp: {
    en: 'Top-k keeps only the k most probable tokens (after temperature) and renormalises them to sum to 1; 0 turns it off.',
    zh: 'top-k 只保留（经温度调整后）概率最大的 k 个词元，并重新归一化使其和为 1；设为 0 即关闭。',
  },
  topPHelp: {
    en: 'Top-p (nucleus sampling) then keeps the smallest set of most probable tokens whose probabilities add up to at least p, and renormalises; 1 turns it off. Unlike top-k the number kept adapts: few tokens when the model is sure, many when it is not.',
    zh: '接着 top-p（核采样）保留累计概率至少达到 p 的最小一组高概率词元，再重新归一化；设为 1 即关闭。与 top-k 不同，保留的数目会随情况变化：模型有把握时只剩几个，没把握时会留下很多。',
  },
  seedHelp: {
    en: 'The seed fixes the random numbers of the draws: the same seed and settings give the same translation again on the same engine, and the page’s link keeps all of them.',
    zh: '种子固定了抽取所用的随机数：在同一引擎上，相同的种子和设置会再次得到相同的译文；页面链接里保存着全部设置。',
  },
  whyNot: {
    en: 'Why not always sample? A translation usually has one right answer, and greedy decoding or beam search (which keeps several prefixes and returns the most probable whole sentence) aim for the most likely one. Sampling trades that for variety, which suits open-ended generation such as stories or chat, where always taking the argmax tends to be dull and repetitive.',
    zh: '为什么不总是采样？翻译通常只有一个正确答案，贪心解码或束搜索（同时保留多个前缀，返回整体概率最大的句子）追求的就是最可能的那一个。采样用准确换来多样，更适合写故事、聊天这类开放式生成——在那些场景里总取最大者往往显得单调、重复。',
  },
  controls: { en: 'Sampling settings', zh: '采样设置' },
  temperature: { en: 'Temperature T', zh: '温度 T' },
  topK: { en: 'Top-k', zh: 'top-k' },
  topP: { en: 'Top-p', zh: 'top-p' },
  seed: { en: 'Seed', zh: '种子' },
  greedyValue: { en: '{{t}} (greedy)', zh: '{{t}}（贪心）' },
  off: { en: 'off', zh: '关闭' },
  offValue: { en: '{{v}} (off)', zh: '{{v}}（关闭）' },
  kValue: { en: '{{k}} of {{v}} tokens', zh: '{{v}} 个词元中的 {{k}} 个' },
  sample: { en: 'Sample', zh: '采样' },
  newSeed: { en: 'New seed', zh: '换一个种子' },
  greedyOnly: { en: 'Greedy only', zh: '只看贪心' },
  keysHint: {
    en: 'Keyboard: Tab to a slider, then ← → (or Home, End) change it; Enter in the seed box samples. Outside the controls ← → still step through the stages.',
    zh: '键盘：用 Tab 移到滑块上，再用 ← →（或 Home、End）调整；在种子框里按 Enter 即采样。焦点不在这些控件上时，← → 仍然切换阶段。',
  },
  barsGreedy: { en: 'Greedy step {{n}}: what sampling would draw from here', zh: '贪心第 {{n}} 步：采样在这里会从哪个分布中抽取' },
  barsSampled: { en: 'Sampled step {{n}}: the distributions its token was drawn from', zh: '采样第 {{n}} 步：这个词元是从下面的分布中抽出来的' },
  barsStale: { en: 'Sampled step {{n}} under the new settings (the run is being redrawn)', zh: '采样第 {{n}} 步在新设置下的分布（正在重新抽取）' },
  barBase: { en: 'The model’s own (untempered), top {{n}}', zh: '模型原始分布（未调温），前 {{n}} 名' },
  barTempered: { en: 'After temperature T = {{t}}', zh: '温度 T = {{t}} 之后' },
  barFiltered: { en: 'After top-k and top-p: {{kept}} kept', zh: 'top-k 与 top-p 之后：保留 {{kept}} 个' },
  tableCaption: {
    en: 'Step {{n}}: probabilities before and after temperature and the cut (the {{rows}} most probable of {{v}} tokens)',
    zh: '第 {{n}} 步：温度与截断前后的概率（{{v}} 个词元中最可能的 {{rows}} 个）',
  },
  colToken: { en: 'token', zh: '词元' },
  colBase: { en: 'model p', zh: '模型 p' },
  colTempered: { en: 'after T', zh: '调温后' },
  colFiltered: { en: 'after the cut (drawn from)', zh: '截断后（从中抽取）' },
  cut: { en: 'cut', zh: '截掉' },
  drawn: { en: '✓ drawn', zh: '✓ 抽中' },
  others: { en: 'the other {{n}} tokens', zh: '其余 {{n}} 个词元' },
  greedyNote: {
    en: 'Press Sample to draw a whole translation with these settings. Until then these are the greedy run’s step, whose prefix is the greedy output; the sampled run’s later steps see its own tokens.',
    zh: '按“采样”即可用这些设置抽取整句译文。在此之前，这里显示的是贪心过程中的这一步，其前缀是贪心输出；采样过程的后续步骤看到的是它自己抽出的词元。',
  },
  runCaption: {
    en: 'Sampled translation (seed {{seed}}): each token with its probability under the distribution it was drawn from and under the model’s own',
    zh: '采样译文（种子 {{seed}}）：每个词元在抽取所用分布下的概率，以及在模型原始分布下的概率',
  },
  runText: { en: 'Sampled:', zh: '采样结果：' },
  colStep: { en: 'step', zh: '步' },
  colDrawnToken: { en: 'drawn token', zh: '抽中的词元' },
  colP: { en: 'p drawn from', zh: '抽取分布中的 p' },
  colKept: { en: 'tokens kept', zh: '保留的词元数' },
  jump: { en: 'Show sampled step {{n}}', zh: '显示采样第 {{n}} 步' },
  running: { en: 'Sampling…', zh: '正在采样……' },
  failed: { en: 'Sampling failed: {{message}}', zh: '采样失败：{{message}}' },
  sameAsGreedy: { en: 'The same as the greedy translation.', zh: '与贪心译文相同。' },
  differs: { en: 'The greedy translation is “{{greedy}}”.', zh: '贪心译文是“{{greedy}}”。' },
  unfinished: { en: 'No <eos> within the length limit.', zh: '在长度上限内没有生成 <eos>。' },
} satisfies Record<string, Bilingual>;
