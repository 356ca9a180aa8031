// The encoder stack's formula and notes follow the config: the final LayerNorm of pre-norm
// models, the √D scale only when embeddings are scaled, positions only when added.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { renderTex } from '../../../viz/renderTex';
import { formulaContext } from '../shared/formulaContext';
import { inputLabel, stagesNote } from './texts';
import { encoderStackStage } from '.';

describe('encoder stack texts', () => {
  it('the memory formula includes the final LayerNorm only for pre-norm', () => {
    const post = encoderStackStage.formula(formulaContext());
    const pre = encoderStackStage.formula(formulaContext({ norm: 'pre', nEncoderLayers: 3 }));
    expect(post).toContain('\\text{memory} = h^{(2)}');
    expect(pre).toContain('\\text{memory} = \\operatorname{LN}_f\\big(h^{(3)}\\big)');
    for (const tex of [post, pre]) expect(renderTex(tex, true).ok).toBe(true);
  });

  it('the note follows embedScale, positional and norm', () => {
    const shipped = stagesNote(DEFAULT_CONFIG);
    expect(shipped.en).toContain('× √D');
    expect(shipped.zh).toContain('× √D');
    expect(shipped.en).toContain('+ position');
    expect(shipped.en).not.toContain('final LayerNorm');

    const changed = stagesNote({ embedScale: false, positional: 'none', norm: 'pre' });
    expect(changed.en).not.toContain('√');
    expect(changed.zh).not.toContain('√');
    expect(changed.en).toContain('does not scale embeddings');
    expect(changed.zh).toContain('本模型不缩放嵌入');
    expect(changed.en).toContain('adds no positional encoding');
    expect(changed.zh).toContain('本模型不加位置编码');
    expect(changed.en).toContain('final LayerNorm (enc.ln_f, pre-norm)');
    expect(changed.zh).toContain('最终层归一化（enc.ln_f');

    expect(inputLabel(DEFAULT_CONFIG).en).toBe('+ position');
    expect(inputLabel({ positional: 'none' }).en).not.toContain('+ position');
  });
});
