// LayerNorm and activations on WebGPU against the CPU twin: narrow rows (one invocation per
// row) and wide rows (one workgroup per row), dγ/dβ written fresh or accumulated.
import { afterAll, describe, expect, it } from 'vitest';
import type { Activation, Shape } from '../backend';
import { both, count, expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu layernorm + activation');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(23);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  const shapes: Array<[string, Shape]> = [
    ['(7, 19)', [7, 19]],
    ['(1, 1)', [1, 1]],
    ['(3, 4, 13) 3-D', [3, 4, 13]],
    ['wide (5, 150)', [5, 150]],
  ];

  it.each(shapes)('forward %s: y, mean, rstd', async (name, shape) => {
    const c = shape[shape.length - 1];
    const [gx, cx] = both(h, shape, randn(rand, count(shape), 4).map((v) => v + 1.5), 'f32', 'x');
    const [gg, cg] = both(h, [c], randn(rand, c), 'f32', 'gamma');
    const [gb, cb] = both(h, [c], randn(rand, c), 'f32', 'beta');
    const g = h.be.layerNorm(gx, gg, gb, 1e-5);
    const r = h.cpu.layerNorm(cx, cg, cb, 1e-5);
    await expectMatch(h, g.y, r.y, `${name} y`);
    await expectMatch(h, g.mean, r.mean, `${name} mean`);
    await expectMatch(h, g.rstd, r.rstd, `${name} rstd`);
    expectNoDeviceErrors(h);
  });

  it.each(shapes)('backward %s: dx, dγ, dβ (fresh and accumulated)', async (name, shape) => {
    const c = shape[shape.length - 1];
    const [gx, cx] = both(h, shape, randn(rand, count(shape), 2), 'f32', 'x');
    const [gg, cg] = both(h, [c], randn(rand, c), 'f32', 'gamma');
    const [gb, cb] = both(h, [c], randn(rand, c), 'f32', 'beta');
    const [gdy, cdy] = both(h, shape, randn(rand, count(shape)), 'f32', 'dy');
    const g = h.be.layerNorm(gx, gg, gb, 1e-5);
    const r = h.cpu.layerNorm(cx, cg, cb, 1e-5);
    const fresh = h.be.layerNormBackward(gdy, gx, g.mean, g.rstd, gg);
    const freshC = h.cpu.layerNormBackward(cdy, cx, r.mean, r.rstd, cg);
    await expectMatch(h, fresh.dx, freshC.dx, `${name} dx`);
    await expectMatch(h, fresh.dGamma, freshC.dGamma, `${name} dγ`);
    await expectMatch(h, fresh.dBeta, freshC.dBeta, `${name} dβ`);
    const start = randn(rand, c);
    const [gdg, cdg] = both(h, [c], start, 'f32', 'dGamma');
    const [gdb, cdb] = both(h, [c], start, 'f32', 'dBeta');
    const acc = h.be.layerNormBackward(gdy, gx, g.mean, g.rstd, gg, { dGamma: gdg, dBeta: gdb });
    h.cpu.layerNormBackward(cdy, cx, r.mean, r.rstd, cg, { dGamma: cdg, dBeta: cdb });
    expect(acc.dGamma).toBe(gdg);
    expect(acc.dBeta).toBe(gdb);
    await expectMatch(h, gdg, cdg, `${name} dγ accumulated`);
    await expectMatch(h, gdb, cdb, `${name} dβ accumulated`);
    expectNoDeviceErrors(h);
  });

  it.each([['relu'], ['gelu']] as Array<[Activation]>)('%s forward and backward, incl. |x| up to 30', async (kind) => {
    const data = randn(rand, 3 * 7 * 11, 4);
    data.set([0, 30, -30, 12, -12, 1e-4, -1e-4], 0);
    const [gx, cx] = both(h, [3, 7, 11], data, 'f32', 'x');
    const [gdy, cdy] = both(h, [3, 7, 11], randn(rand, 231), 'f32', 'dy');
    const y = h.be.activation(gx, kind);
    await expectMatch(h, y, h.cpu.activation(cx, kind), `${kind} forward`);
    await expectMatch(h, h.be.activationBackward(gx, gdy, kind), h.cpu.activationBackward(cx, cdy, kind), `${kind} backward`);
    expect((await h.be.read(y)).every((v) => Number.isFinite(v))).toBe(true);
    expectNoDeviceErrors(h);
  });

  it('errors name the op and the shapes', () => {
    const x = h.be.tensor([4, 8]);
    expect(() => h.be.layerNorm(x, h.be.tensor([7]), h.be.tensor([8]), 1e-5)).toThrow(
      'layerNorm: gamma (7) does not match the last dim of x (4, 8)',
    );
    expect(() => h.be.layerNormBackward(x, x, h.be.tensor([3]), h.be.tensor([4]), h.be.tensor([8]))).toThrow(
      'layerNormBackward: mean (3) and rstd (4) need 4 rows for x (4, 8)',
    );
    expect(() => h.be.activation(x, 'tanh' as Activation)).toThrow("activation: unknown activation 'tanh'");
    expect(() => h.be.activationBackward(x, h.be.tensor([8]), 'relu')).toThrow('activationBackward: sizes differ, x (4, 8) dy (8)');
  });
});
