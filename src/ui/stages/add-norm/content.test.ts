// The static explanations speak of both norm placements, not only the paper's post-norm.
import { describe, expect, it } from 'vitest';
import { explain as complexity } from '../complexity/content';
import { explain, text } from './content';

describe('add-norm texts', () => {
  it('the explanation names post-norm as the paper’s order and pre-norm as the other', () => {
    expect(explain.what.en).toContain('post-norm, the paper’s order');
    expect(explain.what.en).toContain('pre-norm');
    expect(explain.what.zh).toContain('后置归一化，论文的顺序');
    expect(explain.what.zh).toContain('前置归一化');
    expect(text.affineRange.en).not.toContain('training started it at 1');
  });

  it('complexity: the crossover is a condition on n, not a claim about "sentences like these"', () => {
    expect(complexity.problem.en).toContain('shorter than the crossover length n = 2D + F');
    expect(complexity.problem.zh).toContain('句子短于交叉长度 n = 2D + F');
  });
});
