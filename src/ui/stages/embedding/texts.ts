// The embedding heatmap's title: "×√D" only for a model that scales its embeddings.
import { pick, type Bilingual } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { text } from './content';

export function lookedUpTitle(config: Pick<ModelConfig, 'embedScale' | 'dModel'>, side: Bilingual): Bilingual {
  const template = config.embedScale ? text.heatmapTitle : text.heatmapTitlePlain;
  return {
    en: pick(template, 'en', { side: side.en, scale: `√${config.dModel}` }),
    zh: pick(template, 'zh', { side: side.zh, scale: `√${config.dModel}` }),
  };
}
