// The √Dh argument states its condition, and the formulas drop √Dh for an unscaled model.
import { describe, expect, it } from 'vitest';
import { headsStage } from '../heads';
import { formulaContext } from '../shared/formulaContext';
import { explain } from './content';
import { scoresStage } from '.';

describe('scores texts', () => {
  it('the variance of q·k is Dh only for independent components with mean 0 and variance 1', () => {
    expect(explain.why.en).toContain('independent, each with mean 0 and variance 1');
    expect(explain.why.en).toContain('variance Dh');
    expect(explain.why.zh).toContain('相互独立，且每个均值为 0、方差为 1');
    expect(explain.why.zh).toContain('方差为 Dh');
  });

  it('scores and heads formulas follow the scaling the model was trained with', () => {
    const unscaled = formulaContext({}, { variant: { scaleScores: false } });
    expect(scoresStage.formula(formulaContext())).toContain('\\sqrt{D_h}');
    expect(scoresStage.formula(unscaled)).not.toContain('\\frac{Q K^{\\top}}{\\sqrt{D_h}}');
    expect(headsStage.formula(formulaContext())).toContain('\\sqrt{D_h}');
    expect(headsStage.formula(unscaled)).not.toContain('sqrt');
  });
});
