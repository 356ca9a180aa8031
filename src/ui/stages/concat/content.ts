// Texts of the `concat` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Concatenate heads, project with W_O', zh: '拼接各头，再乘 W_O' };

export const explain: StageExplanation = {
  what: {
    en: 'The H head outputs of each token (Dh numbers each) are placed side by side into one vector of D = H·Dh numbers, head 0 first. That vector is multiplied by the output matrix W_O (D × D) and b_O is added.',
    zh: '每个词元的 H 个头的输出（每个 Dh 个数）按顺序并排放在一起（第 0 头在最前），拼成一个 D = H·Dh 维的向量。再把这个向量乘以输出矩阵 W_O（D × D），并加上 b_O。',
  },
  why: {
    en: 'Each head only fills its own slice of the vector. W_O mixes the slices, so what one head found can influence every dimension of the result, and the output returns to the model width D that the residual connection needs.',
    zh: '每个头只填自己那一段。W_O 把各段混合起来，使一个头发现的信息能影响结果的每一个维度，并让输出回到残差连接需要的模型宽度 D。',
  },
  problem: {
    en: 'Without the projection the heads would stay in separate compartments and the next layers would have to untangle them. With it, multi-head attention is a drop-in D → D sublayer.',
    zh: '没有这个投影，各个头的结果会一直处在分隔的区块中，后面的层得自己去理清它们。有了它，多头注意力就是一个可以直接替换的 D → D 子层。',
  },
};

export const text = {
  which: { en: '{{kind}}, layer {{layer}}', zh: '{{kind}}，第 {{layer}} 层' },
  headsTitle: { en: 'The {{h}} head outputs (each {{l}} × {{dh}}), placed side by side', zh: '{{h}} 个头的输出（每个 {{l}} × {{dh}}），并排放置' },
  headThumb: { en: 'head {{head}} → columns {{from}}–{{to}}', zh: '第 {{head}} 头 → 第 {{from}}–{{to}} 列' },
  concatTitle: { en: 'Concat: {{l}} × {{d}}, columns labelled head·index', zh: '拼接：{{l}} × {{d}}，列标签为“头·序号”' },
  concatNote: {
    en: 'The outlined block is head {{head}} (columns {{from}}–{{to}}); pick another head above to move it. Every head fills {{dh}} columns, head 0 first.',
    zh: '描边的一块是第 {{head}} 头（第 {{from}}–{{to}} 列）；在上方选择别的头可以移动它。每个头占 {{dh}} 列，第 0 头在最前。',
  },
  woLine: {
    en: '× W_O ({{d}} × {{d}}) + b_O: every output column is a weighted mix of all {{d}} concatenated columns, so all heads reach every dimension.',
    zh: '× W_O（{{d}} × {{d}}）+ b_O：每个输出列都是全部 {{d}} 个拼接列的加权组合，所以每个头都能影响每一个维度。',
  },
  woTitle: { en: 'W_O ({{d}} × {{d}}): rows = concat columns (head·index), columns = output dimensions', zh: 'W_O（{{d}} × {{d}}）：行 = 拼接后的列（头·序号），列 = 输出维度' },
  woNote: {
    en: 'Stored (in, out), so row i multiplies column i of the concat: head {{head}}’s {{dh}} columns meet the outlined rows {{from}}–{{to}}, and every output dimension draws on every head’s rows. This is the checkpoint’s parameter {{name}}, from the model that computed this sentence (its bias b_O, {{d}} numbers, is added after).',
    zh: '按 (输入, 输出) 存放，所以第 i 行乘的是拼接结果的第 i 列：第 {{head}} 头的 {{dh}} 列对应描边的第 {{from}}–{{to}} 行，而每个输出维度都用到所有头的行。这是检查点中的参数 {{name}}，来自计算这个句子的同一个模型（之后再加上 {{d}} 个数的偏置 b_O）。',
  },
  inAxis: { en: 'concat column (head·index)', zh: '拼接列（头·序号）' },
  outAxis: { en: 'output dimension', zh: '输出维度' },
  weightLegend: { en: 'weight', zh: '权重' },
  headRows: { en: 'head {{head}}’s rows', zh: '第 {{head}} 头的行' },
  headCols: { en: 'head {{head}}', zh: '第 {{head}} 头' },
  cellWo: {
    en: 'W_O[{{i}}, {{j}}]: how much column {{i}} of the concat (head {{h}}, entry {{k}}) adds to output dimension d{{j}}',
    zh: 'W_O[{{i}}, {{j}}]：拼接结果第 {{i}} 列（第 {{h}} 头的第 {{k}} 个分量）对输出第 d{{j}} 维的贡献系数',
  },
  woMissing: { en: 'This model’s checkpoint has no {{name}} tensor.', zh: '此模型的检查点中没有 {{name}} 张量。' },
  outTitle: { en: 'After W_O: the attention sublayer’s output ({{l}} × {{d}})', zh: '乘 W_O 之后：注意力子层的输出（{{l}} × {{d}}）' },
  headOff: {
    en: 'Switching head {{head}} off (the Train view’s “head off” experiment) zeroes its block before W_O; because W_O mixes all columns, the change spreads over every output dimension.',
    zh: '关闭第 {{head}} 头（训练页中的“关闭一个头”实验）会在乘 W_O 之前把它那一块置零；由于 W_O 混合所有列，这个变化会扩散到每一个输出维度。',
  },
  legend: { en: 'value', zh: '数值' },
  cellConcat: {
    en: 'head {{h}}, entry {{j}} of its output for “{{token}}”, copied unchanged (see the weighted-sum stage)',
    zh: '第 {{h}} 头对 “{{token}}” 的输出的第 {{j}} 个分量，原样复制（见“值的加权和”阶段）',
  },
  cellOut: {
    en: 'row “{{token}}” of the concat (all {{d}} columns, every head) · column {{c}} of W_O, plus b_O[{{c}}]',
    zh: '拼接结果中 “{{token}}” 这一行（全部 {{d}} 列，涉及每个头）· W_O 的第 {{c}} 列，再加 b_O[{{c}}]',
  },
} satisfies Record<string, Bilingual>;
