import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { beamScoreBound, beamSearch, gnmtLengthPenalty, greedyDecode, teacherForced, teacherForcingTarget } from './decode';
import { chainModel, nextTokenTable } from './testing/chain';
import { tinyBatch, tinyModel } from './testing/tiny';

const special = { pad: 0, bos: 1, eos: 2 };
const oneSource = { batch: 1, srcLen: 2, srcIds: Int32Array.from([4, 2]), srcMask: Float32Array.from([1, 1]) };

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

describe('decoding length agrees with training', () => {
  // maxLen 6: the longest trainable target has 5 words (decoder input <bos> + 5, output 5 + <eos>).
  const maxLen = 6;
  const longest = [4, 5, 6, 7, 8];

  it('a target of the longest trainable length decodes to completion: greedy (cached, uncached) and beam', async () => {
    const be = createCpuBackend();
    const model = chainModel(be, nextTokenTable(10, [1, ...longest, 2]), { maxLen });
    // The training pair: tgtIn = <bos> + target and tgtOut = target + <eos>, both maxLen long.
    expect(1 + longest.length).toBe(maxLen);
    const { probs } = await teacherForced(model, oneSource, longest, special);
    const argmax = Array.from({ length: maxLen }, (_, t) => topIndex(probs.subarray(t * 10, (t + 1) * 10)));
    expect(argmax).toEqual([...longest, 2]);
    for (const cache of [true, false]) {
      const [r] = await greedyDecode(model, oneSource, { special, cache });
      expect(r.tokens, `cache ${cache}`).toEqual([...longest, 2]);
      expect(r.steps).toHaveLength(maxLen);
    }
    for (const beam of [1, 3]) {
      const [best] = await beamSearch(model, oneSource, { special, beam });
      expect(best.tokens, `beam ${beam}`).toEqual([...longest, 2]);
    }
  });

  it('an output that never ends stops at maxLen tokens, and its teacher-forced pass covers every choice', async () => {
    const be = createCpuBackend();
    const model = chainModel(be, nextTokenTable(10, [1, 4, 5, 4, 5, 4, 5, 4]), { maxLen }); // 4 ↔ 5, no <eos>
    const [cached] = await greedyDecode(model, oneSource, { special });
    const [plain] = await greedyDecode(model, oneSource, { special, cache: false });
    expect(cached.tokens).toEqual([4, 5, 4, 5, 4, 5]);
    expect(plain.tokens).toEqual(cached.tokens);
    const target = teacherForcingTarget(cached.tokens, special.eos, maxLen);
    expect(target).toEqual([4, 5, 4, 5, 4]);
    const { probs } = await teacherForced(model, oneSource, target, special);
    const argmax = Array.from({ length: maxLen }, (_, t) => topIndex(probs.subarray(t * 10, (t + 1) * 10)));
    expect(argmax).toEqual(cached.tokens); // the last position's choice included
    const [beamed] = await beamSearch(model, oneSource, { special, beam: 2 });
    expect(beamed.tokens).toHaveLength(maxLen);
    // A caller's maxSteps lowers the cap but never raises it past maxLen.
    expect((await greedyDecode(model, oneSource, { special, maxSteps: 3 }))[0].tokens).toHaveLength(3);
    expect((await greedyDecode(model, oneSource, { special, maxSteps: 50 }))[0].tokens).toHaveLength(maxLen);
    expect(teacherForcingTarget([4, 5, 2], special.eos, maxLen)).toEqual([4, 5]);
  });
});

