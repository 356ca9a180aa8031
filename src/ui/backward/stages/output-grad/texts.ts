// The output-grad panel's statements about this model and this step, chosen and filled from the
// config and the recorded counts: which LayerNorm the gradient meets first (post- vs pre-norm),
// what the activation did to the gradient (ReLU's exact zeros vs GELU's damping), and the
// columns of ∂L/∂W₁ that stayed zero.
import { fillBilingual, type Bilingual } from '../../../../i18n/text';
import type { ActivationKind, ModelConfig } from '../../../../model/config';
import { percent } from '../shared/gradStats';
import { variantText } from './content';
import { outputGradNames } from './names';
import type { BlockedCount } from './stats';

const join = (a: Bilingual, b: Bilingual): Bilingual => ({ en: `${a.en} ${b.en}`, zh: `${a.zh}${b.zh}` });

/** Post-norm: the last layer's ln3 comes first. Pre-norm: the final dec.ln_f, and the residual skips every LayerNorm. */
export function conventionText(config: Pick<ModelConfig, 'norm' | 'nDecoderLayers'>): Bilingual {
  const n = outputGradNames(config);
  return fillBilingual(n.post ? variantText.post : variantText.pre, { layer: n.layer, ln: n.ln });
}

/** What the activation's backward did, over all positions. */
export function blockedText(activation: ActivationKind, all: BlockedCount): Bilingual {
  if (activation === 'gelu') {
    return fillBilingual(variantText.geluSummary, {
      off: all.off,
      total: all.total,
      pct: percent(all.off, all.total),
      blocked: all.blocked,
      bpct: percent(all.blocked, all.total),
      both: all.both,
    });
  }
  const summary = fillBilingual(variantText.reluSummary, { off: all.off, total: all.total, pct: percent(all.off, all.total), zero: all.blocked, both: all.both });
  const allOff = all.both === all.off ? variantText.reluAllOff : null;
  const other = all.blocked > all.both ? fillBilingual(variantText.reluOther, { other: all.blocked - all.both }) : null;
  return [allOff, other].reduce<Bilingual>((acc, s) => (s ? join(acc, s) : acc), summary);
}

/** ReLU only: zero columns of ∂L/∂W₁ against the units off at every position. */
export function deadText(f: number, dead: { zeroColumns: number; alwaysOff: number; matched: number }): Bilingual {
  const same = dead.zeroColumns === dead.alwaysOff && dead.matched === dead.alwaysOff;
  return fillBilingual(same ? variantText.deadMatched : variantText.deadOther, { zero: dead.zeroColumns, off: dead.alwaysOff, matched: dead.matched, f });
}
