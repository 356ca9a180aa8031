// The embedding-grad sentences follow the config (√D scale, kind of positions) and the numbers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../model/config';
import { placeholderMismatches } from '../../testing';
import * as content from './content';
import { wordRows } from './rows';
import { positionsSentence, repeatSentences, scaleSentence, zeroRowsSentence } from './texts';

describe('embedding-grad texts', () => {
  it('use the same placeholders in English and Chinese', () => {
    expect(placeholderMismatches(content)).toEqual([]);
  });

  it('state the √D scale only for a model that scales', () => {
    const on = scaleSentence(DEFAULT_CONFIG);
    expect(on.en).toContain('√D = √48 ≈ 6.928');
    expect(on.zh).toContain('√D = √48 ≈ 6.928');
    const off = scaleSentence({ ...DEFAULT_CONFIG, embedScale: false });
    expect(off.en).not.toContain('√');
    expect(off.en).toContain('embedScale is off');
    expect(off.zh).toContain('embedScale 关闭');
  });

  it('say that a repeated word sums its positions', () => {
    const words = wordRows(['the', 'cat', 'saw', 'the', 'dog', '.', '<eos>'], ['<pad>', '<bos>', '<eos>', '<unk>', 'the', 'cat', 'saw', 'dog', '.']);
    expect(words.map((w) => [w.token, w.id, w.positions])).toEqual([
      ['the', 4, [0, 3]],
      ['cat', 5, [1]],
      ['saw', 6, [2]],
      ['dog', 7, [4]],
      ['.', 8, [5]],
      ['<eos>', 2, [6]],
    ]);
    const [s] = repeatSentences(words);
    expect(s.en).toBe('“the” stands at positions 0, 3: its one row receives the sum of those positions’ gradients.');
    expect(s.zh).toContain('0、3');
    expect(repeatSentences(words.filter((w) => w.token !== 'the'))[0].en).toContain('No word appears twice');
    expect(() => wordRows(['zebra'], ['<pad>'])).toThrow(/zebra/);
  });

  it('count zero rows and describe each kind of positions', () => {
    expect(zeroRowsSentence(79, 84, 5).en).toBe('79 of the 84 rows of ∂L/∂E are exactly zero: this input uses 5 different words, and every other row of the table was never read.');
    expect(zeroRowsSentence(79, 84, 5).zh).toContain('84 行中有 79 行');
    expect(positionsSentence(DEFAULT_CONFIG, null)?.en).toContain('sinusoidal');
    expect(positionsSentence({ ...DEFAULT_CONFIG, positional: 'none' }, null)?.zh).toContain('不加位置编码');
    const learned = positionsSentence({ ...DEFAULT_CONFIG, positional: 'learned' }, { n: 5, zeroRows: 19, diff: 0 });
    expect(learned?.en).toContain('up to 24');
    expect(learned?.en).toContain('the 19 rows beyond this input’s 5 positions');
    expect(learned?.zh).toContain('19 行');
    expect(positionsSentence({ ...DEFAULT_CONFIG, positional: 'learned' }, null)).toBeNull();
  });
});
