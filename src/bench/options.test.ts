// One spelling of the benchmark options for the pages, Node and #/bench.
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './options';

const parse = (q: string) => parseBenchOptions(new URLSearchParams(q));

describe('parseBenchOptions', () => {
  it('defaults: full size, every TF.js backend, steps to 95% on the faster engine', () => {
    const o = parse('');
    expect(o.kernels).toMatchObject({ size: 'full', cpu: true, only: null, peers: undefined });
    expect(o.train).toMatchObject({ size: 'full', peers: undefined, toEM: undefined, steps: undefined });
  });

  it('reads the runner flags by the same names', () => {
    const o = parse('steps=2&cpuSteps=1&tfSteps=1&tfSeconds=5&toEM=0&tf=webgpu,wasm&reps=1&only=softmax&cpu=0');
    expect(o.train).toMatchObject({ steps: 2, cpuSteps: 1, tfSteps: 1, tfSeconds: 5, toEM: 'off', peers: ['webgpu', 'wasm'] });
    expect(o.kernels).toMatchObject({ reps: 1, only: 'softmax', cpu: false, peers: ['webgpu', 'wasm'] });
    expect(parse('tf=none').train.peers).toEqual([]);
    expect(parse('toEM=webgpu').train.toEM).toBe('webgpu');
    expect(parse('blocks=2').train.blocks).toBe(2);
    expect(parse('').train.blocks).toBeUndefined(); // measured, as the Train view does
  });

  it('tiny: toy sizes and one sample per median', () => {
    expect(parse('size=tiny')).toMatchObject({ kernels: { size: 'tiny', reps: 1 }, train: { size: 'tiny' } });
  });

  it('refuses what it cannot read, naming the flag', () => {
    expect(() => parse('tf=cuda')).toThrow(/--tf=cuda/);
    expect(() => parse('steps=-1')).toThrow(/--steps=-1/);
    expect(() => parse('toEM=maybe')).toThrow(/--toEM=maybe/);
    expect(() => parse('blocks=3')).toThrow(/--blocks=3/);
  });
});
