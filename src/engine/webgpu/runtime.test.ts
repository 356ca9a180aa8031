// The WebGPU runtime around the kernels: the readback ring (null when full, never waiting;
// tickets carry the data of their moment), write ordering, scopes, reshape sharing, pooling
// and bind-group reuse across identical steps, one submit per flush, dispatch records with
// GPU timings, and errors for disposed, foreign and destroyed use.
import { afterAll, describe, expect, it } from 'vitest';
import type { Tensor } from '../backend';
import { createWebGPUBackend } from './index';
import { RING_SIZE } from './readback';
import { expectNoDeviceErrors, openHarness, randn, rng } from './testing/harness';

const env = await openHarness('webgpu runtime');

describe.skipIf(!env.ok)(env.title, () => {
  const h = env.h!;
  const be = h.be;
  const rand = rng(5);
  afterAll(() => {
    be.destroy();
    h.gpu.destroy();
  });

  it('readback ring: returns null when every slot is in flight; tickets resolve to the right data', async () => {
    await be.sync();
    const tensors = Array.from({ length: RING_SIZE + 1 }, (_, i) => be.tensor([3], [i, i + 0.5, -i]));
    const tickets = tensors.slice(0, RING_SIZE).map((t, i) => be.readback(t, `loss${i}`));
    expect(tickets.every((t) => t !== null)).toBe(true);
    expect(be.readback(tensors[RING_SIZE]), 'ring full: dropped, not queued').toBeNull();
    expect(be.stats().droppedReadbacks).toBe(1);
    be.flush();
    expect(be.readback(tensors[RING_SIZE]), 'still mapping: dropped').toBeNull();
    const data = await Promise.all(tickets.map((t) => t!.data));
    data.forEach((d, i) => expect([...d]).toEqual([i, i + 0.5, -i]));
    expect(tickets[2]!.label).toBe('loss2');
    const again = be.readback(tensors[RING_SIZE]);
    expect(again).not.toBeNull();
    be.flush();
    expect([...(await again!.data)]).toEqual([RING_SIZE, RING_SIZE + 0.5, -RING_SIZE]);
    const ints = be.readback(be.tensor([2], [7, 8], 'i32'))!;
    be.flush();
    expect(await ints.data).toEqual(new Int32Array([7, 8]));
  });

  it('a readback or op encoded before a write sees the old contents (queue order)', async () => {
    const t = be.tensor([3], [1, 2, 3]);
    const doubledBefore = be.scale(t, 2);
    const ticket = be.readback(t)!;
    be.write(t, [10, 20, 30]);
    const doubledAfter = be.scale(t, 2);
    be.flush();
    expect([...(await ticket.data)]).toEqual([1, 2, 3]);
    expect([...(await be.read(doubledBefore))]).toEqual([2, 4, 6]);
    expect([...(await be.read(doubledAfter))]).toEqual([20, 40, 60]);
    expectNoDeviceErrors(h);
  });

  it('tensor() without data is zero even in a recycled buffer', async () => {
    const t = be.tensor([4, 4], randn(rand, 16));
    be.dispose(t);
    be.flush(); // the buffer returns to the pool here
    const reused = be.tensor([4, 4]);
    expect([...(await be.read(reused))]).toEqual(new Array(16).fill(0));
  });

  it('scope disposes what it created, except returned tensors (deeply) and arena views', async () => {
    const arena = be.createArena([{ name: 'w', shape: [2, 2] }]);
    let inner!: Tensor;
    let kept!: { out: Tensor[] };
    const outer = be.scope(() => {
      const a = be.tensor([2, 2], [1, 2, 3, 4], 'f32', 'a');
      inner = be.add(a, arena.param('w'));
      const nested = be.scope(() => ({ out: [be.scale(inner, 2)] }));
      kept = nested;
      return { result: nested };
    });
    expect(outer.result.out[0]).toBe(kept.out[0]);
    expect([...(await be.read(kept.out[0]))]).toEqual([2, 4, 6, 8]);
    expect(() => be.scale(inner, 1)).toThrow(/scale: a 'add\.a' \(id \d+\) was disposed/);
    expect(arena.param('w').shape).toEqual([2, 2]);
    await be.read(arena.param('w')); // arena views survive scopes
    expect(() =>
      be.scope(() => {
        inner = be.tensor([1], [5]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(() => be.fill(inner, 0)).toThrow(/was disposed/);
  });

  it('reshape shares storage and keeps it alive after the original is disposed', async () => {
    const t = be.tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    const r = be.reshape(t, [3, 2]);
    be.dispose(t);
    be.flush();
    const other = be.tensor([2, 3], [9, 9, 9, 9, 9, 9]);
    expect([...(await be.read(r))]).toEqual([1, 2, 3, 4, 5, 6]);
    be.dispose(other);
    expect(() => be.reshape(r, [4])).toThrow('reshape: size differs, tensor (3, 2) to (4)');
  });

  it('a repeated step reuses buffers and bind groups, and flush is exactly one submit', async () => {
    const w = be.tensor([13, 7], randn(rand, 91), 'f32', 'w');
    const x = be.tensor([5, 13], randn(rand, 65), 'f32', 'x');
    const gamma = be.tensor([7], randn(rand, 7));
    const beta = be.tensor([7], randn(rand, 7));
    const step = () => {
      be.scope(() => {
        const y = be.matmul(x, w);
        const n = be.layerNorm(y, gamma, beta, 1e-5);
        const p = be.softmax(be.activation(n.y, 'gelu'));
        be.readback(be.sumSquares(p), 'metric');
      });
      be.flush();
    };
    step(); // first use: pipelines, buffers, bind groups
    step(); // buffers released by step 1 come back in order: bind groups now repeat
    await be.sync();
    const before = be.stats();
    step();
    const after = be.stats();
    expect(after.submits - before.submits).toBe(1);
    expect(after.dispatches - before.dispatches).toBe(5); // matmul, layernorm, gelu, softmax, sumSquares
    expect(after.buffersCreated).toBe(before.buffersCreated);
    expect(after.bindGroupsCreated).toBe(before.bindGroupsCreated);
    expect(after.pipelinesCreated).toBe(before.pipelinesCreated);
    be.flush(); // nothing encoded: no submit
    expect(be.stats().submits).toBe(after.submits);
    await be.sync();
  });

  it('recordDispatches logs kernel, .wgsl file and label; profiling adds GPU ms', async () => {
    const x = be.tensor([4, 6], randn(rand, 24), 'f32', 'scores');
    const { result, records } = be.recordDispatches(() => be.softmax(be.matmul(x, x, { transB: true })));
    expect(result.shape).toEqual([4, 4]);
    const recs = await records;
    expect(recs.map((r) => [r.kernel, r.source])).toEqual([
      ['matmul.direct', 'matmul.wgsl'],
      ['softmax', 'softmax.wgsl'],
    ]);
    expect(recs[1].label).toBe('softmax.matmul.scores');
    expect(recs[0].gpuMs).toBeUndefined();
    const profiled = be.recordDispatches(() => be.layerNorm(x, be.tensor([6]), be.tensor([6]), 1e-5), { profile: true });
    const timed = await profiled.records;
    expect(timed.map((r) => r.kernel)).toEqual(['layernorm']);
    // With timestamp queries a profiled dispatch gets a finite, non-negative time; without them
    // (some adapters, Dawn's SwiftShader among them) it has none rather than a made-up number.
    if (be.info.hasTimestamps) {
      expect(Number.isFinite(timed[0].gpuMs)).toBe(true);
      expect(timed[0].gpuMs!).toBeGreaterThanOrEqual(0);
    } else expect(timed[0].gpuMs).toBeUndefined();
    expectNoDeviceErrors(h);
  });

  it('errors: disposed, foreign and destroyed use name the op', async () => {
    const t = be.tensor([2, 2], null, 'f32', 'q');
    be.dispose(t);
    expect(() => be.matmul(t, t)).toThrow(/matmul: a 'q' \(id \d+\) was disposed/);
    await expect(be.read(t)).rejects.toThrow(/read: t 'q'/);
    const foreign = h.cpu.tensor([2, 2]);
    expect(() => be.add(foreign, foreign)).toThrow('add: a is not a tensor of this WebGPU backend (got tensor (2, 2))');
    expect(() => be.write(be.tensor([3]), [1, 2])).toThrow('write: 2 values for tensor (3) (3 elements)');
    const other = createWebGPUBackend(h.gpu.ctx);
    const o = other.tensor([1], [1]);
    other.destroy();
    expect(() => other.scale(o, 2)).toThrow('scale: the WebGPU backend was destroyed');
    expect(() => other.tensor([1])).toThrow('tensor: the WebGPU backend was destroyed');
  });
});
