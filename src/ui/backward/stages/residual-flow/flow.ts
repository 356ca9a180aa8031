// The flow points of a recorded step (or of a comparison run) as the panel draws them: split by
// side, labelled 'decoder layer 1 · FFN', exact zeros found, and log₁₀ for the chart.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import type { ModelConfig } from '../../../../model/config';
import type { FlowPoint } from '../../../../train/gradientFlow';
import { SIDES } from '../../../stages/shared/content';
import type { Side } from '../../../stages/types';
import { BLOCKS, text } from './content';

/** 'decoder layer 1 · FFN' (layers counted from 0, as in the trace names and the pickers). */
export function pointLabel(p: FlowPoint): Bilingual {
  const fill = (lang: Language) => pick(text.pointLabel, lang, { side: SIDES[p.side][lang], layer: p.layer, block: BLOCKS[p.block][lang] });
  return { en: fill('en'), zh: fill('zh') };
}

/** One side's points and norms, top block first, as recorded. */
export interface SideCurve {
  points: FlowPoint[];
  norms: number[];
}

export function sideCurve(points: readonly FlowPoint[], norms: readonly number[], side: Side): SideCurve {
  const out: SideCurve = { points: [], norms: [] };
  points.forEach((p, i) => {
    if (p.side !== side) return;
    out.points.push(p);
    out.norms.push(norms[i]);
  });
  return out;
}

/** Index of the first norm that is exactly 0, or −1. */
export function firstZero(norms: readonly number[]): number {
  return norms.findIndex((n) => n === 0);
}

/** log₁₀ of each norm; an exact 0 becomes −∞ (a chart leaves it out, a table says 0). */
export function log10Norms(norms: readonly number[]): number[] {
  return norms.map((n) => Math.log10(n));
}

/** Layer counts the comparison offers: this model's (each side's), 6 and 8, each once, ascending. */
export function layerChoices(config: Pick<ModelConfig, 'nEncoderLayers' | 'nDecoderLayers'>): number[] {
  return [...new Set([config.nDecoderLayers, config.nEncoderLayers, 6, 8])].sort((a, b) => a - b);
}
