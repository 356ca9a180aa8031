import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../model/checkpoint';
import { attentionParamName, layerNormParamNames, positionParamName } from '../../ui/stages/shared/parameters';
import { parameterSet, parameterView, trainingMeta } from './parameters';

const shipped = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));

describe('the parameters a walkthrough result carries', () => {
  const set = parameterSet(shipped);

  it('gives each named parameter its shape and the checkpoint’s own values', () => {
    const D = shipped.config.dModel;
    const wq = parameterView(set, attentionParamName('enc', 0, 'self', 'wq'))!;
    expect(wq.shape).toEqual([D, D]);
    expect(wq.data).toBe(shipped.weights.get('enc.0.attn.wq.weight')); // shared, not copied
    const ln = layerNormParamNames('dec', 1, 3);
    expect(parameterView(set, ln.gamma)!.shape).toEqual([D]);
    expect(parameterView(set, attentionParamName('dec', 1, 'cross', 'wo', 'bias'))!.data.length).toBe(D);
  });

  it('answers null for a parameter this model does not have', () => {
    expect(shipped.config.positional).toBe('sinusoidal');
    expect(parameterView(set, positionParamName('enc'))).toBeNull();
    expect(parameterView(set, 'enc.9.attn.wq.weight')).toBeNull();
    expect(() => attentionParamName('enc', 0, 'cross', 'wq')).toThrow();
  });

  it('refuses values whose length disagrees with the shape', () => {
    const broken = { shapes: set.shapes, values: new Map([['enc.0.ln1.gamma', new Float32Array(3)]]) };
    expect(() => parameterView(broken, 'enc.0.ln1.gamma')).toThrow(/3 values/);
  });
});

describe('what a checkpoint records about its training', () => {
  it('reads the shipped model’s label smoothing and steps', () => {
    expect(trainingMeta(shipped)).toEqual({ dataset: 'en-zh-toy', steps: 2000, labelSmoothing: 0.1 });
  });

  it('falls back to the Train view’s optimizer settings, and says null when nothing fits', () => {
    expect(trainingMeta({ dataset: 'x', meta: { steps: 7, optimizer: { labelSmoothing: 0 } } })).toEqual({ dataset: 'x', steps: 7, labelSmoothing: 0 });
    expect(trainingMeta({ dataset: '', meta: { steps: -1, labelSmoothing: 1.5 } })).toEqual({ dataset: '', steps: null, labelSmoothing: null });
    expect(trainingMeta({ dataset: '', meta: { labelSmoothing: 'high', optimizer: null } })).toEqual({ dataset: '', steps: null, labelSmoothing: null });
  });
});
