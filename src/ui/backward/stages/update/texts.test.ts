// The update sentences follow the numbers: clipping or not, Adam at t = 1 or later, the floor
// label smoothing sets (checked against the loss formula), and the four outcomes of a step.
import { describe, expect, it } from 'vitest';
import { placeholderMismatches } from '../../testing';
import * as content from './content';
import { adamSentences, clipSentence, effectSentence, floorSentence, groupLabel, ratioSentences, smoothingFloor } from './texts';

describe('update texts', () => {
  it('use the same placeholders in English and Chinese', () => {
    expect(placeholderMismatches(content)).toEqual([]);
  });

  it('name the groups', () => {
    expect(groupLabel('enc.1')).toEqual({ en: 'encoder layer 1', zh: '编码器第 1 层' });
    expect(groupLabel('dec.ln_f')).toEqual({ en: 'decoder final LayerNorm', zh: '解码器最终 LayerNorm' });
    expect(groupLabel('embeddings').zh).toBe('嵌入');
  });

  it('say whether clipping acted', () => {
    expect(clipSentence(6.704, 1, 0.1492).en).toContain('above maxNorm = 1: every gradient is multiplied by c = maxNorm / ‖g‖ = 0.149');
    expect(clipSentence(0.0124, 1, 1).en).toContain('within maxNorm = 1');
    expect(clipSentence(0.0124, 1, 1).zh).toContain('没有超过');
    expect(clipSentence(3, 0, 1).en).toContain('Clipping is off');
  });

  it('explain the first Adam step, and later ones differently', () => {
    const [first] = adamSentences(1, 0);
    expect(first.en).toContain('≈ −lr·sign(g)');
    expect(first.zh).toContain('≈ −lr·sign(g)');
    const later = adamSentences(5, 0.01);
    expect(later[0].en).toContain('At t = 5');
    expect(later[1].en).toBe('Weight decay adds −lr·0.01·w to every step.');
  });

  it('compute the floor as the loss of the smoothed target itself', () => {
    for (const [eps, V] of [
      [0.1, 66],
      [0.2, 10],
    ]) {
      const q = (v: number) => (v === 0 ? 1 - eps + eps / V : eps / V);
      let sum = 0;
      for (let v = 0; v < V; v++) sum += -Math.log(q(v));
      const lossAtTarget = (1 - eps) * -Math.log(q(0)) + (eps / V) * sum;
      expect(smoothingFloor(eps, V)).toBeCloseTo(lossAtTarget, 10);
    }
    expect(smoothingFloor(0, 66)).toBe(0);
    expect(floorSentence(0.1, 66).en).toContain('0.7329 per position');
    expect(floorSentence(0.1, 66).zh).toContain('0.7329');
    expect(floorSentence(0, 66).en).toContain('ε = 0');
  });

  it('tell the step’s outcome from the numbers', () => {
    const floor = smoothingFloor(0.1, 66);
    const known = effectSentence({ before: 0.7335, after: 0.7932, floor, gradNorm: 0.0124 });
    expect(known.en).toContain('already knows this pair');
    expect(known.en).toContain('does not fall: 0.7335 → 0.7932');
    expect(known.zh).toContain('损失没有下降');
    expect(effectSentence({ before: 0.7335, after: 0.7331, floor, gradNorm: 0.0124 }).en).toContain('lowers it a little');
    const wrong = effectSentence({ before: 1.8847, after: 0.9405, floor, gradNorm: 6.7 });
    expect(wrong.en).toContain('there is something to learn');
    expect(wrong.en).toContain('lowers it to 0.9405');
    expect(effectSentence({ before: 1.8847, after: 2.1, floor, gradNorm: 6.7 }).en).toContain('raises it to 2.1000');
  });

  it('give the ratios’ range, and at t = 1 the largest tensor as the example', () => {
    const g = (key: 'enc.0' | 'output', ratio: number) => ({ key, names: [], weightNorm: 1, stepNorm: ratio, ratio });
    const list = [g('enc.0', 0.008), g('output', 0.002)];
    const largest = { name: 'enc.0.ln1.beta', ratio: 0.19, rms: 0.0052 };
    const [rule, why] = ratioSentences(list, 1, largest, 1e-3);
    expect(rule.en).toContain('rule of thumb');
    expect(rule.en).toContain('from 0.002 (output layer) to 0.008 (encoder layer 0)');
    expect(rule.zh).toContain('0.002（输出层）');
    expect(why.en).toContain('enc.0.ln1.beta: ratio 0.19, its weights’ RMS 0.0052, and lr ÷ RMS = 0.192');
    expect(ratioSentences(list, 3, largest, 1e-3)).toHaveLength(1);
  });
});
