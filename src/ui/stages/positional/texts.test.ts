// The positional stage's statements follow config.positional and say what the paper uses.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { explain } from './content';
import { sumTexts } from './texts';

describe('positional texts', () => {
  it('the sum heading and note speak of positions only when the model adds them', () => {
    expect(sumTexts(DEFAULT_CONFIG).heading.en).toContain('positional encoding');
    expect(sumTexts({ positional: 'learned' }).note.en).toContain('element-wise sum');
    const none = sumTexts({ positional: 'none' });
    expect(none.heading.en).toContain('Without positions');
    expect(none.heading.zh).toContain('没有位置编码');
    expect(none.note.en).not.toContain('sum of two');
    expect(none.note.zh).not.toContain('逐元素相加');
  });

  it('the explanation says the sinusoids are the paper’s choice, not every model’s', () => {
    expect(explain.what.en).not.toContain('The shipped model uses');
    expect(explain.what.en).toContain('The paper uses sinusoids');
    expect(explain.what.zh).toContain('论文使用正弦编码');
  });
});
