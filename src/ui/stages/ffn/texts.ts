// The FFN panel's statements about the model, filled from its config: the width ratio (the
// paper's only when F = 4·D) and the FFN's share of a layer's weights (encoder vs decoder).
import { type Bilingual, fillBilingual, pick } from '../../../i18n/text';
import type { ModelConfig } from '../../../model/config';
import { SIDES } from '../shared/content';
import { formatValue } from '../shared/format';
import type { Side } from '../types';
import { text } from './content';
import { weightSplit } from './counts';

const count = (n: number) => n.toLocaleString('en-US');

/** "D → F → D", then the ratio F/D, named the paper's only when it is 4. */
export function widthsText(config: Pick<ModelConfig, 'dModel' | 'dFF'>, tokens: number): Bilingual {
  const { dModel: D, dFF: F } = config;
  const widths = fillBilingual(text.widths, { n: tokens, d: D, f: F });
  const ratio = F === 4 * D ? text.ratioPaper : fillBilingual(text.ratioOther, { ratio: formatValue(F / D, F % D === 0 ? 0 : 2) });
  return { en: `${widths.en} ${ratio.en}`, zh: `${widths.zh}${ratio.zh}` };
}

/** The verdict on an FFN share: most (≥ 55%), about half (45–55%), less than half. */
function verdict(share: number): Bilingual {
  if (share >= 0.55) return text.shareMost;
  if (share > 0.45) return text.shareHalf;
  return text.shareLess;
}

/** The weight split of one layer of this side, and what it makes of "the FFN holds most weights". */
export function paramsText(config: Pick<ModelConfig, 'dModel' | 'dFF'>, side: Side): Bilingual {
  const split = weightSplit(config, side);
  const v = verdict(split.ffnShare);
  const values = {
    d: config.dModel,
    f: config.dFF,
    ffn: count(split.ffn),
    att: count(split.attentionBlock),
    blocks: split.blocks,
    plural: split.blocks === 1 ? '' : 's',
    share: (100 * split.ffnShare).toFixed(1),
  };
  return {
    en: pick(text.params, 'en', { ...values, side: SIDES[side].en, verdict: v.en }),
    zh: pick(text.params, 'zh', { ...values, side: SIDES[side].zh, verdict: v.zh }),
  };
}
