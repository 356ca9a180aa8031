// The divergence guard's rules, and host snapshots of weights + Adam moments: a rollback puts
// back exactly what was copied, optimizer state included.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { makeBatch, PAD_ID, toyValidationSet, toyVocabs } from '../data';
import { Transformer } from '../model/transformer';
import { DivergenceGuard, isFiniteState, readHostState, writeHostState, type HostState } from './guard';
import { DEFAULT_OPTIMIZER, trainStep } from './step';
import { smallConfig } from './testing';

const state = (step: number, value = step): HostState => ({ step, params: new Float32Array([value]), m: new Float32Array([0]), v: new Float32Array([0]) });

describe('DivergenceGuard', () => {
  it('promotes a copy once a later step comes back finite', () => {
    const g = new DivergenceGuard(state(0));
    g.offer(state(10));
    expect(g.lastGood().step).toBe(0); // nothing vouches for step 10's weights yet
    expect(g.observe(11, true)).toBe(true); // step 11 ran on them
    expect(g.lastGood().step).toBe(10);
  });

  it('a non-finite result condemns the copy it was computed from', () => {
    const g = new DivergenceGuard(state(0));
    g.observe(9, true);
    g.offer(state(5));
    expect(g.lastGood().step).toBe(5);
    g.offer(state(10));
    expect(g.observe(11, false)).toBe(false); // loss of step 11 = weights after 10: bad
    g.observe(12, true); // (a stale result must not rehabilitate it)
    expect(g.lastGood().step).toBe(5);
  });

  it('a copy that arrives after a finite later result is promoted at once; non-finite copies never', () => {
    const g = new DivergenceGuard(state(0));
    g.observe(21, true);
    g.offer(state(20));
    expect(g.lastGood().step).toBe(20);
    g.offer({ ...state(30), params: new Float32Array([NaN]) });
    g.observe(40, true);
    expect(g.lastGood().step).toBe(20);
    g.reset(state(3));
    expect(g.lastGood().step).toBe(3);
  });
});

describe('host snapshots of weights and Adam state', () => {
  it('restores params, m and v exactly after more training', async () => {
    const be = createCpuBackend();
    const config = smallConfig();
    const vocabs = toyVocabs();
    const model = new Transformer(be, config.model, { src: vocabs.src.size, tgt: vocabs.tgt.size });
    model.initialize(1);
    const batch = makeBatch(toyValidationSet(5, 8), vocabs, config.model.maxLen);
    for (let s = 1; s <= 3; s++) trainStep(model, batch, DEFAULT_OPTIMIZER, PAD_ID, s);
    const saved = await readHostState(model, 3);
    expect(isFiniteState(saved)).toBe(true);
    expect(saved.m.some((x) => x !== 0) && saved.v.some((x) => x !== 0)).toBe(true);
    for (let s = 4; s <= 6; s++) trainStep(model, batch, DEFAULT_OPTIMIZER, PAD_ID, s);
    const moved = await readHostState(model, 6);
    expect(moved.params).not.toEqual(saved.params);
    writeHostState(model, saved);
    const back = await readHostState(model, 3);
    expect(back.params).toEqual(saved.params);
    expect(back.m).toEqual(saved.m);
    expect(back.v).toEqual(saved.v);
    expect(saved.adamStep).toBe(3);
    expect(back.adamStep).toBe(3);
    // A state saved before Adam's count was kept restores it as the step number.
    writeHostState(model, { step: 5, params: saved.params, m: saved.m, v: saved.v });
    expect((await readHostState(model, 5)).adamStep).toBe(5);
    expect(() => writeHostState(model, { ...saved, m: new Float32Array(3) })).toThrow(/m has 3 floats/);
  });
});
