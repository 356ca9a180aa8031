// Texts of the `concat` stage, English and Simplified Chinese.
import type { Bilingual, StageExplanation } from '../types';

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
  concatTitle: { en: 'Heads side by side (concat)', zh: '各头并排（拼接）' },
  outTitle: { en: 'After W_O', zh: '乘 W_O 之后' },
  which: { en: '{kind}, layer {layer}', zh: '{kind}，第 {layer} 层' },
  legend: { en: 'value', zh: '数值' },
  columns: {
    en: 'Columns d0–d{last0} come from head 0, the next {dh} from head 1, and so on.',
    zh: '第 d0–d{last0} 列来自第 0 头，接下来的 {dh} 列来自第 1 头，依此类推。',
  },
} satisfies Record<string, Bilingual>;
