// Words several training-step panels share, in both languages.
import type { Bilingual } from '../../../../i18n/text';

export const GRAD_WORDS = {
  /** The colour legend of a gradient heatmap. */
  legend: { en: 'gradient (blue < 0 < red)', zh: '梯度（蓝 < 0 < 红）' },
  /** Rows of a (T, …) decoder tensor. */
  position: { en: 'position (its target)', zh: '位置（其目标）' },
  vocab: { en: 'vocabulary word', zh: '词表中的词' },
  target: { en: 'target', zh: '目标' },
  predicted: { en: 'predicted', zh: '预测' },
  /** The columns a (T, V) map shows. */
  columnsNote: {
    en: 'Columns: the {{targets}} target words of this pair, then the words the model finds most probable at some position ({{shown}} of V = {{v}} words; every other column is small).',
    zh: '列：这个句对的 {{targets}} 个目标词，以及模型在某个位置上认为最可能的词（共显示 {{shown}} 个，词表 V = {{v}}；其余各列都很小）。',
  },
} satisfies Record<string, Bilingual>;
