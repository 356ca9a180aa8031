// Section B — inputs: embeddings and positions (topics 6–11).
import type { Card } from '../types';

const notOnThisPanel = {
  en: 'The positional panel shows the sinusoidal table; learned positions are a config option of this model (positional: learned), and relative schemes have no panel of their own.',
  zh: '位置编码面板展示的是正弦表；可学习位置是本模型的一个配置选项（positional: learned），相对位置方法没有单独的面板。',
};

export const SECTION_B: readonly Card[] = [
  {
    id: 'b6-embedding',
    topic: 6,
    tags: ['embedding', 'word2vec'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'What is the token embedding in a Transformer, and how does it differ from Word2Vec vectors?',
      zh: 'Transformer 中的词元嵌入是什么？它和 Word2Vec 向量有什么不同？',
    },
    answer: {
      en: 'It is a trainable table of shape (V, d_model); a token id just selects one row. The table starts random and is learned end to end with the rest of the model by backpropagation. Word2Vec vectors are trained separately beforehand and then usually stay fixed: one static vector per word, whatever the task.',
      zh: '它是一张形状为 (V, d_model) 的可训练查找表，词元 id 只是选出其中一行。表的初值是随机的，和模型其余部分一起通过反向传播端到端学习。Word2Vec 向量则是事先单独训练好的，之后通常固定不变：每个词只有一个静态向量，与下游任务无关。',
    },
    formula: String.raw`E \in \mathbb{R}^{V \times d_{\text{model}}},\qquad x_{pos} = E[\mathrm{id}_{pos}]`,
    stage: 'embedding',
    highlight: 'embedding-lookup',
  },
  {
    id: 'b7-contextual',
    topic: 7,
    tags: ['embedding', 'contextual'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Does “bank” get the same vector in “river bank” and in “bank account”?',
      zh: '“bank”在“river bank”和“bank account”里得到的向量一样吗？',
    },
    answer: {
      en: 'At the embedding layer, yes: the lookup table gives one static vector per token. After each attention layer, no: every vector is rebuilt as a mixture of the other tokens’ values, so “river” and “account” pull the two copies of “bank” in different directions. That is the difference between static and contextual representations, and why BERT features beat Word2Vec on ambiguous words.',
      zh: '在嵌入层是一样的：查找表给每个词元一个固定的静态向量。经过注意力层之后就不同了：每个向量都会被重新组合为其他词元值向量的加权混合，“river”和“account”会把两个“bank”拉向不同的方向。这就是静态表示与上下文表示的区别，也是 BERT 特征在多义词上胜过 Word2Vec 的原因。',
    },
    stage: 'encoder-stack',
    highlight: 'contextual-vectors',
  },
  {
    id: 'b8-why-positions',
    topic: 8,
    tags: ['positional-encoding', 'permutation'],
    difficulty: 1,
    kind: 'qa',
    question: {
      en: 'Why does a Transformer need positional encoding?',
      zh: '为什么 Transformer 需要位置编码？',
    },
    answer: {
      en: 'Self-attention treats its input as a set: permute the tokens and the outputs are permuted the same way, with identical values (permutation equivariance). Without position information, “dog bites man” and “man bites dog” give the encoder the same bag of vectors. Adding a position-dependent vector to each embedding breaks that symmetry, so word order can matter.',
      zh: '自注意力把输入当作一个集合：打乱词元顺序，输出只会以同样的方式被打乱，数值完全不变（置换等变）。没有位置信息，“狗咬人”和“人咬狗”交给编码器的是同一组向量。给每个嵌入加上一个随位置变化的向量，打破了这种对称，词序才起作用。',
    },
    stage: 'positional',
    highlight: 'pe-add',
  },
  {
    id: 'b8-equivariant',
    topic: 8,
    tags: ['positional-encoding', 'permutation'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: self-attention without positions.',
      zh: '填空：没有位置信息的自注意力。',
    },
    answer: {
      en: 'Equivariant, not invariant: each output follows its own token. Pooling over positions — like the weighted sum in cross-attention — then makes the result fully independent of the order.',
      zh: '是等变，而不是不变：每个输出跟着自己的词元走。再对位置做汇聚（比如交叉注意力中的加权求和），结果就完全与顺序无关了。',
    },
    cloze: {
      text: {
        en: 'Without positions, self-attention is permutation-{{gap}}: reorder the input tokens and the outputs are reordered the same way.',
        zh: '没有位置信息时，自注意力是置换{{gap}}的：输入词元换了顺序，输出也按同样的方式换序。',
      },
      answers: ['equivariant', 'equivariance', '等变'],
    },
    stage: 'positional',
    highlight: 'pe-add',
  },
  {
    id: 'b8-predict-positions-off',
    topic: 8,
    tags: ['positional-encoding', 'experiment'],
    difficulty: 2,
    kind: 'predict',
    question: {
      en: 'Turn positional encoding off and retrain. Predict what happens to “the cat chased the dog” versus “the dog chased the cat”.',
      zh: '关掉位置编码后重新训练。预测“the cat chased the dog”和“the dog chased the cat”的译文会怎样。',
    },
    answer: {
      en: 'Expect that swapped sentences get identical translations. Without positions the two encoder outputs are reorderings of each other, and cross-attention sums over the source, so the decoder sees identical inputs for any two sentences made of the same words. The decoder can still learn some target order (its causal mask lets each position see a different number of tokens), but anything that depends on source word order — who did what to whom — is lost, and the loss levels off higher.',
      zh: '预计主宾互换的两句得到完全相同的译文。没有位置编码时，两句的编码器输出只是彼此的重新排列，而交叉注意力对源端做的是加权求和，所以只要两句用的词相同，解码器看到的输入就完全一样。解码器仍能学到一些目标端的顺序（因果掩码让每个位置看到的词元（token）个数不同），但凡是依赖源端词序的信息——谁对谁做了什么——都丢了，损失会停在更高的水平。',
    },
    stage: 'positional',
    highlight: 'pe-add',
    experiment: 'positions-off',
  },
  {
    id: 'b9-sinusoid',
    topic: 9,
    tags: ['positional-encoding', 'formula'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Give the sinusoidal positional encoding and three of its properties.',
      zh: '写出正弦位置编码的公式，并说出它的三个性质。',
    },
    answer: {
      en: 'Even dimensions take the sine and odd dimensions the cosine of pos / 10000^(2i/d_model), so each pair of dimensions is a wave; wavelengths grow geometrically from 2π to 10000·2π. It is added to the embedding, not concatenated, so the width stays d_model. It has no parameters and can be computed for positions longer than any seen in training, though in practice models extrapolate poorly to such lengths. And for a fixed offset k, PE(pos+k) is a linear function of PE(pos) (a rotation of each sin/cos pair), which makes relative offsets easy to attend to.',
      zh: '偶数维取 sin，奇数维取 cos，自变量都是 pos / 10000^(2i/d_model)，每一对维度构成一个波，波长从 2π 按几何级数增长到 10000·2π。它与嵌入相加而不是拼接，宽度仍是 d_model。它没有参数，可以为比训练时更长的位置直接计算，但实践中模型对这种长度的外推效果并不好。而且对固定偏移 k，PE(pos+k) 是 PE(pos) 的线性函数（对每对 sin/cos 做一次旋转），便于模型按相对距离去关注。',
    },
    formula: String.raw`PE_{(pos,\,2i)} = \sin\!\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right),\qquad PE_{(pos,\,2i+1)} = \cos\!\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right)`,
    stage: 'positional',
    highlight: 'pe-waves',
  },
  {
    id: 'b9-cos',
    topic: 9,
    tags: ['positional-encoding', 'formula'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap in the sinusoidal encoding.',
      zh: '填空：正弦位置编码。',
    },
    answer: {
      en: 'cos: even dimensions use the sine, odd dimensions the cosine, with the same frequency for the pair 2i, 2i+1.',
      zh: 'cos：偶数维用正弦，奇数维用余弦，第 2i 和 2i+1 维这一对使用相同的频率。',
    },
    cloze: {
      text: {
        en: 'PE(pos, 2i) = sin(pos / 10000^(2i/d_model)) and PE(pos, 2i+1) = {{gap}}(pos / 10000^(2i/d_model)).',
        zh: '正弦位置编码：PE(pos, 2i) = sin(pos / 10000^(2i/d_model))，PE(pos, 2i+1) = {{gap}}(pos / 10000^(2i/d_model))。',
      },
      answers: ['cos', 'cosine', '余弦'],
    },
    formula: String.raw`PE_{(pos,\,2i+1)} = \cos\!\left(pos / 10000^{2i/d_{\text{model}}}\right)`,
    stage: 'positional',
    highlight: 'pe-waves',
  },
  {
    id: 'b9-wavelengths',
    topic: 9,
    tags: ['positional-encoding', 'formula'],
    difficulty: 2,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the range of wavelengths.',
      zh: '填空：波长的范围。',
    },
    answer: {
      en: '10000, the base in pos / 10000^(2i/d_model). Low dimensions change quickly with position and high dimensions slowly, like the hands of a clock.',
      zh: '10000，即 pos / 10000^(2i/d_model) 中的底数。低维随位置变化快，高维变化慢，就像钟表上快慢不同的指针。',
    },
    cloze: {
      text: {
        en: 'In the sinusoidal encoding the wavelengths form a geometric progression from 2π to {{gap}}·2π.',
        zh: '在正弦位置编码中，波长构成从 2π 到 {{gap}}·2π 的等比数列。',
      },
      answers: ['10000', '10^4', '1e4', '一万'],
    },
    stage: 'positional',
    highlight: 'pe-waves',
  },
  {
    id: 'b10-learned-relative',
    topic: 10,
    tags: ['positional-encoding', 'relative', 'rope'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Besides sinusoids, how else can position enter a Transformer, and what is the weakness of adding absolute positions once?',
      zh: '除了正弦编码，还有哪些方式把位置信息送进 Transformer？只在输入处加一次绝对位置有什么弱点？',
    },
    answer: {
      en: 'A learned table gives each position a trainable vector (BERT, GPT-2) but cannot go beyond its maximum length. Relative schemes make attention depend on the offset i − j instead: Shaw et al.’s relative embeddings, T5’s learned bias on the scores, or rotary embeddings (RoPE), which rotate q and k. Absolute positions are injected once at the bottom, so in a deep stack that signal can fade; relative methods put position into every attention layer.',
      zh: '可学习位置表给每个位置一个可训练向量（BERT、GPT-2），但无法超出训练时的最大长度。相对位置方法让注意力依赖偏移 i − j：如 Shaw 等人的相对位置嵌入、T5 在注意力分数上加的可学习偏置，以及旋转位置编码（RoPE），它对 q 和 k 做旋转。绝对位置只在最底层注入一次，在很深的网络里这一信号可能逐渐淡化；相对位置方法则在每一层注意力中都注入位置。',
    },
    stage: 'positional',
    stageNote: notOnThisPanel,
    highlight: 'pe-waves',
  },
  {
    id: 'b10-rope',
    topic: 10,
    tags: ['positional-encoding', 'rope', 'relative'],
    difficulty: 3,
    kind: 'qa',
    question: {
      en: 'How does rotary position embedding (RoPE) encode position, and why is the result relative?',
      zh: '旋转位置编码（RoPE）如何编码位置？为什么得到的是相对位置？',
    },
    answer: {
      en: 'RoPE splits q and k into 2-D pairs and rotates pair i at position m by the angle m·θ_i, with frequencies θ_i chosen like the sinusoids’. A rotation changes a dot product only through the difference of the angles, so the score between positions m and n depends on the content and on n − m alone. It acts on q and k inside every attention layer instead of being added to the input, and it is the usual choice in modern LLMs such as LLaMA.',
      zh: 'RoPE 把 q 和 k 分成若干二维对，在位置 m 上把第 i 对旋转角度 m·θ_i，频率 θ_i 的取法与正弦编码类似。旋转只通过角度差影响点积，所以位置 m 与 n 之间的分数只取决于内容和 n − m。它在每一层注意力里作用于 q 和 k，而不是加到输入上，是 LLaMA 等现代大模型的常用选择。',
    },
    formula: String.raw`\langle R_m q,\; R_n k \rangle = \langle q,\; R_{n-m}\, k \rangle`,
    stage: 'positional',
    stageNote: notOnThisPanel,
    highlight: 'pe-waves',
  },
  {
    id: 'b11-embed-scale',
    topic: 11,
    tags: ['embedding', 'positional-encoding', 'scaling'],
    difficulty: 2,
    kind: 'qa',
    question: {
      en: 'Why are embeddings multiplied by √d_model, and why must embeddings and positional encodings have the same width?',
      zh: '为什么嵌入要乘以 √d_model？为什么嵌入和位置编码的宽度必须相同？',
    },
    answer: {
      en: 'The paper states the scaling without a reason; the usual reading is about magnitudes. Embedding weights start small (entries around 1/√d_model, and in the paper they are shared with the output projection), while every PE entry lies in [−1, 1]; multiplying by √d_model brings token entries to about unit size, so position does not drown out token identity. The two are summed element by element, so both must be d_model wide — concatenating instead would change the width of every later layer.',
      zh: '论文只写了这一步缩放而没有解释，通常的理解与数值大小有关。嵌入权重初始化得很小（每个元素约为 1/√d_model，论文中还与输出投影共享权重），而位置编码的每个元素都在 [−1, 1] 之间；乘以 √d_model 让词元向量的元素回到约 1 的量级，位置信息就不会淹没词元本身。两者是逐元素相加的，所以宽度都必须是 d_model；若改成拼接，后面每一层的宽度都要跟着变。',
    },
    formula: String.raw`x_{pos} = \sqrt{d_{\text{model}}}\; E[\mathrm{id}_{pos}] + PE_{pos}`,
    stage: 'embedding',
    highlight: 'embed-scale',
  },
  {
    id: 'b11-scale-factor',
    topic: 11,
    tags: ['embedding', 'scaling'],
    difficulty: 1,
    kind: 'cloze',
    question: {
      en: 'Fill the gap: the embedding scale.',
      zh: '填空：嵌入的缩放系数。',
    },
    answer: {
      en: '√d_model (≈ 6.93 for this app’s d_model = 48), applied to the looked-up rows before the positional encoding is added.',
      zh: '√d_model（本应用 d_model = 48，即约乘以 6.93），在加位置编码之前作用于查出的嵌入行。',
    },
    cloze: {
      text: {
        en: 'Before the positional encoding is added, each embedding row is multiplied by {{gap}}.',
        zh: '在加上位置编码之前，每个嵌入行都要乘以 {{gap}}。',
      },
      answers: ['√d_model', 'sqrt(d_model)', '√dmodel', 'd_model^0.5', 'd_model^(1/2)'],
    },
    stage: 'embedding',
    highlight: 'embed-scale',
  },
];
