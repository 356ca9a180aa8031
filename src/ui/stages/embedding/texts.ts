// The embedding heatmap's title: "×√D" only for a model that scales its embeddings.
import type { ModelConfig } from '../../../model/config';
import { fillBoth } from '../shared/content';
import type { Bilingual } from '../types';
import { text } from './content';

export function lookedUpTitle(config: Pick<ModelConfig, 'embedScale' | 'dModel'>, side: Bilingual): Bilingual {
  const template = config.embedScale ? text.heatmapTitle : text.heatmapTitlePlain;
  return {
    en: fillBoth(template, { side: side.en, scale: `√${config.dModel}` }).en,
    zh: fillBoth(template, { side: side.zh, scale: `√${config.dModel}` }).zh,
  };
}
