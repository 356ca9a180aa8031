// The what-if experiments of the curriculum as data: what each changes, what to watch, and how
// to run it quickly (a few hundred CPU steps of a small model, or a short fine-tune of the
// shipped one). experimentRun.ts executes a plan; the Train view shows the texts and numbers.
import type { Bilingual } from '../i18n/text';
import type { StageId } from '../model/stageIds';
import { EXPERIMENT_IDS, type ExperimentId } from './experimentIds';
import type { TrainingConfigPatch } from './trainingConfig';

/** Numbers an experiment reports for the baseline and the variant. */
export type ExperimentMetric =
  | 'trainLoss' // mean training loss over the last steps
  | 'validLoss' // teacher-forced validation loss
  | 'teacherForcedAccuracy' // next-token accuracy given the true prefix
  | 'exactMatch' // real (greedy, autoregressive) decoding, whole sentence right
  | 'tokenAccuracy' // real decoding, position-wise
  | 'entropyEncSelf' // mean attention entropy (nats) per block
  | 'entropyDecSelf'
  | 'entropyCross'
  | 'orderDistinct' // swapped-subject/object pairs translated differently
  | 'orderExactMatch'
  | 'divergedAtStep' // the step the guard stopped at (null: never)
  | 'headOffWorstExactMatch'; // exact match with the most important head switched off

export type ChangeKind = 'variant' | 'config' | 'optimizer' | 'inference' | 'walkthrough';

export interface ExperimentChange {
  kind: ChangeKind;
  /** Turns the baseline's training config into the variant's. */
  patch?: TrainingConfigPatch;
  /** Inference switch: every cross-attention head is switched off in turn. */
  headsOff?: 'each-cross-head';
  /** No training: the walkthrough stage that shows it. */
  stage?: StageId;
}

export interface RunPlan {
  /** Train a baseline and a variant side by side; measure one model; or only point to a stage. */
  mode: 'train-both' | 'inference' | 'walkthrough';
  /** Start both from the shipped checkpoint (a short fine-tune) or from fresh weights. */
  init: 'pretrained' | 'scratch';
  /** Steps per run (small: it must finish in reasonable time on a CPU or SwiftShader). */
  steps: number;
  /** Applied to the default training config for both runs. */
  base: TrainingConfigPatch;
  /** Swapped-word-order sentences to translate after training (0: none). */
  orderPairs: number;
}

export interface Experiment {
  id: ExperimentId;
  title: Bilingual;
  /** What is switched and why it matters (two or three sentences). */
  explain: Bilingual;
  /** What the numbers should show. */
  expect: Bilingual;
  change: ExperimentChange;
  measure: ExperimentMetric[];
  plan: RunPlan;
  /** Curriculum topic numbers (docs/curriculum.md). */
  topics: number[];
}

/**
 * The small model trained from scratch by several experiments: D = 32, H = 4 (Dh = 8),
 * 1 + 1 layers, F = 64 — a few ms per CPU step, and it learns the toy grammar's structure within
 * a few hundred steps, enough for the differences to show.
 */
export const EXPERIMENT_SMALL: TrainingConfigPatch = {
  model: { dModel: 32, nHeads: 4, nEncoderLayers: 1, nDecoderLayers: 1, dFF: 64 },
  batchSize: 32,
  optimizer: { lr: 3e-3 },
  schedule: { kind: 'inverse-sqrt', warmup: 30 },
  cadence: { evalEvery: 50, validationSize: 64, samples: 3, attentionEvery: 10, snapshotEvery: 10 },
};

/** The shipped model fine-tuned briefly: same shape, gentle learning rate. */
const FINE_TUNE: TrainingConfigPatch = {
  batchSize: 32,
  optimizer: { lr: 1e-3 },
  schedule: { kind: 'constant', warmup: 5 },
  cadence: { evalEvery: 20, validationSize: 64, samples: 3, attentionEvery: 5, snapshotEvery: 10 },
};

const scratch = (steps: number, base: TrainingConfigPatch = EXPERIMENT_SMALL): RunPlan => ({ mode: 'train-both', init: 'scratch', steps, base, orderPairs: 0 });

