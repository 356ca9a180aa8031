// The loss texts say which classes label smoothing spreads ε over, in both languages.
import { describe, expect, it } from 'vitest';
import { explain } from './content';
import { smoothingScopeText } from './texts';

const vocab = ['<pad>', '<bos>', '<eos>', '<unk>', ...Array.from({ length: 96 }, (_, i) => `w${i}`)];

describe('label smoothing scope', () => {
  it('states that ε is spread over every target token, <pad> and the specials included', () => {
    const t = smoothingScopeText(0.1, vocab);
    expect(t.en).toContain('all V = 100 tokens of the target vocabulary, the special tokens <pad>, <bos>, <eos>, <unk> included');
    expect(t.en).toContain('ε/V = 0.0010');
    expect(t.en).toContain('The Annotated Transformer');
    expect(t.en).toContain('gives <pad> nothing');
    expect(t.zh).toContain('全部 V = 100 个词元，包括特殊词元 <pad>、<bos>、<eos>、<unk>');
    expect(t.zh).toContain('ε/V = 0.0010');
    expect(t.zh).toContain('Annotated Transformer');
    expect(t.zh).toContain('不给 <pad> 任何概率');
  });

  it('follows the vocabulary size and ε', () => {
    const t = smoothingScopeText(0.2, vocab.slice(0, 50));
    expect(t.en).toContain('V = 50');
    expect(t.en).toContain('ε/V = 0.0040');
    expect(t.zh).toContain('V = 50');
  });

  it('the explanation names the choice in both languages', () => {
    expect(explain.problem.en).toContain('<pad> and the other special tokens included');
    expect(explain.problem.en).toContain('Annotated Transformer leaves <pad> out');
    expect(explain.problem.zh).toContain('包括 <pad> 等特殊词元');
    expect(explain.problem.zh).toContain('Annotated Transformer 不分给 <pad>');
  });
});
