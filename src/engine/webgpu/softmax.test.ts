// softmax, softmaxBackward and maskScores on WebGPU against the CPU twin: narrow rows (one
// invocation per row) and wide rows (one workgroup per row), scale, causal with offsets,
// key padding masks with fully masked rows, and ±1e4 inputs that must not overflow.
import { afterAll, describe, expect, it } from 'vitest';
import { MASKED_VALUE, type Shape, type SoftmaxOptions, type Tensor } from '../backend';
import { both, count, expectMatch, expectNoDeviceErrors, openHarness, randn, relError, rng } from './testing/harness';

const env = await openHarness('webgpu softmax');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(11);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  /** (B, Tk) key mask with `pad[b]` padded keys at the end of row b. */
  function keyMask(b: number, tk: number, pad: number[]): Float32Array {
    const m = new Float32Array(b * tk).fill(1);
    for (let i = 0; i < b; i++) for (let j = tk - pad[i]; j < tk; j++) m[i * tk + j] = 0;
    return m;
  }

  type Opts = Omit<SoftmaxOptions, 'keyMask'> & { mask?: { b: number; pad: number[] } };

  function run(shape: Shape, o: Opts, magnitude = 3): { g: Tensor; c: Tensor; gx: Tensor; cx: Tensor; go: SoftmaxOptions; co: SoftmaxOptions } {
    const [gx, cx] = both(h, shape, randn(rand, count(shape), magnitude), 'f32', 'scores');
    const tk = shape[shape.length - 1];
    const masks = o.mask ? both(h, [o.mask.b, tk], keyMask(o.mask.b, tk, o.mask.pad), 'f32', 'keyMask') : null;
    const base = { scale: o.scale, causal: o.causal, causalOffset: o.causalOffset, heads: o.heads };
    const go = { ...base, keyMask: masks?.[0] };
    const co = { ...base, keyMask: masks?.[1] };
    return { g: h.be.softmax(gx, go), c: h.cpu.softmax(cx, co), gx, cx, go, co };
  }

  const cases: Array<[string, Shape, Opts]> = [
    ['plain (7, 19)', [7, 19], {}],
    ['scale 0.25, 3-D', [3, 5, 13], { scale: 0.25 }],
    ['causal', [2, 9, 9], { causal: true }],
    ['causal, offset 3 (decode step)', [2, 4, 7], { causal: true, causalOffset: 3 }],
    ['causal, offset -2: first rows fully masked', [2, 5, 5], { causal: true, causalOffset: -2 }],
    ['key mask with heads, one batch fully padded', [6, 5, 11], { heads: 3, mask: { b: 2, pad: [4, 11] } }],
    ['key mask + causal + scale', [4, 6, 6], { heads: 2, scale: 0.5, causal: true, mask: { b: 2, pad: [0, 2] } }],
    ['single row', [1, 1], {}],
    ['wide rows (one workgroup per row)', [5, 300], { scale: 0.7 }],
    ['wide rows, causal offset + key mask', [2, 3, 257], { heads: 1, causal: true, causalOffset: 200, mask: { b: 2, pad: [10, 257] } }],
  ];

  it.each(cases)('forward: %s', async (name, shape, o) => {
    const { g, c } = run(shape, o);
    await expectMatch(h, g, c, name);
    const y = await h.be.read(g);
    expect(y.every((v) => Number.isFinite(v)), 'no NaN or infinity').toBe(true);
    expectNoDeviceErrors(h);
  });

  it('fully masked rows are exactly zero', async () => {
    const { g } = run([2, 5, 5], { causal: true, causalOffset: -2 });
    const y = await h.be.read(g);
    // rows 0 and 1 of each block see no key (j ≤ i − 2 is empty)
    for (const block of [0, 1]) for (const row of [0, 1]) {
      const at = (block * 5 + row) * 5;
      expect([...y.slice(at, at + 5)]).toEqual([0, 0, 0, 0, 0]);
    }
  });

  it('±1e4 inputs do not overflow (narrow and wide rows)', async () => {
    for (const shape of [[4, 17], [3, 200]] as Shape[]) {
      const { g, c } = run(shape, {}, 1e4);
      await expectMatch(h, g, c, `large ${shape}`);
      const y = await h.be.read(g);
      expect(y.every((v) => Number.isFinite(v))).toBe(true);
    }
  });

  it.each([
    ['narrow', [3, 4, 13] as Shape, 0.3],
    ['wide', [4, 333] as Shape, 1],
  ])('backward (%s rows)', async (name, shape, scale) => {
    const { g, c } = run(shape, { scale });
    const [gdy, cdy] = both(h, shape, randn(rand, count(shape)), 'f32', 'dy');
    await expectMatch(h, h.be.softmaxBackward(g, gdy, scale), h.cpu.softmaxBackward(c, cdy, scale), `backward ${name}`);
    expectNoDeviceErrors(h);
  });

  it.each(cases.filter(([, s]) => s.length >= 2))('maskScores: %s', async (name, shape, o) => {
    const { gx, cx, go, co } = run(shape, o);
    const g = await h.be.read(h.be.maskScores(gx, go));
    const c = await h.cpu.read(h.cpu.maskScores(cx, co));
    const maskedG = [...g].map((v) => v === MASKED_VALUE);
    const maskedC = [...c].map((v) => v === MASKED_VALUE);
    expect(maskedG, `${name}: masked positions`).toEqual(maskedC);
    const visible = (a: Float32Array | Int32Array) => [...a].filter((_, i) => !maskedC[i]);
    expect(relError(visible(g), visible(c))).toBeLessThanOrEqual(1e-4);
  });

  it('errors name the op and the shapes', () => {
    const x = h.be.tensor([6, 5, 11]);
    const km = h.be.tensor([3, 11]);
    expect(() => h.be.softmax(x, { keyMask: km, heads: 3 })).toThrow(
      'softmax: keyMask (3, 11) does not fit scores (6, 5, 11) with heads 3 (want (2, 11))',
    );
    expect(() => h.be.softmax(h.be.tensor([5]), { causal: true })).toThrow('softmax: causal mask needs (…, Tq, Tk) scores, got (5)');
    expect(() => h.be.softmaxBackward(x, h.be.tensor([6, 5]))).toThrow('softmaxBackward: sizes differ, y (6, 5, 11) dy (6, 5)');
    expect(() => h.be.maskScores(x, { scale: NaN })).toThrow('maskScores: scale must be a finite number, got NaN');
  });
});