export const EXPERIMENTS: Record<ExperimentId, Experiment> = {
  'positions-off': {
    id: 'positions-off',
    title: { en: 'Positions off', zh: '去掉位置编码' },
    explain: {
      en: 'Self-attention treats its input as a set: without positional encodings, "the dog saw the cat" and "the cat saw the dog" give the encoder the same vectors in a different order, and cross-attention cannot tell them apart. Both runs start from the shipped model; the variant is fine-tuned with positions switched off.',
      zh: '自注意力把输入当作一个集合：没有位置编码时，“the dog saw the cat”和“the cat saw the dog”交给编码器的是同一组向量，只是顺序不同，交叉注意力无法区分它们。两次运行都从内置模型出发，变体在去掉位置编码后继续微调。',
    },
    expect: {
      en: 'Without positions, swapped sentences get the same translation (distinct pairs near 0%), and exact match falls.',
      zh: '去掉位置后，主宾互换的句子得到相同的译文（译文不同的句对接近 0%），完全匹配率下降。',
    },
    change: { kind: 'config', patch: { model: { positional: 'none' } } },
    measure: ['trainLoss', 'exactMatch', 'orderDistinct', 'orderExactMatch'],
    plan: { mode: 'train-both', init: 'pretrained', steps: 60, base: FINE_TUNE, orderPairs: 40 },
    topics: [8],
  },
  'causal-mask-off': {
    id: 'causal-mask-off',
    title: { en: 'Causal mask off during training', zh: '训练时去掉因果掩码' },
    explain: {
      en: 'With teacher forcing the decoder receives the whole reference at once; the causal mask keeps position t from seeing the tokens after t. Without it, the model can copy the next token instead of predicting it. At inference there is no future to copy, so real decoding fails. Both runs train the small model from scratch, without label smoothing.',
      zh: '教师强制时解码器一次拿到整句参考译文；因果掩码让位置 t 看不到 t 之后的词元。去掉掩码后，模型可以直接抄下一个词元而不必预测它。推理时并没有未来可抄，于是真正的解码失败。两次运行都从零训练小模型，不用标签平滑。',
    },
    expect: {
      en: 'Training loss and teacher-forced accuracy look better than the baseline; exact match of real (autoregressive) decoding collapses.',
      zh: '训练损失和教师强制准确率看起来比基线更好；真正（自回归）解码的完全匹配率却大幅下降。',
    },
    change: { kind: 'variant', patch: { variant: { causalMask: false } } },
    measure: ['trainLoss', 'validLoss', 'teacherForcedAccuracy', 'exactMatch', 'tokenAccuracy'],
    // From scratch and without label smoothing, so the loss can fall as far as copying allows.
    plan: scratch(200, { ...EXPERIMENT_SMALL, optimizer: { lr: 3e-3, labelSmoothing: 0 } }),
    topics: [21, 34],
  },
  'no-scaling': {
    id: 'no-scaling',
    title: { en: 'No √Dh scaling', zh: '不除以 √Dh' },
    explain: {
      en: 'Dot products of Dh-dimensional vectors with unit-variance entries have variance Dh. Dividing by √Dh brings the scores back to unit scale; without it they grow, the softmax turns nearly one-hot, and its gradient nearly vanishes.',
      zh: '每个分量方差为 1 的 Dh 维向量，其点积的方差是 Dh。除以 √Dh 把分数拉回单位尺度；不除的话分数变大，softmax 几乎变成独热分布，梯度也几乎消失。',
    },
    expect: {
      en: 'Attention entropy of the variant is lower (sharper, saturated weights), and training is slower or less stable.',
      zh: '变体的注意力熵更低（权重更尖锐、更饱和），训练更慢或更不稳定。',
    },
    change: { kind: 'variant', patch: { variant: { scaleScores: false } } },
    measure: ['trainLoss', 'exactMatch', 'entropyEncSelf', 'entropyDecSelf', 'entropyCross'],
    plan: scratch(200),
    topics: [15],
  },
  'one-head': {
    id: 'one-head',
    title: { en: '1 head vs 4 heads', zh: '1 个头与 4 个头' },
    explain: {
      en: 'Multi-head attention splits D into H subspaces that attend independently, at the same cost as one big head. Both runs have the same number of parameters; only the split differs.',
      zh: '多头注意力把 D 维切成 H 个子空间，各自独立地做注意力，总计算量与一个大头相同。两次运行参数量完全相同，只是切分方式不同。',
    },
    expect: {
      en: 'On a task this small the numbers end close — one head can even be ahead early on. The difference is in the attention maps: four heads split the work (one aligns words, another tracks position), while one head must fit everything into a single distribution per query.',
      zh: '在这么小的任务上，两者的数字最终接近，一个头在早期甚至可能领先。区别在注意力图里：四个头分工合作（一个对齐词语，另一个跟踪位置），而一个头必须把所有信息塞进每个查询的单一分布中。',
    },
    change: { kind: 'config', patch: { model: { nHeads: 1 } } },
    measure: ['trainLoss', 'validLoss', 'exactMatch', 'tokenAccuracy'],
    plan: scratch(250),
    topics: [17],
  },
  'head-off': {
    id: 'head-off',
    title: { en: 'A head switched off at inference', zh: '推理时关掉一个头' },
    explain: {
      en: 'Each cross-attention head of the current model is silenced in turn (its output set to zero before W_O) and the validation set is translated again. No retraining: this shows how much the trained model relies on each head.',
      zh: '把当前模型的每个交叉注意力头依次静音（在乘 W_O 之前把它的输出置零），再翻译一遍验证集。不重新训练：这显示训练好的模型在多大程度上依赖每个头。',
    },
    expect: {
      en: 'The cost differs widely from head to head: with the shipped model one head can go almost for free, while the head that carries most of the alignment takes away over a third of exact match.',
      zh: '不同的头代价差别很大：对内置模型而言，有的头去掉几乎没有损失，而承担主要对齐的那个头会让完全匹配率下降三分之一以上。',
    },
    change: { kind: 'inference', headsOff: 'each-cross-head' },
    measure: ['exactMatch', 'headOffWorstExactMatch'],
    plan: { mode: 'inference', init: 'pretrained', steps: 0, base: FINE_TUNE, orderPairs: 0 },
    topics: [17],
  },
  'pre-norm': {
    id: 'pre-norm',
    title: { en: 'Post-norm vs pre-norm', zh: '后归一化与前归一化' },
    explain: {
      en: 'The paper normalizes after the residual add: LN(x + F(x)). Pre-norm normalizes the sublayer input, x + F(LN(x)), and adds a final LayerNorm; the residual path stays an identity, which keeps gradients tame. Both runs here use 2 + 2 layers, a high learning rate (5e-3) and no warm-up.',
      zh: '论文在残差相加之后归一化：LN(x + F(x))。前归一化对子层的输入归一化：x + F(LN(x))，并在最后加一层 LayerNorm；残差通路保持恒等映射，梯度更温和。这里两次运行都用 2 + 2 层、较高的学习率（5e-3），并且不做预热。',
    },
    expect: {
      en: 'Without warm-up, post-norm stalls at a high loss while pre-norm learns; with a warm-up (the default schedule) post-norm catches up.',
      zh: '没有预热时，后归一化停在较高的损失上，而前归一化在学习；加上预热（默认的学习率计划）后，后归一化能赶上。',
    },
    change: { kind: 'config', patch: { model: { norm: 'pre' } } },
    measure: ['trainLoss', 'validLoss', 'exactMatch'],
    plan: scratch(120, { ...EXPERIMENT_SMALL, model: { ...EXPERIMENT_SMALL.model, nEncoderLayers: 2, nDecoderLayers: 2 }, optimizer: { lr: 5e-3 }, schedule: { kind: 'constant', warmup: 0 } }),
    topics: [29],
  },
  gelu: {
    id: 'gelu',
    title: { en: 'ReLU vs GELU', zh: 'ReLU 与 GELU' },
    explain: {
      en: 'The FFN activation: ReLU zeroes every negative input; GELU weights its input by the probability that a standard normal lies below it, so small negatives pass a little and the curve is smooth.',
      zh: '前馈网络的激活函数：ReLU 把所有负输入置零；GELU 用标准正态分布小于该输入的概率给输入加权，小的负值能通过一点，曲线也是平滑的。',
    },
    expect: {
      en: 'On this small task the two end close; GELU is often slightly smoother early on.',
      zh: '在这个小任务上两者结果接近；GELU 在早期常常略微平滑一些。',
    },
    change: { kind: 'config', patch: { model: { activation: 'gelu' } } },
    measure: ['trainLoss', 'validLoss', 'exactMatch'],
    plan: scratch(200),
    topics: [32],
  },
  'lr-too-high': {
    id: 'lr-too-high',
    title: { en: 'Learning rate far too high', zh: '学习率过大' },
    explain: {
      en: 'Adam moves every weight by about the learning rate per step. At lr = 1000 one step pushes weights to absurd values, logits explode and the loss becomes enormous or NaN. The divergence guard pauses, rolls back to the last good snapshot and suggests what to change.',
      zh: 'Adam 每一步大约把每个权重移动一个学习率的幅度。学习率为 1000 时，一步就把权重推到荒谬的数值，logits 爆炸，损失变得极大甚至 NaN。发散保护会暂停训练、回滚到最近一次正常的快照，并给出调整建议。',
    },
    expect: {
      en: 'The variant is stopped by the guard within a few steps, with finite weights restored; the baseline trains normally.',
      zh: '变体在几步之内被发散保护拦下，并恢复为有限的权重；基线正常训练。',
    },
    change: { kind: 'optimizer', patch: { optimizer: { lr: 1e3 }, schedule: { kind: 'constant', warmup: 0 } } },
    measure: ['trainLoss', 'divergedAtStep', 'exactMatch'],
    plan: scratch(60),
    topics: [41],
  },
  'decode-steps': {
    id: 'decode-steps',
    title: { en: 'Step through decoding', zh: '逐步解码' },
    explain: {
      en: 'At inference the decoder produces one token at a time and feeds it back in, reusing cached keys and values. Nothing to train: the walkthrough\'s decoding stage steps through the loop with the current model.',
      zh: '推理时解码器每次只生成一个词元并把它送回输入，同时复用缓存的键和值。这里无需训练：演示流程的“解码”一节会用当前模型逐步走完这个循环。',
    },
    expect: {
      en: 'Each step adds one row to the decoder\'s attention; the chosen token is the most probable one (greedy).',
      zh: '每一步给解码器的注意力增加一行；选中的词元是概率最高的那个（贪心解码）。',
    },
    change: { kind: 'walkthrough', stage: 'decoding' },
    measure: [],
    plan: { mode: 'walkthrough', init: 'pretrained', steps: 0, base: {}, orderPairs: 0 },
    topics: [35, 37],
  },
};

export function experimentList(): Experiment[] {
  return EXPERIMENT_IDS.map((id) => EXPERIMENTS[id]);
}

export function getExperiment(id: ExperimentId): Experiment {
  return EXPERIMENTS[id];
}
