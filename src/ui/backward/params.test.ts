import { describe, expect, it } from 'vitest';
import { parseHash, type BackwardRoute } from '../common/route';
import { backwardRequest, checkLr, checkSmoothing, DEFAULT_LR, DEFAULT_SMOOTHING, readBackwardParams, toyReference } from './params';

const route = (hash: string) => parseHash(hash).route as BackwardRoute;

describe('training-step URL parameters', () => {
  it('reads the pair, ε, lr, pickers and the study card', () => {
    const p = readBackwardParams(route('#/backward/loss?text=the+cat+sat+.&target=狗+坐+了+。&eps=0&lr=0.01&layer=1&head=2&side=dec&from=study&card=f38-label-smoothing'));
    expect(p).toEqual({ text: 'the cat sat .', target: '狗 坐 了 。', smoothing: 0, lr: 0.01, layer: 1, head: 2, side: 'dec', fromCard: 'f38-label-smoothing' });
  });

  it('defaults: the example sentence, the toy grammar’s reference, ε = 0.1, lr = 1e-3; malformed numbers read as defaults', () => {
    const p = readBackwardParams(route('#/backward/loss'));
    expect(p).toMatchObject({ text: 'the cat sat .', target: null, smoothing: DEFAULT_SMOOTHING, lr: DEFAULT_LR, fromCard: null });
    const bad = readBackwardParams(route('#/backward/loss?eps=1&lr=-2&side=middle'));
    expect(bad).toMatchObject({ smoothing: DEFAULT_SMOOTHING, lr: DEFAULT_LR, side: undefined });
    expect(readBackwardParams(route('#/backward/loss?target=')).target).toBe('');
  });

  it('checks ε in [0, 1) and lr in (0, 1]', () => {
    expect(checkSmoothing('0')).toEqual({ ok: true, value: 0 });
    expect(checkSmoothing(' 0.2 ')).toEqual({ ok: true, value: 0.2 });
    expect(checkSmoothing('1')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(checkSmoothing('-0.1')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(checkSmoothing('abc')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkSmoothing('')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkLr('1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(checkLr('0')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(checkLr('2')).toEqual({ ok: false, problem: 'out-of-range' });
    expect(checkLr('Infinity')).toEqual({ ok: false, problem: 'not-a-number' });
  });

  it('takes the toy grammar’s translation as the reference unless one is typed', () => {
    expect(toyReference('The cat sat.')).toBe('猫 坐 了 。');
    expect(toyReference('cat the sat')).toBeNull();
    const p = readBackwardParams(route('#/backward/loss?text=the+cat+sat+.'));
    expect(backwardRequest(p, toyReference(p.text))).toEqual({ text: 'the cat sat .', target: '猫 坐 了 。', smoothing: 0.1, lr: 0.001 });
    expect(backwardRequest({ ...p, target: '狗 坐 了 。' }, '猫 坐 了 。').target).toBe('狗 坐 了 。');
    expect(backwardRequest(p, null).target).toBe('');
  });
});
