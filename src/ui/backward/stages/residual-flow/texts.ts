// Sentences of the residual-flow panel that depend on the model or on the numbers: the norm
// placement, each side's top-to-bottom change, what an exact 0 means, and the comparison's
// caption. Pure: tested by changing the config and the numbers.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import type { ModelConfig } from '../../../../model/config';
import { formatShort } from '../../../../viz/format';
import type { FlowComparisonView } from '../../../../store/backwardResult';
import { SIDE_TITLES, SIDES } from '../../../stages/shared/content';
import type { Side } from '../../../stages/types';
import { ARCHITECTURES, sentences, text } from './content';
import { firstZero } from './flow';

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

/** Where this model's LayerNorm sits, and what that means for the way down. */
export function placementSentence(config: Pick<ModelConfig, 'norm'>): Bilingual {
  return config.norm === 'pre' ? sentences.preNorm : sentences.postNorm;
}

/** '<side>: a at the top block's input, b at the embeddings, b/a times the top's after n blocks.' */
export function sideSummary(side: Side, norms: readonly number[]): Bilingual | null {
  if (norms.length < 2 || !(norms[0] > 0)) return null;
  const top = norms[0];
  const bottom = norms[norms.length - 1];
  return both((lang) =>
    pick(sentences.sideSummary, lang, {
      side: SIDE_TITLES[side][lang],
      top: formatShort(top),
      bottom: formatShort(bottom),
      factor: formatShort(bottom / top),
      n: norms.length - 1,
    }),
  );
}

/**
 * What the exact zeros of one curve are: how many, and — from the last norm above the first
 * zero — whether the gradient faded below float32's range or stopped at once.
 */
export function zeroNotes(series: Bilingual, side: Side, norms: readonly number[]): Bilingual[] {
  const first = firstZero(norms);
  if (first < 0) return [];
  const count = norms.filter((n) => n === 0).length;
  const notes = [both((lang) => pick(sentences.zeroCount, lang, { series: series[lang], side: SIDES[side][lang], count, n: norms.length }))];
  if (first > 0) {
    const last = norms[first - 1];
    const template = last < 1e-30 ? sentences.zeroUnderflow : sentences.zeroNoPath;
    notes.push(both((lang) => pick(template, lang, { last: formatShort(last) })));
  }
  return notes;
}

/** Seed, sizes and the runs' losses: freshly initialised, run once on this pair, not trained. */
export function comparisonCaption(view: FlowComparisonView, config: Pick<ModelConfig, 'dModel' | 'nHeads' | 'dFF'>): Bilingual {
  return both((lang) => {
    const losses = view.runs.map((r) => pick(text.lossOf, lang, { arch: ARCHITECTURES[r.architecture][lang], loss: r.loss.toFixed(3) })).join(lang === 'zh' ? '，' : ', ');
    return pick(text.comparisonCaption, lang, { layers: view.layers, seed: view.seed, d: config.dModel, h: config.nHeads, f: config.dFF, losses });
  });
}
