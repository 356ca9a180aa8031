// Texts of the `attention-grad` stage of the training-step walkthrough, English and Simplified
// Chinese. Sentences that depend on the model (the 1/√Dh factor, the causal mask) are chosen in
// texts.ts and ../shared/scaleText.ts.
import type { Bilingual } from '../../../../i18n/text';
import type { StageExplanation } from '../../../stages/types';

export const title: Bilingual = { en: 'Back through self-attention', zh: '反向穿过自注意力' };

export const explain: StageExplanation = {
  what: {
    en: 'One head computed C = P·V with P = softmax(S) and S = QKᵀ/√Dh (the paper’s scaling). Going back, the gradient at the head’s output, dC = ∂L/∂C, splits in two: dV = Pᵀ·dC for the values and dP = dC·Vᵀ for the weights. The softmax’s backward turns dP into a gradient of the scores, dSᵢⱼ = Pᵢⱼ·(dPᵢⱼ − Σₖ Pᵢₖ·dPᵢₖ). Finally the scores’ gradient reaches the queries and the keys, dQ = dS·K and dK = dSᵀ·Q, each times the scaling factor of the forward pass.',
    zh: '一个头计算 C = P·V，其中 P = softmax(S)，S = QKᵀ/√Dh（论文的缩放方式）。反向时，头输出处的梯度 dC = ∂L/∂C 分成两路：给值的 dV = Pᵀ·dC，给权重的 dP = dC·Vᵀ。softmax 的反向传播把 dP 变成分数的梯度 dSᵢⱼ = Pᵢⱼ·(dPᵢⱼ − Σₖ Pᵢₖ·dPᵢₖ)。最后，分数的梯度传到查询和键：dQ = dS·K，dK = dSᵀ·Q，二者都要乘上前向传播时的缩放系数。',
  },
  why: {
    en: 'These few products are how attention learns where to look. dP says, for every query–key pair, whether more weight on that key would have lowered the loss; the softmax then compares each pair with the row’s weighted average, so a key only gains weight at the expense of the others. dQ and dK move the query and key vectors so that the helpful pairs score higher next time, and dV changes what each attended token contributes.',
    zh: '注意力就是靠这几个乘积学会该看哪里的。dP 对每一对查询–键说明：把更多权重放在这个键上，损失会不会更低；softmax 再把每一对与该行的加权平均比较，所以一个键增加权重，必然意味着其他键减少。dQ 和 dK 移动查询向量和键向量，让有用的配对下次得分更高；dV 则改变每个被关注的词元所贡献的内容。',
  },
  problem: {
    en: 'Two properties keep this stable. Because a softmax ignores a constant added to a whole row, every row of dS sums to zero: the gradient only shifts weight between keys. And masked keys have weight exactly 0, so their score gradient is exactly 0 too: no gradient flows through the causal mask, and a decoder position cannot learn to read the future. Without the 1/√Dh scaling, large scores would saturate the softmax, P would be nearly one-hot, and dS — which is multiplied by P — would nearly vanish.',
    zh: '有两个性质让这个过程保持稳定。softmax 对整行加上同一个常数不敏感，所以 dS 的每一行之和都为零：梯度只在各个键之间转移权重。被掩码的键权重恰好为 0，所以它们分数的梯度也恰好为 0：没有梯度穿过因果掩码，解码器的位置也就学不会偷看未来。如果没有 1/√Dh 的缩放，分数过大会让 softmax 饱和，P 几乎是独热的，而 dS 要乘以 P，于是几乎消失。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}, head {{head}}', zh: '{{kind}}，第 {{layer}} 层，第 {{head}} 头' },
  intro: {
    en: '{{where}}. In the attention matrices, rows are queries and columns are keys; masked cells are hatched. dX stands for ∂L/∂X, recorded by the training step’s backward.',
    zh: '{{where}}。在注意力矩阵中，行是查询，列是键；被掩码的格子画成斜线。dX 表示 ∂L/∂X，由训练步的反向传播记录下来。',
  },
  legend: { en: 'gradient', zh: '梯度' },

  arriveTitle: { en: '1 · What arrives: dC for this head', zh: '1 · 传来的梯度：这个头的 dC' },
  arriveIntro: {
    en: 'The output projection’s backward gives ∂L/∂concat = ∂L/∂out·W_Oᵀ; head {{head}} owns its columns {{from}}–{{to}}, reshaped here as dC (one row per query, Dh = {{dh}} columns).',
    zh: '输出投影的反向传播给出 ∂L/∂concat = ∂L/∂out·W_Oᵀ；第 {{head}} 头拥有其中第 {{from}}–{{to}} 列，这里把它们整理成 dC（每个查询一行，Dh = {{dh}} 列）。',
  },
  contextTitle: { en: 'dC = ∂L/∂C (head output)', zh: 'dC = ∂L/∂C（头的输出）' },

  splitTitle: { en: '2 · C = P·V, backwards', zh: '2 · 反向穿过 C = P·V' },
  splitIntro: {
    en: 'dV = Pᵀ·dC: value j collects dC from every query, weighted by how much that query attended to j. dP = dC·Vᵀ: for each pair, the dot product of the query’s dC with key j’s value vector.',
    zh: 'dV = Pᵀ·dC：值 j 从每个查询收集 dC，权重是该查询对 j 的注意力。dP = dC·Vᵀ：每一对的值是查询的 dC 与键 j 的值向量的点积。',
  },
  weightsTitle: { en: 'dP = ∂L/∂P (attention weights)', zh: 'dP = ∂L/∂P（注意力权重）' },
  weightsTip: {
    en: 'dP = dCᵢ·vⱼ = {{v}}: positive means more weight on this key would have raised the loss',
    zh: 'dP = dCᵢ·vⱼ = {{v}}：为正表示把更多权重放在这个键上会让损失变大',
  },
  weightsMaskedTip: {
    en: 'masked key: P is held at 0, so dP = {{v}} here reaches nothing (the softmax backward multiplies it by P = 0)',
    zh: '被掩码的键：P 固定为 0，所以这里的 dP = {{v}} 传不到任何地方（softmax 的反向传播要乘以 P = 0）',
  },
  vTitle: { en: 'dV = Pᵀ·dC (values)', zh: 'dV = Pᵀ·dC（值）' },

  softmaxTitle: { en: '3 · The softmax’s Jacobian: dP → dS', zh: '3 · softmax 的雅可比矩阵：dP → dS' },
  softmaxIntro: {
    en: 'Each row of P is a softmax of the same row of S, so each row is handled on its own: ḡᵢ = Σₖ Pᵢₖ·dPᵢₖ is the row’s weighted mean of dP, and dSᵢⱼ = Pᵢⱼ·(dPᵢⱼ − ḡᵢ). A key gets a negative dS (its score should rise) when its dP is below the row’s mean; the hover text recomputes this from the recorded P and dP beside the recorded dS.',
    zh: 'P 的每一行都是 S 同一行的 softmax，所以每一行单独处理：ḡᵢ = Σₖ Pᵢₖ·dPᵢₖ 是该行 dP 的加权平均，dSᵢⱼ = Pᵢⱼ·(dPᵢⱼ − ḡᵢ)。当某个键的 dP 低于该行的平均值时，它的 dS 为负（它的分数应该升高）；悬停提示用记录的 P 和 dP 重新算一遍，并与记录的 dS 并列。',
  },
  scoresTitle: { en: 'dS = ∂L/∂S (scores, as the softmax saw them)', zh: 'dS = ∂L/∂S（softmax 看到的分数）' },

  qkTitle: { en: '4 · Into the queries and keys', zh: '4 · 传到查询和键' },
  qTitle: { en: 'dQ (queries)', zh: 'dQ（查询）' },
  kTitle: { en: 'dK (keys)', zh: 'dK（键）' },
  normsCaption: { en: 'Size of the gradient per position (this head)', zh: '每个位置的梯度大小（这个头）' },
  token: { en: 'token', zh: '词元' },
  normQ: { en: '‖dQ‖ (as a query)', zh: '‖dQ‖（作为查询）' },
  normK: { en: '‖dK‖ (as a key)', zh: '‖dK‖（作为键）' },
  normV: { en: '‖dV‖ (as a value)', zh: '‖dV‖（作为值）' },
  projNote: {
    en: 'All heads’ dQ, dK and dV, side by side, go on through W_Q, W_K and W_V: each weight gets ∂L/∂W = inputᵀ·dX, and the three input gradients, summed, reach the attention block’s input.',
    zh: '所有头的 dQ、dK、dV 拼在一起，继续穿过 W_Q、W_K 和 W_V：每个权重得到 ∂L/∂W = 输入ᵀ·dX，三路输入梯度相加后到达注意力块的输入。',
  },
  paramsCaption: { en: 'The attention block’s weights and their gradients ({{prefix}})', zh: '注意力块的权重及其梯度（{{prefix}}）' },
} satisfies Record<string, Bilingual>;

