// The diagram's Add & Norm blocks follow the norm placement.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { diagramBlocks } from './diagramBlocks';

describe('overview diagram conventions', () => {
  it('post-norm blocks say Add & Norm; pre-norm ones say the LayerNorm came first', () => {
    const norms = (norm: 'post' | 'pre') => diagramBlocks({ ...DEFAULT_CONFIG, norm }, { src: 10, tgt: 10 }).filter((b) => b.kind === 'norm');
    expect(norms('post').every((b) => b.label.en === 'Add & Norm')).toBe(true);
    const pre = norms('pre');
    expect(pre).toHaveLength(5);
    for (const b of pre) {
      expect(b.label.en).toContain('LayerNorm came before the sublayer');
      expect(b.label.zh).toContain('层归一化在子层之前');
    }
  });

  it('the FFN block names this model’s activation and widths', () => {
    const ffn = diagramBlocks({ ...DEFAULT_CONFIG, activation: 'gelu', dFF: 100 }, { src: 10, tgt: 10 }).find((b) => b.key === 'enc-ffn')!;
    expect(ffn.values).toMatchObject({ act: 'GELU', f: 100, d: 48 });
  });
});
