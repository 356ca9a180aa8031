// Sentences of the update panel chosen and filled from the numbers: clipping, Adam at step t,
// the ratios, the loss floor that label smoothing sets and what the step did to this pair's
// loss. Pure: tested with the numbers of both example pairs and with changed settings.
import type { Language } from '../../../../i18n/language';
import { pick, type Bilingual } from '../../../../i18n/text';
import { formatShort } from '../../../../viz/format';
import { SIDES } from '../../../stages/shared/content';
import { groups, sentences } from './content';
import type { GroupKey, LargestRatio, ParameterGroup } from './groups';

const both = (f: (lang: Language) => string): Bilingual => ({ en: f('en'), zh: f('zh') });

/** 'encoder layer 0', 'embeddings', 'decoder final LayerNorm', 'output layer'. */
export function groupLabel(key: GroupKey): Bilingual {
  if (key === 'embeddings' || key === 'output') return groups[key];
  const [side, rest] = key.split('.') as ['enc' | 'dec', string];
  const template = rest === 'ln_f' ? groups.finalNorm : groups.layer;
  return both((lang) => pick(template, lang, { side: SIDES[side][lang], layer: rest }));
}

export function clipSentence(gradNorm: number, maxNorm: number, clipScale: number): Bilingual {
  if (!(maxNorm > 0)) return both((lang) => pick(sentences.clipOff, lang, { max: maxNorm }));
  const values = { g: formatShort(gradNorm), max: formatShort(maxNorm), c: formatShort(clipScale) };
  return both((lang) => pick(clipScale < 1 ? sentences.clipped : sentences.notClipped, lang, values));
}

/** What Adam does at update number t (the first one: ≈ −lr·sign(g)), and weight decay if any. */
export function adamSentences(t: number, weightDecay: number): Bilingual[] {
  const out = [t === 1 ? sentences.firstStep : both((lang) => pick(sentences.laterStep, lang, { t }))];
  if (weightDecay > 0) out.push(both((lang) => pick(sentences.weightDecay, lang, { wd: weightDecay })));
  return out;
}

/**
 * The rule of thumb with this step's range of group ratios, and — at t = 1 — why they look like
 * this, with the tensor of the largest ratio as the example.
 */
export function ratioSentences(list: readonly ParameterGroup[], t: number, largest: LargestRatio | null, lr: number): Bilingual[] {
  if (!list.length) return [];
  const lo = list.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const hi = list.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const rule = both((lang) =>
    pick(sentences.ratioRule, lang, { min: formatShort(lo.ratio), minGroup: groupLabel(lo.key)[lang], max: formatShort(hi.ratio), maxGroup: groupLabel(hi.key)[lang] }),
  );
  if (t !== 1 || !largest) return [rule];
  const values = { name: largest.name, ratio: formatShort(largest.ratio), rms: formatShort(largest.rms), estimate: formatShort(largest.rms > 0 ? lr / largest.rms : 0) };
  return [rule, both((lang) => pick(sentences.ratioFirstStep, lang, values))];
}

/**
 * The lowest loss per position that label smoothing ε allows over V words: the entropy of the
 * smoothed target (1 − ε + ε/V on the right word, ε/V on each other), which the loss
 * (1 − ε)·(−log p_y) + (ε/V)·Σ_v (−log p_v) reaches exactly when p equals that target.
 */
export function smoothingFloor(eps: number, V: number): number {
  if (!(eps > 0)) return 0;
  const pTrue = 1 - eps + eps / V;
  const pOther = eps / V;
  return -pTrue * Math.log(pTrue) - (V - 1) * pOther * Math.log(pOther);
}

export function floorSentence(eps: number, V: number): Bilingual {
  if (!(eps > 0)) return sentences.noFloor;
  const values = {
    eps,
    v: V,
    others: V - 1,
    pTrue: (1 - eps + eps / V).toFixed(4),
    pOther: formatShort(eps / V),
    floor: smoothingFloor(eps, V).toFixed(4),
  };
  return both((lang) => pick(sentences.floor, lang, values));
}

/** Within this much of the floor (nats per position), a pair counts as known. */
export const NEAR_FLOOR = 0.05;

/** What the step did to this pair's loss, told against the floor. */
export function effectSentence(n: { before: number; after: number; floor: number; gradNorm: number }): Bilingual {
  const gap = n.before - n.floor;
  const near = gap < NEAR_FLOOR;
  const fell = n.after < n.before;
  const template = near ? (fell ? sentences.atFloorDown : sentences.atFloorUp) : fell ? sentences.aboveDown : sentences.aboveUp;
  const values = { before: n.before.toFixed(4), after: n.after.toFixed(4), gap: formatShort(gap), g: formatShort(n.gradNorm) };
  return both((lang) => pick(template, lang, values));
}
