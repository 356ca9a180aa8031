import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { beamSearch, greedyDecode, teacherForced } from './decode';
import { tinyBatch, tinyModel } from './testing/tiny';

const special = { pad: 0, bos: 1, eos: 2 };

describe('decoding', () => {
  it('KV-cached and uncached greedy decoding give identical tokens and probabilities', async () => {
    const be = createCpuBackend();
    for (const cfg of [{}, { norm: 'pre' as const, positional: 'learned' as const }]) {
      const model = tinyModel(be, cfg, 21);
      const b = tinyBatch(3, 6, 2, 8);
      const src = { batch: 3, srcLen: 6, srcIds: b.srcIds, srcMask: b.srcMask };
      const cached = await greedyDecode(model, src, { special, maxSteps: 8, cache: true });
      const plain = await greedyDecode(model, src, { special, maxSteps: 8, cache: false });
      expect(cached.map((r) => r.tokens)).toEqual(plain.map((r) => r.tokens));
      for (let r = 0; r < 3; r++) {
        expect(cached[r].steps.length).toBeGreaterThan(0);
        cached[r].steps.forEach((s, i) => {
          const p = plain[r].steps[i];
          let maxDiff = 0;
          for (let v = 0; v < s.probs.length; v++) maxDiff = Math.max(maxDiff, Math.abs(s.probs[v] - p.probs[v]));
          expect(maxDiff).toBeLessThan(1e-6);
        });
      }
    }
  });

  it('beam search with beam 1 equals greedy decoding, and wider beams score at least as well', async () => {
    const be = createCpuBackend();
    const model = tinyModel(be, {}, 5);
    const b = tinyBatch(1, 5, 2, 4);
    const src = { batch: 1, srcLen: 5, srcIds: b.srcIds, srcMask: b.srcMask };
    const [greedy] = await greedyDecode(model, src, { special, maxSteps: 6 });
    const beam1 = await beamSearch(model, src, { special, beam: 1, maxSteps: 6 });
    expect(beam1[0].tokens).toEqual(greedy.tokens);
    const beam3 = await beamSearch(model, src, { special, beam: 3, maxSteps: 6 });
    expect(beam3.length).toBeGreaterThan(0);
    expect(beam3[0].score).toBeGreaterThanOrEqual(beam1[0].score - 1e-9);
  });

  it('the teacher-forced trace records every stage with sane shapes', async () => {
    const be = createCpuBackend();
    const model = tinyModel(be, {}, 3);
    const b = tinyBatch(1, 5, 2, 4);
    const src = { batch: 1, srcLen: 5, srcIds: b.srcIds, srcMask: b.srcMask };
    const { trace, probs } = await teacherForced(model, src, [5, 6, 7], special);
    const T = 4; // <bos> + 3
    expect(probs.length).toBe(T * 11);
    for (const n of ['src.embed', 'src.pos', 'src.x', 'enc.0.self.raw', 'enc.0.self.masked', 'enc.0.ln1.mean', 'enc.0.ffn.act', 'enc.out', 'dec.0.cross.weights', 'logits']) {
      expect(trace.has(n), n).toBe(true);
    }
    expect(trace.get('dec.0.cross.weights').shape).toEqual([2, T, 5]);
    expect(trace.get('enc.0.self.q').shape).toEqual([2, 5, 4]);
    // Decoder self-attention: causal, rows sum to 1, zeros above the diagonal.
    for (let h = 0; h < 2; h++) {
      const w = trace.matrix('dec.0.self.weights', h);
      w.forEach((row, i) => {
        expect(row.reduce((a, c) => a + c, 0)).toBeCloseTo(1, 5);
        row.forEach((v, j) => {
          if (j > i) expect(v).toBe(0);
        });
      });
    }
    // scaled = raw / √Dh
    const raw = trace.matrix('enc.0.self.raw', 1);
    const scaled = trace.matrix('enc.0.self.scaled', 1);
    expect(scaled[2][3]).toBeCloseTo(raw[2][3] / 2, 5);
  });
});

describe('dispatch scopes', () => {
  it('label every forward kernel with the part of the model it serves', async () => {
    const be = createCpuBackend();
    const model = tinyModel(be, {}, 3);
    const b = tinyBatch(1, 5, 3, 4);
    const { records } = be.recordDispatches(() =>
      be.scope(() => {
        const ctx = model.context();
        model.decode(ctx, model.encode(ctx, b), b);
      }),
    );
    const scopes = new Set((await records).map((r) => r.scope));
    for (const s of ['src.embed', 'enc.0.self/qkv', 'enc.0.self/scores', 'enc.0.self/softmax', 'enc.0.self/weighted-sum', 'enc.0.self/concat', 'enc.0.add-norm1', 'enc.0.ffn', 'dec.0.cross/scores', 'dec.0.add-norm3', 'output']) {
      expect(scopes.has(s), s).toBe(true);
    }
    expect((await records).every((r) => r.scope !== '' || r.kernel === 'fill')).toBe(true);
  });
});
