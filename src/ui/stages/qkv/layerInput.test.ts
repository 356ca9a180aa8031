import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../model/config';
import { layerInput } from './layerInput';

describe('layerInput', () => {
  it('reads the embedding sum for layer 0 and the previous layer’s last LayerNorm after it (post-norm)', () => {
    expect(layerInput(DEFAULT_CONFIG, 'enc', 0).name).toBe('src.x');
    expect(layerInput(DEFAULT_CONFIG, 'enc', 1).name).toBe('enc.0.ln2.y');
    expect(layerInput(DEFAULT_CONFIG, 'dec', 1).name).toBe('dec.0.ln3.y');
  });

  it('reads the layer’s own first LayerNorm when pre-norm', () => {
    expect(layerInput({ ...DEFAULT_CONFIG, norm: 'pre' }, 'dec', 0)).toEqual({ name: 'dec.0.ln1.y', source: 'norm' });
  });
});
