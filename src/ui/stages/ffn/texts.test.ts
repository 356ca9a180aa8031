// The FFN's statements follow the config: the paper's ratio only at F = 4D, and the FFN's
// share of a layer's weights per side.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { formulaContext } from '../shared/formulaContext';
import { explain } from './content';
import { ffnStage } from '.';
import { paramsText, widthsText } from './texts';

describe('FFN texts', () => {
  it('names the paper’s ratio only when F = 4·D', () => {
    const shipped = widthsText(DEFAULT_CONFIG, 5);
    expect(shipped.en).toContain('F is 4 × D, the paper’s ratio');
    expect(shipped.zh).toContain('与论文的比例相同');

    const three = widthsText({ dModel: 48, dFF: 144 }, 5);
    expect(three.en).not.toContain('paper’s ratio');
    expect(three.en).toContain('F is 3 × D here; the paper uses F = 4 × D');
    expect(three.zh).not.toContain('与论文的比例相同');
    expect(three.zh).toContain('F 是 D 的 3 倍');

    const odd = widthsText({ dModel: 48, dFF: 100 }, 5);
    expect(odd.en).toContain('F is 2.08 × D here');
    expect(odd.zh).toContain('2.08 倍');
  });

  it('computes the FFN’s share per side instead of claiming it holds most weights', () => {
    const enc = paramsText(DEFAULT_CONFIG, 'enc');
    expect(enc.en).toContain('66.5% of these weights: most of them');
    expect(enc.en).toContain('One encoder layer has 1 attention block,');
    expect(enc.zh).toContain('编码器的一层有 1 个注意力块');
    expect(enc.zh).toContain('66.5%：即大部分');

    const dec = paramsText(DEFAULT_CONFIG, 'dec');
    expect(dec.en).toContain('One decoder layer has 2 attention blocks,');
    expect(dec.en).toContain('49.8% of these weights: about half, not most');
    expect(dec.zh).toContain('49.8%：约为一半，并非大部分');

    // A narrow FFN (F = D): under half even in an encoder layer.
    const narrow = paramsText({ dModel: 48, dFF: 48 }, 'enc');
    expect(narrow.en).toMatch(/\d\d\.\d% of these weights: less than half/);
    expect(narrow.zh).toContain('不到一半');
  });

  it('the static explanation says the share only of the paper’s proportions', () => {
    expect(explain.why.en).not.toContain('holds most of a layer’s weights');
    expect(explain.why.en).toContain('paper’s F = 4·D');
    expect(explain.why.zh).toContain('论文的 F = 4·D');
  });

  it('the formula names this model’s activation and widths', () => {
    expect(ffnStage.formula(formulaContext())).toContain('\\max(0,\\,\\cdot)');
    const gelu = ffnStage.formula(formulaContext({ activation: 'gelu', dFF: 144 }));
    expect(gelu).toContain('\\operatorname{GELU}');
    expect(gelu).not.toContain('\\max(0');
    expect(gelu).toContain('F{=}144');
  });
});