/** Chosen by texts.ts from the variant (the 1/√Dh sentence is shared: ../shared/scaleText.ts). */
export const variantText = {
  causal: {
    en: 'In the decoder, key j is seen only by queries i ≥ j (the causal mask), so the last position’s dK and dV come from its own query alone, while <bos> collects gradient from every query. As a query, <bos> sees only itself: its weight is 1 whatever its score, so its row of dS and its dQ are exactly 0.',
    zh: '在解码器中，键 j 只被 i ≥ j 的查询看到（因果掩码），所以最后一个位置的 dK 和 dV 只来自它自己的查询，而 <bos> 会从所有查询那里收集梯度。作为查询，<bos> 只能看到它自己：无论分数是多少，它的权重都是 1，所以它那一行的 dS 和它的 dQ 恰好为 0。',
  },
  noCausal: {
    en: 'This model was trained without the causal mask (a what-if experiment): every decoder query sees every key, so gradient reaches each key from every query.',
    zh: '这个模型训练时没有因果掩码（一个假设实验）：解码器的每个查询都能看到所有键，所以每个键都会从所有查询那里收到梯度。',
  },
  encoder: {
    en: 'In the encoder every query sees every source token (only padding would be masked, and a single sentence has none), so each key collects gradient from every query.',
    zh: '在编码器中，每个查询都能看到所有源词元（只有填充会被掩码，而单个句子没有填充），所以每个键都会从所有查询那里收集梯度。',
  },
} satisfies Record<string, Bilingual>;

export const checkLabels = {
  scores: { en: 'dS, {{kind}} scores, layer {{layer}} (all heads)', zh: 'dS，{{kind}}的分数，第 {{layer}} 层（所有头）' },
  weights: { en: 'dP, {{kind}} weights, layer {{layer}} (all heads)', zh: 'dP，{{kind}}的权重，第 {{layer}} 层（所有头）' },
  q: { en: 'dQ, {{kind}}, layer {{layer}} (all heads)', zh: 'dQ，{{kind}}，第 {{layer}} 层（所有头）' },
  k: { en: 'dK, {{kind}}, layer {{layer}} (all heads)', zh: 'dK，{{kind}}，第 {{layer}} 层（所有头）' },
  v: { en: 'dV, {{kind}}, layer {{layer}} (all heads)', zh: 'dV，{{kind}}，第 {{layer}} 层（所有头）' },
  wq: { en: '∂L/∂W_Q, the query projection ({{name}})', zh: '∂L/∂W_Q，查询投影的权重（{{name}}）' },
} satisfies Record<string, Bilingual>;
