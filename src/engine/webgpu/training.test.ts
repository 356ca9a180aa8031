// The training kernels on WebGPU against the CPU twin: embedding gather (scale, positions,
// offset) and its deterministic backward with repeated tokens, fused cross-entropy (label
// smoothing, ignored rows, normalizer; narrow and wide vocabularies) and AdamW over an arena
// (weight decay, clipping, a NaN gradient that must leave everything untouched, the step count
// t included).
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, type AdamOptions, type Arena, type Backend } from '../backend';
import { both, expectMatch, expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu embedding + cross-entropy + adam');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const rand = rng(47);
  afterAll(() => {
    h.be.destroy();
    h.gpu.destroy();
  });

  function tokens(n: number, vocab: number): Int32Array {
    return Int32Array.from({ length: n }, () => Math.floor(rand() * vocab));
  }

  it('embedding: scale, learned positions with an offset; and without positions', async () => {
    const [v, d, b, t] = [11, 7, 2, 5];
    const ids = tokens(b * t, v);
    const [gi, ci] = both(h, [b, t], ids, 'i32', 'ids');
    const [gw, cw] = both(h, [v, d], randn(rand, v * d), 'f32', 'table');
    const [gp, cp] = both(h, [9, d], randn(rand, 9 * d), 'f32', 'pos');
    const opts = { scale: Math.sqrt(d), seqLen: t, positionOffset: 2 };
    await expectMatch(h, h.be.embedding(gi, gw, { ...opts, positions: gp }), h.cpu.embedding(ci, cw, { ...opts, positions: cp }), 'embedding');
    await expectMatch(h, h.be.embedding(gi, gw, { seqLen: t }), h.cpu.embedding(ci, cw, { seqLen: t }), 'embedding plain');
    expectNoDeviceErrors(h);
  });

  it('embeddingBackward: repeated tokens, accumulates, bit-identical run to run', async () => {
    const [v, d, n] = [6, 9, 300]; // 300 tokens over 6 ids: long chains of repeats
    const ids = tokens(n, v);
    const [gi, ci] = both(h, [n], ids, 'i32', 'ids');
    const [gdy, cdy] = both(h, [n, d], randn(rand, n * d), 'f32', 'dy');
    const start = randn(rand, v * d);
    const [go, co] = both(h, [v, d], start, 'f32', 'table.grad');
    h.be.embeddingBackward(gi, gdy, go, 2.5);
    h.cpu.embeddingBackward(ci, cdy, co, 2.5);
    await expectMatch(h, go, co, 'embeddingBackward');
    const first = await h.be.read(go);
    const again = h.be.tensor([v, d], start, 'f32', 'table.grad2');
    h.be.embeddingBackward(gi, gdy, again, 2.5);
    expect(await h.be.read(again)).toEqual(first);
    // a vocabulary row no token uses keeps its value
    const unused = h.be.tensor([2, d], new Float32Array(2 * d).fill(3));
    h.be.embeddingBackward(h.be.tensor([3], [0, 0, 0], 'i32'), h.be.tensor([3, d]), unused);
    expect([...(await h.be.read(unused))]).toEqual(new Array(2 * d).fill(3));
    expectNoDeviceErrors(h);
  });

  it.each([
    ['narrow vocabulary (7, 19)', 7, 19, 1],
    ['wide vocabulary (5, 300), logits ±1e3', 5, 300, 1e3],
  ])('crossEntropy %s: smoothing, ignored rows, normalizer', async (name, n, v, mag) => {
    const [gl, cl] = both(h, [n, v], randn(rand, n * v, mag), 'f32', 'logits');
    const targets = tokens(n, v);
    targets[1] = 0; // ignored (padding id 0)
    targets[n - 1] = 0;
    if (targets[0] === 0) targets[0] = 1;
    const [gt, ct] = both(h, [n], targets, 'i32', 'targets');
    for (const opts of [{}, { smoothing: 0.1, ignoreIndex: 0, normalizer: n - 2 }]) {
      const g = h.be.crossEntropy(gl, gt, opts);
      const c = h.cpu.crossEntropy(cl, ct, opts);
      await expectMatch(h, g.loss, c.loss, `${name} loss ${JSON.stringify(opts)}`);
      await expectMatch(h, g.dLogits, c.dLogits, `${name} dLogits ${JSON.stringify(opts)}`);
    }
    const ignored = h.be.crossEntropy(gl, gt, { ignoreIndex: 0 });
    const loss = await h.be.read(ignored.loss);
    const dl = await h.be.read(ignored.dLogits);
    expect(loss[1]).toBe(0);
    expect(dl.slice(v, 2 * v).every((x) => x === 0)).toBe(true);
    expectNoDeviceErrors(h);
  });

  /** The same arena contents on a backend: random params, grads and moments. */
  function arenaOn(be: Backend, data: Float32Array[], adamStep = 0): Arena {
    const a = be.createArena([
      { name: 'w', shape: [3, 5] },
      { name: 'b', shape: [7] },
    ]);
    [a.params, a.grads, a.m, a.v].forEach((t, i) => be.write(t, data[i]));
    be.write(a.adamStep, [adamStep]);
    return a;
  }

  async function adamCase(name: string, gradEdit: (g: Float32Array) => void, opts: Partial<AdamOptions>, clip: boolean, adamStep = 2) {
    const length = 128;
    const data = [randn(rand, length), randn(rand, length, 2), randn(rand, length, 0.1), randn(rand, length, 0.1).map(Math.abs)];
    gradEdit(data[1]);
    const ga = arenaOn(h.be, data, adamStep);
    const ca = arenaOn(h.cpu, data, adamStep);
    const base: AdamOptions = { lr: 0.01, beta1: 0.9, beta2: 0.98, eps: 1e-9, weightDecay: 0.01, ...opts };
    const gss = clip ? h.be.sumSquares(ga.grads) : undefined;
    const css = clip ? h.cpu.sumSquares(ca.grads) : undefined;
    h.be.adam(ga, { ...base, gradSumSquares: gss });
    h.cpu.adam(ca, { ...base, gradSumSquares: css });
    for (const k of ['params', 'm', 'v'] as const) await expectMatch(h, ga[k], ca[k], `${name} ${k}`);
    expect([...(await h.be.read(ga.adamStep))], `${name} adamStep`).toEqual([adamStep + 1]);
    return { ga, data };
  }

  it('adam: AdamW step with bias correction and weight decay', async () => {
    await adamCase('adamw', () => {}, {}, false);
    await adamCase('plain adam, step 1', () => {}, { weightDecay: 0 }, false, 0);
    await adamCase('late step, β1 = 0', () => {}, { beta1: 0 }, false, 499);
    expectNoDeviceErrors(h);
  });

  it('adam: clipping by the global norm (in-kernel, from sumSquares)', async () => {
    await adamCase('clipped', () => {}, { maxNorm: 0.5 }, true);
    await adamCase('under the max norm', () => {}, { maxNorm: 1e6 }, true);
  });

  it.each([
    ['NaN', NaN],
    ['infinity', Infinity],
  ])('adam: a %s gradient skips the step, leaving params and moments intact', async (_name, bad) => {
    const length = 128;
    const data = [randn(rand, length), randn(rand, length), randn(rand, length), randn(rand, length).map(Math.abs)];
    data[1][5] = bad;
    const a = arenaOn(h.be, data, 7);
    h.be.adam(a, { lr: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.1, gradSumSquares: h.be.sumSquares(a.grads), maxNorm: 1 });
    expect(await h.be.read(a.params)).toEqual(data[0]);
    expect(await h.be.read(a.m)).toEqual(data[2]);
    expect(await h.be.read(a.v)).toEqual(data[3]);
    expect([...(await h.be.read(a.adamStep))]).toEqual([7]);
  });

  it('adam: a skipped step does not advance t, so the next applied step matches the CPU with no skip', async () => {
    const length = 128;
    const data = [randn(rand, length), randn(rand, length), randn(rand, length, 0.1), randn(rand, length, 0.1).map(Math.abs)];
    const second = randn(rand, length);
    const opts = { lr: 0.01, beta1: 0.9, beta2: 0.98, eps: 1e-9, weightDecay: 0.01, maxNorm: 1 };
    const step = (be: Backend, a: Arena) => be.adam(a, { ...opts, gradSumSquares: be.sumSquares(a.grads) });
    const ga = arenaOn(h.be, data);
    step(h.be, ga);
    h.be.write(ga.grads, new Float32Array(length).fill(NaN));
    step(h.be, ga); // skipped
    h.be.write(ga.grads, second);
    step(h.be, ga);
    const ca = arenaOn(h.cpu, data);
    step(h.cpu, ca);
    h.cpu.write(ca.grads, second);
    step(h.cpu, ca);
    expect([...(await h.be.read(ga.adamStep))]).toEqual([2]);
    for (const k of ['params', 'm', 'v'] as const) await expectMatch(h, ga[k], ca[k], `after a skipped step: ${k}`);
    expectNoDeviceErrors(h);
  });

  it('out-of-range ids and targets are refused exactly as on the CPU (same EngineError and message)', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return { type: (e as Error).constructor, message: (e as Error).message };
      }
      return null;
    };
    const cases: Array<[string, (be: Backend) => unknown]> = [
      ['embedding, id = V', (be) => be.embedding(be.tensor([2, 3], [0, 1, 5, 2, 0, 1], 'i32'), be.tensor([5, 4]), { seqLen: 3 })],
      ['embedding, negative id', (be) => be.embedding(be.tensor([3], [0, -2, 1], 'i32'), be.tensor([5, 4]), { seqLen: 3 })],
      ['embeddingBackward', (be) => be.embeddingBackward(be.tensor([3], [0, 1, 9], 'i32'), be.tensor([3, 4]), be.tensor([5, 4]))],
      ['crossEntropy, target = V', (be) => be.crossEntropy(be.tensor([3, 4]), be.tensor([3], [1, 4, 0], 'i32'), { ignoreIndex: 0 })],
      ['crossEntropy, wide, negative target', (be) => be.crossEntropy(be.tensor([2, 200]), be.tensor([2], [3, -1], 'i32'), { ignoreIndex: 0 })],
      ['crossEntropy, pad = V', (be) => be.crossEntropy(be.tensor([2, 4]), be.tensor([2], [1, 9], 'i32'))],
    ];
    for (const [name, run] of cases) {
      const onCpu = refusal(() => run(h.cpu));
      const onGpu = refusal(() => run(h.be));
      expect(onCpu, `${name}: the CPU refuses`).not.toBeNull();
      expect(onGpu, name).toEqual(onCpu);
      expect(onGpu!.type, name).toBe(EngineError);
      expect(onGpu!.message, name).toMatch(/^(embedding|embeddingBackward|crossEntropy): (ids|targets)\[\d\] = -?\d+ is outside the vocabulary \[0, \d+\)/);
    }
    // Ids rewritten later on the host are checked as they are now.
    const ids = h.be.tensor([2], [0, 1], 'i32');
    const table = h.be.tensor([2, 4]);
    expect(() => h.be.embedding(ids, table, { seqLen: 2 })).not.toThrow();
    h.be.write(ids, [1, 2]);
    expect(() => h.be.embedding(h.be.reshape(ids, [1, 2]), table, { seqLen: 2 })).toThrow('embedding: ids[1] = 2 is outside the vocabulary [0, 2)');
    expectNoDeviceErrors(h);
  });

  it('ids only the device knows are not checked, and the kernels stay inside the table', async () => {
    // A copy made on the device: the host never saw these values. The gather reads zeros for
    // the bad id and the loss counts the bad target as ignored — never memory outside the table.
    const src = h.be.tensor([2], [1, 7], 'i32');
    const ids = h.be.tensor([2], null, 'i32');
    h.be.copy(src, ids);
    const table = h.be.tensor([3, 2], [1, 2, 3, 4, 5, 6]);
    const y = h.be.embedding(ids, table, { seqLen: 2 });
    expect([...(await h.be.read(y))]).toEqual([3, 4, 0, 0]);
    const ce = h.be.crossEntropy(h.be.tensor([2, 3]), ids);
    expect((await h.be.read(ce.loss))[1]).toBe(0);
    expectNoDeviceErrors(h);
  });

  it('errors name the op and the shapes', () => {
    const ids = h.be.tensor([6], [0, 1, 2, 0, 1, 2], 'i32');
    const table = h.be.tensor([3, 4]);
    expect(() => h.be.embedding(ids, table, { seqLen: 4 })).toThrow('embedding: ids (6) do not split into sequences of 4');
    expect(() => h.be.embedding(ids, table, { seqLen: 3, positions: h.be.tensor([2, 4]) })).toThrow(
      'embedding: position 2 is past positions (2, 4) (seqLen 3, offset 0)',
    );
    expect(() => h.be.embedding(h.be.tensor([6]), table, { seqLen: 3 })).toThrow('embedding: ids must be i32, got f32 (6)');
    expect(() => h.be.embeddingBackward(ids, h.be.tensor([6, 3]), table)).toThrow(
      'embeddingBackward: dy (6, 3) is not (6, 4) for ids (6) out (3, 4)',
    );
    expect(() => h.be.crossEntropy(h.be.tensor([4, 5]), h.be.tensor([3], null, 'i32'))).toThrow(
      'crossEntropy: targets (3) do not match logits (4, 5)',
    );
    const arena = h.be.createArena([{ name: 'w', shape: [2] }]);
    const opts = { lr: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0 };
    expect(() => h.be.adam(arena, { ...opts, maxNorm: 1 })).toThrow('adam: maxNorm needs gradSumSquares');
    expect(() => h.be.adam(h.cpu.createArena([]), opts)).toThrow('adam: arena was not created by this WebGPU backend');
    expect(() => arena.param('nope')).toThrow("arena.param: no parameter 'nope' in arena (64)");
  });
});
