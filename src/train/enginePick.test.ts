// The engine decision: measurements win, ties favour the GPU on hardware and the CPU on a
// software adapter, a software adapter is never chosen without a measurement, the user's
// override is kept (with the measurements it overrides), and keys separate adapters and shapes.
import { describe, expect, it } from 'vitest';
import { adapterKey, calibrationKey, decideEngine, needsCalibration, TIE_BAND, type AdapterFacts } from './enginePick';
import { DEFAULT_TRAINING_CONFIG, withConfig } from './trainingConfig';

const hardware: AdapterFacts = { available: true, fallback: false };
const software: AdapterFacts = { available: true, fallback: true };
const none: AdapterFacts = { available: false, fallback: false };

describe('decideEngine', () => {
  it('a slow adapter loses to the CPU, by the measured ratio', () => {
    const d = decideEngine({ preference: 'auto', adapter: hardware, rates: { webgpu: 1.6, cpu: 5.44 } });
    expect(d).toMatchObject({ engine: 'cpu', reason: 'faster', faster: 'cpu' });
    expect(d.ratio).toBeCloseTo(3.4, 5);
  });

  it('a fast adapter wins', () => {
    const d = decideEngine({ preference: 'auto', adapter: hardware, rates: { webgpu: 40, cpu: 5 } });
    expect(d).toMatchObject({ engine: 'webgpu', reason: 'faster', faster: 'webgpu', ratio: 8 });
  });

  it('a software adapter that measures faster still wins (measured, not assumed)', () => {
    expect(decideEngine({ preference: 'auto', adapter: software, rates: { webgpu: 10, cpu: 5 } })).toMatchObject({ engine: 'webgpu', reason: 'faster' });
  });

  it('ties (within the band) favour WebGPU on hardware, the CPU on a software adapter', () => {
    const rates = { webgpu: 5, cpu: 5 * (1 + TIE_BAND / 2) };
    expect(decideEngine({ preference: 'auto', adapter: hardware, rates })).toMatchObject({ engine: 'webgpu', reason: 'tie', faster: 'cpu' });
    expect(decideEngine({ preference: 'auto', adapter: software, rates })).toMatchObject({ engine: 'cpu', reason: 'tie' });
    // Just outside the band is no tie.
    expect(decideEngine({ preference: 'auto', adapter: hardware, rates: { webgpu: 5, cpu: 5 * (1 + TIE_BAND) * 1.01 } })).toMatchObject({ engine: 'cpu', reason: 'faster' });
  });

  it('a fallback adapter without a measurement is not chosen', () => {
    expect(decideEngine({ preference: 'auto', adapter: software })).toMatchObject({ engine: 'cpu', reason: 'fallback-adapter', ratio: null });
    expect(decideEngine({ preference: 'auto', adapter: software, rates: { webgpu: 9, cpu: null } })).toMatchObject({ engine: 'cpu', reason: 'fallback-adapter' });
  });

  it('a hardware adapter without measurements keeps WebGPU (as before)', () => {
    expect(decideEngine({ preference: 'auto', adapter: hardware, rates: null })).toMatchObject({ engine: 'webgpu', reason: 'unmeasured' });
  });

  it('a failed measurement loses', () => {
    expect(decideEngine({ preference: 'auto', adapter: hardware, rates: { webgpu: 0, cpu: 3 } })).toMatchObject({ engine: 'cpu', reason: 'webgpu-failed' });
    expect(decideEngine({ preference: 'auto', adapter: hardware, rates: { webgpu: Number.NaN, cpu: null } })).toMatchObject({ engine: 'cpu', reason: 'webgpu-failed' });
    expect(decideEngine({ preference: 'auto', adapter: software, rates: { webgpu: 4, cpu: 0 } })).toMatchObject({ engine: 'webgpu', reason: 'cpu-failed' });
  });

  it('the override wins and still carries what was measured', () => {
    const d = decideEngine({ preference: 'webgpu', adapter: software, rates: { webgpu: 1, cpu: 4 } });
    expect(d).toMatchObject({ engine: 'webgpu', reason: 'override', faster: 'cpu', ratio: 4 });
    expect(decideEngine({ preference: 'cpu', adapter: hardware })).toMatchObject({ engine: 'cpu', reason: 'override' });
  });

  it('without WebGPU the CPU is the only engine, whatever the preference', () => {
    expect(decideEngine({ preference: 'webgpu', adapter: none })).toMatchObject({ engine: 'cpu', reason: 'no-webgpu' });
  });
});

describe('needsCalibration and keys', () => {
  it('measures only in auto, with a GPU, and nothing cached', () => {
    expect(needsCalibration('auto', hardware, null)).toBe(true);
    expect(needsCalibration('auto', hardware, { webgpu: 1, cpu: 2 })).toBe(false);
    expect(needsCalibration('cpu', hardware, null)).toBe(false);
    expect(needsCalibration('auto', none, null)).toBe(false);
  });

  it('keys separate adapters and run shapes, not optimizer settings', () => {
    const a = adapterKey({ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device', isFallbackAdapter: false });
    const b = adapterKey({ vendor: 'nvidia', architecture: 'ampere' });
    expect(a).not.toBe(b);
    expect(adapterKey({ vendor: 'Google ', architecture: 'SwiftShader', description: 'swiftshader device' })).toBe(a);
    const c = DEFAULT_TRAINING_CONFIG;
    expect(calibrationKey(a, c)).toBe(calibrationKey(a, withConfig(c, { optimizer: { lr: 1e-2 }, seed: 7 })));
    expect(calibrationKey(a, c)).not.toBe(calibrationKey(a, withConfig(c, { batchSize: 64 })));
    expect(calibrationKey(a, c)).not.toBe(calibrationKey(a, withConfig(c, { model: { dModel: 64 } })));
    expect(calibrationKey(a, c)).not.toBe(calibrationKey(b, c));
  });
});
