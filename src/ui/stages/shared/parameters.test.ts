import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { parameterEntries } from '../../../model/parameters';
import { attentionParamName, embeddingParamName, parameterRows, positionParamName } from './parameters';

describe('parameter names the panels ask for', () => {
  const names = new Set(parameterEntries(DEFAULT_CONFIG, { src: 10, tgt: 12 }).map((e) => e.name));

  it('are the checkpoint’s names for every attention weight and bias', () => {
    for (const w of ['wq', 'wk', 'wv', 'wo'] as const) {
      for (const part of ['weight', 'bias'] as const) {
        expect(names.has(attentionParamName('enc', 1, 'self', w, part))).toBe(true);
        expect(names.has(attentionParamName('dec', 0, 'self', w, part))).toBe(true);
        expect(names.has(attentionParamName('dec', 1, 'cross', w, part))).toBe(true);
      }
    }
    expect(names.has(embeddingParamName('enc'))).toBe(true);
    expect(names.has(embeddingParamName('dec'))).toBe(true);
  });

  it('refuses cross-attention on the encoder; learned positions exist only when configured', () => {
    expect(() => attentionParamName('enc', 0, 'cross', 'wq')).toThrow(/no cross-attention/);
    expect(names.has(positionParamName('enc'))).toBe(false);
    const learned = new Set(parameterEntries({ ...DEFAULT_CONFIG, positional: 'learned' }, { src: 10, tgt: 12 }).map((e) => e.name));
    expect(learned.has(positionParamName('enc'))).toBe(true);
    expect(learned.has(positionParamName('dec'))).toBe(true);
  });

  it('turns a (R, C) parameter into R rows of C', () => {
    const rows = parameterRows({ name: 'x', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) });
    expect(rows).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(parameterRows({ name: 'b', shape: [3], data: Float32Array.from([7, 8, 9]) })).toEqual([[7, 8, 9]]);
  });
});
