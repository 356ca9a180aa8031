// Section G — beyond the original: BERT/GPT/T5, vision, PEFT, MoE, limitations (topics 43–47).
import type { Card } from '../types';

const familiesNote = {
  en: 'Small models of their shapes run here: “show me” compares the encoder-only (BERT-like, masked words) and decoder-only (GPT-like, a prompt) models with the translator on one sentence. They have no [CLS] token or sentence pairs.',
  zh: '本应用中运行着同样结构的小模型：“查看”会在同一个句子上比较仅编码器模型（类似 BERT，填遮住的词）、仅解码器模型（类似 GPT，续写提示）和翻译模型。它们没有 [CLS] 词元，也不读句对。',
};

/** The three shipped families on one sentence (the compare view). */
const compareFamilies = { text: 'the cat sat .' };

export const SECTION_G: readonly Card[] = [
  {
    id: 'g43-bert-gpt-t5',
    topic: 43,
    tags: ['bert', 'gpt', 't5', 'pretraining'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'How do BERT, GPT and T5 use the Transformer differently?',
      zh: 'BERT、GPT 和 T5 使用 Transformer 的方式有什么不同？',
    },
    answer: {
      en: 'BERT is encoder-only and pre-trained with masked language modelling (15% of tokens selected and predicted from context on both sides); for classification a small head reads the final vector of the [CLS] token placed before every input. GPT is decoder-only, trained to predict the next token under a causal mask, and generates one token at a time. T5 keeps the encoder-decoder and casts every task as text-to-text, with a task prefix such as “translate English to German:”.',
      zh: 'BERT 只用编码器，用掩码语言模型预训练（选出 15% 的词元，根据两侧上下文预测它们）；做分类时，一个小的分类头读取放在每个输入最前面的 [CLS] 词元的最终向量。GPT 只用解码器，在因果掩码下训练预测下一个词元，生成时一次产生一个词元。T5 保留编码器-解码器结构，把所有任务都表述为文本到文本，并加上任务前缀，如“translate English to German:”。',
    },
    stage: 'overview',
    stageNote: familiesNote,
    highlight: 'model-families',
    compare: compareFamilies,
  },
  {
    id: 'g43-cls',
    topic: 43,
    tags: ['bert', 'classification'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: BERT’s classification token.',
      zh: '填空：BERT 用于分类的词元。',
    },
    answer: {
      en: '[CLS]: it is prepended to every input, and because attention lets it gather from all tokens, its final vector serves as a summary of the sequence for a linear classifier.',
      zh: '[CLS]：它被放在每个输入的最前面，借助注意力从所有词元汇集信息，所以它的最终向量可作为整个序列的概括，交给一个线性分类器。',
    },
    cloze: {
      text: {
        en: 'For sentence classification, BERT feeds the final hidden vector of the {{gap}} token to a classifier.',
        zh: '做句子分类时，BERT 把 {{gap}} 词元的最终隐藏向量送入分类器。',
      },
      answers: ['[CLS]', 'CLS'],
    },
    stage: 'overview',
    stageNote: familiesNote,
    highlight: 'model-families',
    compare: compareFamilies,
  },
  {
    id: 'g43-nsp',
    topic: 43,
    tags: ['bert', 'roberta', 'pretraining'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'What was BERT’s next-sentence prediction, and why did RoBERTa drop it?',
      zh: 'BERT 的下一句预测是什么？RoBERTa 为什么去掉了它？',
    },
    answer: {
      en: 'Besides masked language modelling, BERT read two segments, [CLS] A [SEP] B [SEP], and learned to say from [CLS] whether B really followed A; half the time B was a random sentence from elsewhere. It was meant to help sentence-pair tasks such as QA and inference. RoBERTa found that dropping it and filling the input with contiguous text matched or beat it: a random B usually changes topic, so the task teaches topic matching more than coherence, and pairs shorten the context. ALBERT swapped in sentence-order prediction.',
      zh: '除了掩码语言模型，BERT 还读入两段文本 [CLS] A [SEP] B [SEP]，用 [CLS] 判断 B 是否真的紧跟在 A 后面，即下一句预测（NSP）；一半情况下 B 是别处随机抽来的句子。它本想帮助问答、推理等句对任务。RoBERTa 发现去掉它、用连续文本填满输入，效果持平或更好：随机的 B 往往换了话题，这个任务学到的更多是话题匹配而非连贯性，而且句对缩短了上下文。ALBERT 改用句序预测（SOP）。',
    },
    stage: 'overview',
    stageNote: familiesNote,
    highlight: 'model-families',
    compare: compareFamilies,
  },
  {
    id: 'g43-predict-fill',
    topic: 43,
    tags: ['bert', 'gpt', 'mlm', 'compare'],
    difficulty: 2,
    kind: 'predict',
    question: {
      en: 'Hide “cat” in “the cat sat .” from the encoder-only model (BERT-style), and give the decoder-only model (GPT-style) the same sentence as a prompt. Predict what each one outputs, and what kind of word the encoder-only model puts in the gap.',
      zh: '对仅编码器模型（BERT 式）遮住 “the cat sat .” 里的 “cat”，再把同一个句子作为提示交给仅解码器模型（GPT 式）。预测它们各自输出什么，以及仅编码器模型会在空位里填什么样的词。',
    },
    answer: {
      en: 'The encoder-only model outputs a word for the gap, read from both sides: after “the” and before “sat”, its first choice is a noun that can sit (an animal or a person of the toy language). It writes nothing else: masked language modelling fills blanks, it does not generate. The decoder-only model continues “<bos> the cat sat . <sep>” one token at a time with the Chinese translation and stops at <eos>: GPT-style models generate, and translation is just a prompt.',
      zh: '仅编码器模型为空位输出一个词，并且是从两侧读出来的：在 “the” 之后、“sat” 之前，它的第一选择是一个能“坐”的名词（玩具语言里的动物或人）。它不写别的东西：掩码语言建模是填空，不是生成。仅解码器模型则逐个词元地续写 “<bos> the cat sat . <sep>”，写出中文译文，在 <eos> 处停下：GPT 式模型负责生成，翻译只是一个提示。',
    },
    stage: 'overview',
    stageNote: familiesNote,
    compare: { text: 'the cat sat .', mask: 1, focus: { family: 'encoder', layer: 1, head: 0 } },
  },
  {
    id: 'g44-vit-clip',
    topic: 44,
    tags: ['vision', 'vit', 'clip', 'multimodal'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'How does a Vision Transformer turn an image into tokens, and what is CLIP?',
      zh: 'Vision Transformer 如何把图像变成词元？CLIP 是什么？',
    },
    answer: {
      en: 'ViT cuts the image into fixed patches (e.g. 16 × 16 pixels), flattens each one and projects it linearly to d_model, adds learned position embeddings and a [CLS] token, and runs a standard Transformer encoder. With little built-in locality it needs a lot of data, or strong augmentation and distillation, to beat CNNs. CLIP trains an image encoder and a text encoder together with a contrastive loss so that matching image–caption pairs get similar embeddings, which enables zero-shot classification by comparing an image with text prompts.',
      zh: 'ViT 把图像切成固定大小的图块（如 16 × 16 像素），把每块展平后线性投影到 d_model 维，加上可学习的位置嵌入和一个 [CLS] 词元，再送进标准的 Transformer 编码器。它几乎没有内置的局部性假设，需要大量数据，或强数据增强和蒸馏，才能胜过 CNN。CLIP 用对比损失同时训练图像编码器和文本编码器，让配对的图像与描述得到相近的嵌入，从而能把图像与文本提示作比较，实现零样本分类。',
    },
    stage: 'overview',
    stageNote: {
      en: 'This app translates text only; the overview’s encoder is the part ViT reuses, with image patches in place of word embeddings.',
      zh: '本应用只翻译文本；概览页中的编码器正是 ViT 复用的部分，只是用图块代替了词嵌入。',
    },
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'g44-patch-count',
    topic: 44,
    tags: ['vision', 'vit'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: how many patches?',
      zh: '填空：图块的数量。',
    },
    answer: {
      en: '(224 / 16)² = 14² = 196 patch tokens, plus one [CLS] token in ViT — a sequence of 197.',
      zh: '(224 / 16)² = 14² = 196 个图块词元，ViT 中再加一个 [CLS] 词元，序列长度为 197。',
    },
    cloze: {
      text: {
        en: 'A 224 × 224 image cut into 16 × 16 patches gives {{gap}} patch tokens.',
        zh: '一张 224 × 224 的图像切成 16 × 16 的图块，得到 {{gap}} 个图块词元。',
      },
      answers: ['196', '14^2', '14*14', '14×14'],
    },
    stage: 'overview',
    stageNote: {
      en: 'This app translates text only; the overview shows the token sequence that patches replace.',
      zh: '本应用只翻译文本；概览页展示的词元序列正是图块所替代的东西。',
    },
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'g45-peft-lora',
    topic: 45,
    tags: ['fine-tuning', 'lora', 'peft'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Name the main parameter-efficient fine-tuning methods and explain LoRA.',
      zh: '说出主要的参数高效微调方法，并解释 LoRA。',
    },
    answer: {
      en: 'Adapters insert small bottleneck MLPs inside each layer; prefix and prompt tuning learn a few virtual tokens or per-layer key/value prefixes; LoRA adds a low-rank update to frozen weight matrices. In LoRA, W₀ stays frozen and only B and A, of a small rank r such as 8, are trained; B starts at zero, so training begins exactly from the pre-trained model, and afterwards BA can be merged into W₀ at no extra inference cost.',
      zh: 'Adapter 在每层中插入小的瓶颈 MLP；前缀微调和提示微调学习少量虚拟词元或每层的键/值前缀；LoRA 给冻结的权重矩阵加上一个低秩更新。LoRA 中 W₀ 保持冻结，只训练秩很小（如 r = 8）的 B 和 A；B 初始化为零，所以训练恰好从预训练模型出发，训练完后可以把 BA 合并进 W₀，推理时没有额外开销。',
    },
    formula: String.raw`W = W_0 + BA,\qquad B \in \mathbb{R}^{d \times r},\; A \in \mathbb{R}^{r \times k},\; r \ll \min(d, k)`,
    stage: 'overview',
    stageNote: {
      en: 'This app trains all weights from scratch; the overview shows the layers whose weight matrices LoRA or adapters would modify.',
      zh: '本应用从零开始训练全部权重；概览页展示了 LoRA 或 Adapter 会修改其权重矩阵的那些层。',
    },
    highlight: 'encoder-decoder-blocks',
  },
  {
    id: 'g45-instruction-rlhf',
    topic: 45,
    tags: ['fine-tuning', 'rlhf', 'alignment'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'What are instruction tuning and RLHF?',
      zh: '什么是指令微调和 RLHF？',
    },
    answer: {
      en: 'Instruction tuning is supervised fine-tuning on many tasks phrased as instructions with good responses, so the model learns to follow requests it has not seen. RLHF then collects human preferences between pairs of responses, trains a reward model on them, and optimises the language model against that reward, typically with PPO, while a KL penalty keeps it close to the fine-tuned model. DPO reaches a similar goal directly from the preference pairs, without a separate reward model.',
      zh: '指令微调是在大量以指令形式表述、配有优质回答的任务上做有监督微调，让模型学会遵循没见过的请求。RLHF 则收集人类对成对回答的偏好，据此训练一个奖励模型，再针对这个奖励优化语言模型（通常用 PPO），同时用 KL 惩罚让它不偏离微调后的模型太远。DPO 直接从偏好对出发达到类似目的，不需要单独的奖励模型。',
    },
    stage: 'overview',
    stageNote: {
      en: 'This app has no fine-tuning stage; the overview is the closest, showing the model such methods start from.',
      zh: '本应用没有微调阶段；概览页最接近，展示了这些方法的出发点——模型本身。',
    },
    highlight: 'model-families',
  },
  {
    id: 'g46-moe',
    topic: 46,
    tags: ['moe', 'switch-transformer', 'ffn', 'scaling'],
    difficulty: 3,
    kind: 'qa',
    question: {
      en: 'What is a mixture-of-experts layer, and what did the Switch Transformer change?',
      zh: '什么是混合专家层？Switch Transformer 做了什么改变？',
    },
    answer: {
      en: 'The FFN is replaced by many expert FFNs plus a router that scores the experts for each token and sends the token to the top-k of them, mixing their outputs by the router weights. Parameters grow with the number of experts while the compute per token stays that of k experts. The Switch Transformer routes each token to a single expert (k = 1), adds a load-balancing loss so tokens spread evenly, and caps each expert’s capacity, letting overflow tokens pass through the residual connection.',
      zh: '把前馈网络换成许多个“专家”前馈网络，再加一个路由器：它为每个词元给各专家打分，把词元送给得分最高的 k 个专家，并按路由权重混合它们的输出。参数量随专家数增加，而每个词元的计算量只相当于 k 个专家。Switch Transformer 让每个词元只去一个专家（k = 1），加入负载均衡损失使词元分布均匀，并给每个专家设容量上限，超出的词元直接经残差连接通过。',
    },
    formula: String.raw`y = \sum_{i \in \mathrm{TopK}(g(x))} g_i(x)\, E_i(x),\qquad g(x) = \mathrm{softmax}(x W_g)`,
    stage: 'ffn',
    stageNote: {
      en: 'This model has one dense FFN per layer; the FFN panel shows the block a mixture of experts replaces.',
      zh: '本模型每层只有一个稠密的前馈网络；前馈网络面板展示的正是混合专家所替换的模块。',
    },
    highlight: 'ffn-expand',
  },
  {
    id: 'g47-limitations',
    topic: 47,
    tags: ['limitations', 'complexity', 'exposure-bias'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'State the Transformer’s main limitations in one breath.',
      zh: '一口气说出 Transformer 的主要局限。',
    },
    answer: {
      en: 'Attention costs O(n²) time and memory in the sequence length, so long contexts are expensive; absolute positions are injected once at the input, can fade in deep stacks and do not extrapolate well beyond trained lengths; and autoregressive decoding is serial at inference and suffers from exposure bias, since training only ever saw gold prefixes.',
      zh: '注意力的时间和内存开销随序列长度呈 O(n²)，长上下文代价高昂；绝对位置只在输入处注入一次，在深层中可能淡化，对超出训练长度的序列也难以外推；自回归解码在推理时是串行的，并且存在暴露偏差，因为训练时只见过标准答案前缀。',
    },
    stage: 'complexity',
    highlight: 'complexity-curves',
  },
  {
    id: 'g47-rag',
    topic: 47,
    tags: ['limitations', 'long-context', 'rag', 'retrieval'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'How does retrieval-augmented generation (RAG) answer the long-context problem, and where does it fail?',
      zh: '检索增强生成如何应对长上下文问题？它在哪里会失效？',
    },
    answer: {
      en: 'Instead of putting a whole library into the context, RAG splits documents into chunks, indexes them, retrieves the few most relevant to the question — usually by embedding similarity, often with keyword search and a re-ranker — and puts only those in the prompt. Attention then runs over a short context, so the n² cost stays small, knowledge can change without retraining, and answers can cite sources. It fails when retrieval misses the right chunk or the answer needs the whole corpus at once.',
      zh: '检索增强生成（RAG）不把整个资料库塞进上下文，而是把文档切块建索引，按问题检索出最相关的几块——通常按嵌入相似度，常配合关键词检索和重排序——只把它们放进提示。注意力只需处理短上下文，n² 开销很小；知识无需重新训练就能更新，回答还能注明出处。若检索漏掉了关键的块，或答案需要同时综合整个语料，它就会失效。',
    },
    stage: 'complexity',
    highlight: 'complexity-curves',
  },
];
