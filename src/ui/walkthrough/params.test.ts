import { describe, expect, it } from 'vitest';
import { parseHash, formatHash, type WalkthroughRoute } from '../common/route';
import { clampIndex, DEFAULT_SAMPLING, DEFAULT_SENTENCE, readParams, samplingQuery, stageRoute, withParams } from './params';

const route = (hash: string) => parseHash(hash).route as WalkthroughRoute;

describe('walkthrough URL parameters', () => {
  it('reads text, layer, head, side, highlight and the study card', () => {
    const p = readParams(route('#/walkthrough/scores?text=the+cat+sat+.&layer=1&head=2&side=dec&highlight=sqrt-dk&from=study&card=c15-why-scale'));
    expect(p).toEqual({ text: 'the cat sat .', layer: 1, head: 2, side: 'dec', highlight: 'sqrt-dk', fromCard: 'c15-why-scale', sampling: DEFAULT_SAMPLING });
  });

  it('tells a missing sentence (the default) from an empty box, and drops malformed values', () => {
    expect(readParams(route('#/walkthrough/scores')).text).toBe(DEFAULT_SENTENCE);
    expect(readParams(route('#/walkthrough/scores?text=')).text).toBe('');
    const p = readParams(route('#/walkthrough/scores?layer=x&side=middle&highlight=nope&card=a'));
    expect(p).toMatchObject({ layer: undefined, side: undefined, highlight: null, fromCard: null });
  });

  it('changes parameters in place and drops a highlight when the stage changes', () => {
    const r = route('#/walkthrough/scores?text=hi&highlight=sqrt-dk&lang=zh');
    expect(formatHash(withParams(r, { head: 3 }))).toBe('#/walkthrough/scores?text=hi&highlight=sqrt-dk&lang=zh&head=3');
    expect(formatHash(stageRoute(r, 'mask'))).toBe('#/walkthrough/mask?text=hi&lang=zh');
    expect(formatHash(stageRoute(r, 'heads', { layer: 1, head: 2 }))).toBe('#/walkthrough/heads?text=hi&lang=zh&layer=1&head=2');
  });

  it('reads the sampling settings snapped to their sliders, and writes them back', () => {
    expect(readParams(route('#/walkthrough/decoding?temp=0.73&topk=5&topp=0.9&seed=42')).sampling).toEqual({ temperature: 0.75, topK: 5, topP: 0.9, seed: 42 });
    expect(readParams(route('#/walkthrough/decoding?temp=9&topp=0&seed=-1&topk=x')).sampling).toEqual({ ...DEFAULT_SAMPLING, temperature: 2, topP: 0.05 });
    const r = route('#/walkthrough/decoding?text=hi&seed=3');
    expect(formatHash(withParams(r, samplingQuery({ temperature: 0.5, seed: null })))).toBe('#/walkthrough/decoding?text=hi&temp=0.5');
  });

  it('clamps picker values into range', () => {
    expect(clampIndex(undefined, 4)).toBe(0);
    expect(clampIndex(7, 4)).toBe(3);
    expect(clampIndex(2, 4)).toBe(2);
  });
});
