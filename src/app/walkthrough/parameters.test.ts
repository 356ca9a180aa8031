import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../model/checkpoint';
import { parameterSet, parameterView, trainingMeta } from './parameters';

const shipped = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));

describe('the parameters a walkthrough result carries', () => {
  const set = parameterSet(shipped);

  it('gives each named parameter its shape and the checkpoint’s own values', () => {
    const D = shipped.config.dModel;
    const wq = parameterView(set, 'enc.0.attn.wq.weight')!;
    expect(wq.shape).toEqual([D, D]);
    expect(wq.data).toBe(shipped.weights.get('enc.0.attn.wq.weight')); // shared, not copied
    expect(parameterView(set, 'dec.1.ln3.gamma')!.shape).toEqual([D]);
    expect(parameterView(set, 'dec.1.cross_attn.wo.bias')!.data.length).toBe(D);
  });

  it('answers null for a parameter this model does not have', () => {
    expect(shipped.config.positional).toBe('sinusoidal');
    expect(parameterView(set, 'src_pos.weight')).toBeNull();
    expect(parameterView(set, 'enc.9.attn.wq.weight')).toBeNull();
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
