// Every place that speaks of the √D embedding scale follows config.embedScale: the embedding
// heatmap, the positional sum, the overview diagram and the encoder stack's note.
import { describe, expect, it } from 'vitest';
import { fillText } from '../../../i18n/text';
import { DEFAULT_CONFIG } from '../../../model/config';
import { SIDES } from '../shared/content';
import { diagramBlocks } from '../overview/diagramBlocks';
import { embedTitle } from '../positional/texts';
import { explain } from './content';
import { lookedUpTitle } from './texts';

const noScale = { ...DEFAULT_CONFIG, embedScale: false };

describe('the √D embedding scale follows the config', () => {
  it('embedding heatmap title', () => {
    const on = lookedUpTitle(DEFAULT_CONFIG, SIDES.enc);
    expect(on.en).toBe('Looked-up rows ×√48 (encoder)');
    expect(on.zh).toBe('查到的行 ×√48（编码器）');
    const off = lookedUpTitle(noScale, SIDES.dec);
    expect(off.en).not.toContain('√');
    expect(off.zh).not.toContain('√');
    expect(off.en).toContain('not scaled');
    expect(off.zh).toContain('未缩放');
  });

  it('positional sum title', () => {
    expect(embedTitle(DEFAULT_CONFIG).en).toContain('√D');
    expect(embedTitle(noScale).en).not.toContain('√');
    expect(embedTitle(noScale).zh).not.toContain('√');
  });

  it('overview diagram', () => {
    const label = (c: typeof DEFAULT_CONFIG, lang: 'en' | 'zh') => {
      const b = diagramBlocks(c, { src: 50, tgt: 60 }).find((x) => x.key === 'enc-embed')!;
      return fillText(b.label[lang], b.values);
    };
    expect(label(DEFAULT_CONFIG, 'en')).toBe('Embedding 50 × 48, ×√48');
    expect(label(DEFAULT_CONFIG, 'zh')).toBe('嵌入 50 × 48，×√48');
    expect(label(noScale, 'en')).toBe('Embedding 50 × 48');
    expect(label(noScale, 'zh')).toBe('嵌入 50 × 48');
  });

  it('the explanation attributes the scale to the paper, not to every model', () => {
    expect(explain.what.en).not.toContain('As in the paper, the row is multiplied');
    expect(explain.what.en).toContain('The paper multiplies it by √D');
    expect(explain.what.zh).toContain('论文在加上位置编码之前先把这一行乘以 √D');
  });
});
