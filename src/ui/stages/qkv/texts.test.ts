// The Q/K/V panel's statements follow the model: positions in layer 0's input only when
// added, and the b_K note's conclusion only when b_K is in fact near zero.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { embedSource, keyBiasText } from './texts';

describe('qkv texts', () => {
  it('layer 0 reads embedding + positions, or the embedding alone', () => {
    expect(embedSource(DEFAULT_CONFIG).en).toBe('embedding + positions');
    expect(embedSource({ positional: 'none' }).en).not.toContain('+ positions');
    expect(embedSource({ positional: 'none' }).zh).toContain('不加位置编码');
  });

  it('b_K: the no-gradient argument always; "stayed near zero" only when it did', () => {
    const small = keyBiasText(0.0011, 0.1);
    expect(small.en).toContain('largest |b_K| = 0.0011, against 0.1000 for b_Q');
    expect(small.en).toContain('stayed near the zeros');
    expect(small.zh).toContain('|b_K| = 0.0011');
    expect(small.zh).toContain('初始值 0 附近');
    const large = keyBiasText(0.3, 0.2);
    expect(large.en).toContain('gets no gradient');
    expect(large.en).not.toContain('stayed near');
    expect(large.zh).not.toContain('初始值 0 附近');
    expect(large.zh).toContain('并非来自这个损失的梯度');
  });
});