describe('beam search', () => {
  const A = 4;
  const B = 5;
  const C = 6;
  const D = 7;
  /** A V = 10 next-token table from rows of probabilities; unnamed tokens share what is left. */
  function table(rows: Record<number, Record<number, number>>): number[][] {
    return Array.from({ length: 10 }, (_, h) => {
      const named = rows[h] ?? { [special.eos]: 0.9 };
      const rest = 1 - Object.values(named).reduce((a, b) => a + b, 0);
      const others = 10 - Object.keys(named).length;
      return Array.from({ length: 10 }, (_, v) => Math.log(named[v] ?? rest / others));
    });
  }

  it("ranks by GNMT's length penalty ((5 + len) / 6)^α", async () => {
    expect(gnmtLengthPenalty(1, 0.6)).toBe(1);
    expect(gnmtLengthPenalty(7, 0.6)).toBeCloseTo(Math.pow(2, 0.6), 12);
    expect(gnmtLengthPenalty(30, 0)).toBe(1);
    const be = createCpuBackend();
    const model = chainModel(be, table({ 1: { [A]: 0.6, [B]: 0.3 }, [A]: { [special.eos]: 0.8 }, [B]: { [special.eos]: 0.9 } }), { maxLen: 6 });
    for (const alpha of [0, 0.6, 1]) {
      const hyps = await beamSearch(model, oneSource, { special, beam: 3, lengthPenalty: alpha });
      for (const h of hyps) expect(h.score).toBeCloseTo(h.logProb / Math.pow((5 + h.tokens.length) / 6, alpha), 9);
      expect(hyps.map((h) => h.score)).toEqual([...hyps.map((h) => h.score)].sort((x, y) => y - x));
    }
    await expect(beamSearch(model, oneSource, { special, beam: 2, lengthPenalty: -1 })).rejects.toThrow(/lengthPenalty/);
  });

  it("accepts <eos> only from a hypothesis's own top-beam candidates", async () => {
    const be = createCpuBackend();
    // From <bos>: A 0.4, B 0.35, then <eos> 0.24 — third, so outside a beam of 2. Finishing there
    // would have scored log 0.24 ≈ −1.43, better than anything that follows.
    const model = chainModel(
      be,
      table({ 1: { [A]: 0.4, [B]: 0.35, [special.eos]: 0.24 }, [A]: { [C]: 0.9, [special.eos]: 0.05 }, [B]: { [C]: 0.9, [special.eos]: 0.05 }, [C]: { [special.eos]: 0.5, [D]: 0.45 }, [D]: { [special.eos]: 0.95 } }),
      { maxLen: 6 },
    );
    const hyps = await beamSearch(model, oneSource, { special, beam: 2 });
    expect(hyps.some((h) => h.tokens.length === 1)).toBe(false);
    expect(hyps[0].tokens).toEqual([A, C, special.eos]);
    expect(hyps[0].score).toBeLessThan(Math.log(0.24));
    // With a beam of 3, <eos> is among <bos>'s own top 3 and wins.
    expect((await beamSearch(model, oneSource, { special, beam: 3 }))[0].tokens).toEqual([special.eos]);
  });

  it('does not stop while a live hypothesis can still beat a finished one under length normalisation', async () => {
    const be = createCpuBackend();
    const alpha = 1;
    const rows = { 1: { [special.eos]: 0.3, [A]: 0.28 }, [A]: { [B]: 0.78, [special.eos]: 0.15 }, [B]: { [special.eos]: 0.99, [C]: 0.005 } };
    const model = chainModel(be, table(rows), { maxLen: 6 });
    const lp = (n: number) => gnmtLengthPenalty(n, alpha);
    // After two steps, beam 2: finished <eos> (−1.20) and A <eos>; live A B. A B's score now
    // (log p / lp(2)) is below <eos>'s, so "every live score is below the best finished" would
    // stop here — but lp grows with length, and A B <eos> scores better one step later.
    const eosFirst = Math.log(0.3);
    const ab = Math.log(0.28) + Math.log(0.78);
    expect(ab / lp(2)).toBeLessThan(eosFirst);
    expect(beamScoreBound(ab, 6, alpha)).toBeGreaterThan(eosFirst);
    const hyps = await beamSearch(model, oneSource, { special, beam: 2, lengthPenalty: alpha });
    expect(hyps.map((h) => h.tokens)).toEqual([[A, B, special.eos], [special.eos]]);
    expect(hyps[0].score).toBeCloseTo((ab + Math.log(0.99)) / lp(3), 4);
    expect(hyps[0].score).toBeGreaterThan(eosFirst);
  });

  it('its bound holds: no completion of a live hypothesis scores above beamScoreBound', () => {
    for (const alpha of [0, 0.6, 1, 2]) {
      for (const logProb of [0, -0.5, -3]) {
        for (let len = 1; len <= 9; len++) {
          for (const extra of [0, -0.1, -2]) {
            for (let m = len + 1; m <= 10; m++) {
              expect((logProb + extra) / gnmtLengthPenalty(m, alpha)).toBeLessThanOrEqual(beamScoreBound(logProb, 10, alpha) + 1e-12);
            }
          }
        }
      }
    }
  });
});

function topIndex(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
  return best;
}

describe('dispatch scopes', () => {
  async function forwardScopes(fuse: boolean): Promise<Set<string>> {
    const be = createCpuBackend();
    const model = tinyModel(be, {}, 3);
    const b = tinyBatch(1, 5, 3, 4);
    const { records } = be.recordDispatches(() =>
      be.scope(() => {
        const ctx = model.context({ fuse });
        model.decode(ctx, model.encode(ctx, b), b);
      }),
    );
    expect((await records).every((r) => r.scope !== '' || r.kernel === 'fill')).toBe(true);
    return new Set((await records).map((r) => r.scope));
  }

  it('label every forward kernel with the part of the model it serves (each stage its own kernels)', async () => {
    const scopes = await forwardScopes(false);
    for (const s of ['src.embed', 'enc.0.self/qkv', 'enc.0.self/scores', 'enc.0.self/softmax', 'enc.0.self/weighted-sum', 'enc.0.self/concat', 'enc.0.add-norm1', 'enc.0.ffn', 'dec.0.cross/scores', 'dec.0.add-norm3', 'output']) {
      expect(scopes.has(s), s).toBe(true);
    }
  });

  it('the CPU engine never fuses: the same scopes with fuse on', async () => {
    expect([...(await forwardScopes(true))].sort()).toEqual([...(await forwardScopes(false))].sort());
  });
});
