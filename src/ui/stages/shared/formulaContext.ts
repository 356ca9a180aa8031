// A stage context with only what `formula(ctx)` and the config-driven texts read (config,
// variant, labels, vocabulary sizes), for tests that change the config without running a model.
import { DEFAULT_CONFIG, DEFAULT_VARIANT, type ModelConfig, type ModelVariant } from '../../../model/config';
import type { StageContext, Side } from '../types';

export function formulaContext(
  config: Partial<ModelConfig> = {},
  opts: { side?: Side; variant?: Partial<ModelVariant>; source?: string[]; target?: string[] } = {},
): StageContext {
  const source = opts.source ?? ['the', 'cat', 'sat', '.', '<eos>'];
  const target = opts.target ?? ['<bos>', '猫', '坐', '了', '。'];
  const result = {
    config: { ...DEFAULT_CONFIG, ...config },
    variant: { ...DEFAULT_VARIANT, ...opts.variant },
    vocabSizes: { src: 100, tgt: 120 },
    translation: { steps: target.slice(1).map(() => ({})) },
  };
  return {
    result,
    config: result.config,
    side: opts.side ?? 'enc',
    layer: 0,
    head: 0,
    lang: 'en',
    highlight: null,
    labels: { source, target, predicted: [...target.slice(1), '<eos>'] },
  } as unknown as StageContext;
}
