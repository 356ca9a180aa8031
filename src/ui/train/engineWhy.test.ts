import { beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../i18n';
import i18next from 'i18next';
import type { TextFunction } from '../../i18n/keys';
import type { EngineChoiceState } from '../../store/slices/training';
import { decideEngine } from '../../train/enginePick';
import { engineWhy } from './engineWhy';

const t = i18next.t.bind(i18next) as unknown as TextFunction;
const hw = { available: true, fallback: false };

function state(patch: Partial<EngineChoiceState>): EngineChoiceState {
  return { preference: 'auto', adapter: { key: 'k', name: 'acme gpu', fallback: false }, calibrating: null, decision: null, source: null, ...patch };
}

describe('engineWhy', () => {
  beforeAll(() => initI18n('en'));

  it('names the ratio and the rival, and where the measurement came from', () => {
    const slowGpu = decideEngine({ preference: 'auto', adapter: hw, rates: { webgpu: 1.6, cpu: 5.44 } });
    expect(engineWhy(state({ decision: slowGpu, source: 'measured' }), t, 'en')).toBe('3.4× faster than this GPU adapter here · measured just now');
    const fastGpu = decideEngine({ preference: 'auto', adapter: hw, rates: { webgpu: 40, cpu: 5 } });
    expect(engineWhy(state({ decision: fastGpu, source: 'cached' }), t, 'en')).toBe('8.0× faster than the CPU here · measured earlier on this adapter');
  });

  it('says when the user chose the slower engine, and when there is no GPU', () => {
    const chosen = decideEngine({ preference: 'webgpu', adapter: hw, rates: { webgpu: 1, cpu: 2.8 } });
    expect(engineWhy(state({ decision: chosen, source: 'cached' }), t, 'en')).toMatch(/^your choice for this adapter, though the CPU measured 2\.8× faster here/);
    expect(engineWhy(state({ decision: decideEngine({ preference: 'cpu', adapter: hw }) }), t, 'en')).toBe('your choice for this adapter');
    expect(engineWhy(state({ decision: decideEngine({ preference: 'auto', adapter: { available: false, fallback: false } }) }), t, 'en')).toBe('this browser offers no WebGPU adapter');
    expect(engineWhy(state({ calibrating: 'webgpu' }), t, 'en')).toBe('Measuring which engine is faster here: GPU…');
  });

  it('speaks Chinese', () => {
    applyLanguage('zh');
    const slowGpu = decideEngine({ preference: 'auto', adapter: hw, rates: { webgpu: 1, cpu: 3.4 } });
    expect(engineWhy(state({ decision: slowGpu, source: 'measured' }), t, 'zh')).toBe('在本机比这个 GPU 适配器快 3.4 倍 · 刚刚测得');
    applyLanguage('en');
  });
});
