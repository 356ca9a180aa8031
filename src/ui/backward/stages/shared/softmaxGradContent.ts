// Texts of the softmax-backward table that attention-grad and cross-grad share.
import type { Bilingual } from '../../../../i18n/text';

export const softmaxGradText = {
  caption: {
    en: 'The softmax’s backward, one query row at a time ({{where}})',
    zh: 'softmax 的反向传播，逐个查询行（{{where}}）',
  },
  query: { en: 'query', zh: '查询' },
  weightedMean: { en: 'ḡ = Σⱼ Pᵢⱼ·dPᵢⱼ', zh: 'ḡ = Σⱼ Pᵢⱼ·dPᵢⱼ' },
  rowSum: { en: 'row sum Σⱼ dSᵢⱼ', zh: '行和 Σⱼ dSᵢⱼ' },
  absSum: { en: 'Σⱼ |dSᵢⱼ| (for scale)', zh: 'Σⱼ |dSᵢⱼ|（作比较的量级）' },
  masked: { en: 'masked keys', zh: '被掩码的键' },
  maskedMax: { en: 'largest |dS| there', zh: '其中最大的 |dS|' },
  none: { en: '—', zh: '—' },
  note: {
    en: 'Each row of dS sums to 0 up to float32 rounding (compare the row sum with Σ|dS| beside it): adding the same number to every score of a row leaves the softmax unchanged, so the loss cannot depend on that direction. Masked keys have weight 0, and the softmax backward multiplies by that weight: their dS is exactly 0.',
    zh: 'dS 的每一行之和都是 0（只差 float32 的舍入误差，可与旁边的 Σ|dS| 比较）：给一行的所有分数加上同一个数，softmax 的结果不变，所以损失不可能依赖这个方向。被掩码的键权重为 0，而 softmax 的反向传播要乘以这个权重，所以它们的 dS 恰好为 0。',
  },
  tipMasked: {
    en: 'masked key: P = 0, so dS = 0 exactly (recorded {{ds}})',
    zh: '被掩码的键：P = 0，所以 dS 恰好为 0（记录值 {{ds}}）',
  },
  tipScore: {
    en: 'dS = P·(dP − ḡ) = {{p}} · ({{dp}} − {{g}}) = {{calc}}; recorded {{ds}}',
    zh: 'dS = P·(dP − ḡ) = {{p}} · ({{dp}} − {{g}}) = {{calc}}；记录值 {{ds}}',
  },
} satisfies Record<string, Bilingual>;
