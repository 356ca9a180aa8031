// The mask texts and formulas say what the kernels do: masked keys are left out of the
// softmax and get weight exactly 0; −1e9 only marks them in the recorded scores.
import { describe, expect, it } from 'vitest';
import { renderTex } from '../../../viz/renderTex';
import { decoderSelfAttnStage } from '../decoder-self-attn';
import { explain as decExplain } from '../decoder-self-attn/content';
import { formulaContext } from '../shared/formulaContext';
import { softmaxStage } from '../softmax';
import { text as softmaxText } from '../softmax/content';
import { explain, text } from './content';
import { maskStage } from '.';

describe('mask texts', () => {
  it('credit the kernel, not a −1e9 fill, with zeros and no NaN', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(explain.what[lang]).toContain('masked_fill');
      expect(explain.problem[lang]).toContain('NaN');
    }
    expect(explain.what.en).toContain('leaves masked keys out of the row’s maximum and sum and writes 0');
    expect(explain.what.zh).toContain('直接跳过被掩码的键，并把它们的权重写成 0');
    // What a −1e9 fill would do to a fully masked row: a uniform row, not zeros.
    expect(explain.problem.en).toContain('uniform row of weights');
    expect(explain.problem.zh).toContain('一行均匀的权重');
    expect(explain.problem.en).not.toContain('A large finite negative is used rather than −∞, so');
    expect(text.cellMasked.en).toContain('left out of the softmax');
    expect(text.cellMasked.zh).toContain('跳过它');
    expect(softmaxText.tipMaskedCell.en).not.toContain('1e9');
    expect(softmaxText.tipMaskedCell.zh).not.toContain('1e9');
  });

  it('the decoder’s explanation says the kernel writes exact zeros', () => {
    expect(decExplain.what.en).toContain('leaves the later keys out of its maximum and its sum');
    expect(decExplain.what.zh).toContain('跳过这些之后的键');
    expect(decExplain.what.en).not.toContain('scores are set to a large negative number');
  });

  it('formulas: −1e9 only in the recorded masked scores, the weights are 0 for masked keys', () => {
    const enc = formulaContext({}, { side: 'enc' });
    const dec = formulaContext({}, { side: 'dec' });
    const maskDec = maskStage.formula(dec);
    expect(maskDec).toContain('j \\le i');
    expect(maskDec).toContain('-10^{9} & j \\notin \\mathcal{V}_i');
    expect(maskDec).toContain('0 & j \\notin \\mathcal{V}_i');
    expect(maskStage.formula(enc)).not.toContain('j \\le i');

    const self = decoderSelfAttnStage.formula(dec);
    expect(self).not.toContain('10^');
    expect(self).not.toContain('M_{\\text{causal}}');
    expect(self).toContain('0 & j \\notin \\mathcal{V}_i');
    const noCausal = decoderSelfAttnStage.formula(formulaContext({}, { side: 'dec', variant: { causalMask: false } }));
    expect(noCausal).not.toContain('j \\le i');

    // Unscaled models: no √Dh in the scores the mask acts on.
    expect(maskStage.formula(formulaContext({}, { side: 'dec', variant: { scaleScores: false } }))).not.toContain('sqrt');
    for (const tex of [maskDec, self, noCausal, softmaxStage.formula(enc)]) expect(renderTex(tex, true).ok, tex).toBe(true);
  });
});
