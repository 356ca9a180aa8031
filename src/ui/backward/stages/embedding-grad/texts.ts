// Sentences of the embedding-grad panel that depend on the model or on the numbers: the √D
// scale (or none), repeated words, the count of zero rows, the recorded relation to ∂L/∂x and
// what the positions do (learned, sinusoidal or none). Pure: tested by changing the config.
import { formatShort } from '../../../../viz/format';
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import type { ModelConfig } from '../../../../model/config';
import { sentences } from './content';
import { embeddingScale, type WordRow } from './rows';

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

/** The factor as the texts write it: '6.928' (√D), or '1'. */
export function scaleText(config: Pick<ModelConfig, 'embedScale' | 'dModel'>): string {
  return config.embedScale ? embeddingScale(config).toFixed(3) : '1';
}

export function scaleSentence(config: Pick<ModelConfig, 'embedScale' | 'dModel'>): Bilingual {
  return config.embedScale ? both((lang) => pick(sentences.scaled, lang, { d: config.dModel, scale: scaleText(config) })) : sentences.unscaled;
}

/** One sentence per word that appears more than once, or the general remark when none does. */
export function repeatSentences(words: readonly WordRow[]): Bilingual[] {
  const repeated = words.filter((w) => w.positions.length > 1);
  if (!repeated.length) return [sentences.noRepeat];
  return repeated.map((w) => both((lang) => pick(sentences.repeated, lang, { word: w.token, positions: w.positions.join(lang === 'zh' ? '、' : ', ') })));
}

export function zeroRowsSentence(zero: number, v: number, used: number): Bilingual {
  return both((lang) => pick(sentences.zeroRows, lang, { zero, v, used }));
}

export function relationSentence(diff: number, config: Pick<ModelConfig, 'embedScale' | 'dModel'>): Bilingual {
  return both((lang) => pick(sentences.relation, lang, { diff: formatShort(diff), scale: scaleText(config) }));
}

/**
 * What the positions do with the gradient. Learned positions need the recorded numbers (null:
 * not recorded, and nothing is said).
 */
export function positionsSentence(
  config: Pick<ModelConfig, 'positional' | 'maxLen'>,
  learned: { n: number; zeroRows: number; diff: number } | null,
): Bilingual | null {
  switch (config.positional) {
    case 'sinusoidal':
      return sentences.sinusoidal;
    case 'none':
      return sentences.noPositions;
    case 'learned':
      return learned && both((lang) => pick(sentences.learned, lang, { max: config.maxLen, n: learned.n, unused: learned.zeroRows, diff: formatShort(learned.diff) }));
  }
}
