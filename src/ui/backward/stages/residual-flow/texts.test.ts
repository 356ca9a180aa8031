// The residual-flow sentences follow the config and the numbers, in both languages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../model/config';
import { flowPoints } from '../../../../train/gradientFlow';
import { placeholderMismatches } from '../../testing';
import * as content from './content';
import { layerChoices, pointLabel, sideCurve } from './flow';
import { comparisonCaption, placementSentence, sideSummary, zeroNotes } from './texts';

describe('residual-flow texts', () => {
  it('use the same placeholders in English and Chinese', () => {
    expect(placeholderMismatches(content)).toEqual([]);
  });

  it('name the norm placement of the model shown', () => {
    const post = placementSentence(DEFAULT_CONFIG);
    const pre = placementSentence({ ...DEFAULT_CONFIG, norm: 'pre' });
    expect(post.en).toContain('post-norm');
    expect(post.zh).toContain('后归一化');
    expect(pre.en).toContain('pre-norm');
    expect(pre.zh).toContain('前归一化');
  });

  it('label block inputs by side, layer (from 0) and block', () => {
    const points = flowPoints(DEFAULT_CONFIG);
    expect(pointLabel(points[0])).toEqual({ en: 'decoder layer 1 · FFN', zh: '解码器第 1 层 · 前馈网络' });
    expect(pointLabel(points[points.length - 1])).toEqual({ en: 'encoder layer 0 · self-attention', zh: '编码器第 0 层 · 自注意力' });
    const dec = sideCurve(points, points.map((_, i) => i), 'dec');
    expect(dec.points.map((p) => p.name)).toEqual(['dec.1.ln2.y', 'dec.1.ln1.y', 'dec.0.ln3.y', 'dec.0.ln2.y', 'dec.0.ln1.y', 'tgt.x']);
    expect(dec.norms).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('offer this model’s layer count, 6 and 8, once each', () => {
    expect(layerChoices(DEFAULT_CONFIG)).toEqual([2, 6, 8]);
    expect(layerChoices({ nEncoderLayers: 6, nDecoderLayers: 3 })).toEqual([3, 6, 8]);
  });

  it('summarise a side from its numbers', () => {
    const s = sideSummary('dec', [1e-3, 5e-4, 2e-4]);
    expect(s?.en).toBe('Decoder: 0.001 at the top block’s input, 2e−4 at the embeddings, 0.2 times the top’s after 2 blocks.');
    expect(s?.zh).toContain('解码器');
    expect(s?.zh).toContain('2 个块');
    expect(sideSummary('enc', [0, 0])).toBeNull();
  });

  it('explain exact zeros by what came before them', () => {
    const label = { en: 'no residual', zh: '无残差' };
    expect(zeroNotes(label, 'dec', [1e-3, 1e-4])).toEqual([]);
    const faded = zeroNotes(label, 'dec', [0.4, 1e-9, 1e-24, 1e-40, 0, 0]);
    expect(faded).toHaveLength(2);
    expect(faded[0].en).toBe('no residual, decoder: 2 of 6 block inputs received a gradient of exactly 0.');
    expect(faded[1].en).toContain('float32');
    expect(faded[1].zh).toContain('float32');
    const cut = zeroNotes(label, 'enc', [0.3, 0.1, 0]);
    expect(cut[1].en).toContain('no path');
    expect(cut[1].zh).toContain('没有任何路径');
  });

  it('caption the comparison with its seed, sizes and losses', () => {
    const points = flowPoints({ ...DEFAULT_CONFIG, nEncoderLayers: 6, nDecoderLayers: 6 });
    const run = (architecture: 'post' | 'pre' | 'none', loss: number) => ({ architecture, points, norms: points.map(() => 1), loss });
    const c = comparisonCaption({ layers: 6, seed: 7, runs: [run('post', 4.5), run('pre', 4.25), run('none', 4.75)] }, DEFAULT_CONFIG);
    for (const s of [c.en, c.zh]) for (const part of ['6', '7', '48', '192', '4.500', '4.250', '4.750']) expect(s).toContain(part);
    expect(c.en).toContain('not trained');
    expect(c.zh).toContain('没有训练');
  });
});
