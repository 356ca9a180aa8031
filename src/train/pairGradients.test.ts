// The gradient dump's computation (pairGradients.ts) on a tiny model, CPU engine:
// - its loss is shared/docs/checkpoint.md's "Loss", written out here term by term in float64
//   from the logits of a plain forward pass, for ε = 0.1 and ε = 0;
// - its gradients are the engine's backward (forwardBackward into the arena) and agree with
//   central finite differences of that same hand-written loss;
// - a pair is refused, naming the side and the words, when a vocabulary lacks a word.
import { describe, expect, it } from 'vitest';
import { Vocab } from '../data/vocab';
import { createCpuBackend } from '../engine/cpu';
import { parseCheckpoint, serializeCheckpoint } from '../model/checkpoint';
import { parameterEntries } from '../model/parameters';
import { TINY_CONFIG, TINY_VOCAB, tinyModel } from '../model/testing/tiny';
import type { Transformer } from '../model/transformer';
import { Translator } from '../model/translator';
import { jitterParameters } from './gradientTesting';
import { gradientsInFileOrder, l2Norm, pairBatch, PairError, pairGradients, tokenizePair } from './pairGradients';
import { forwardBackward, type TrainBatch } from './step';

// TINY_VOCAB is { src: 9, tgt: 11 }: the four specials, then 5 and 7 words.
const SRC_WORDS = ['the', 'cat', 'sat', 'dog', '.'];
const TGT_WORDS = ['猫', '坐', '了', '。', '狗', '跑', '吗'];
const vocabs = { src: Vocab.fromWords(SRC_WORDS), tgt: Vocab.fromWords(TGT_WORDS) };
const INFO = { vocabs, maxLen: TINY_CONFIG.maxLen };

async function setup() {
  const be = createCpuBackend();
  const model = tinyModel(be, {}, 13);
  await jitterParameters(model, 5); // biases ≠ 0 and γ ≠ 1, so every term of the gradient counts
  const { src, tgt } = tokenizePair('The cat sat.', '猫 坐 了 。');
  return { be, model, batch: pairBatch(INFO, src, tgt) };
}

/** The documented loss, from the logits of a forward pass without tape, in float64 on the host. */
async function documentedLoss(model: Transformer, batch: TrainBatch, eps: number): Promise<number> {
  const { be } = model;
  const logits = be.scope(() => {
    const ctx = model.context();
    return model.decode(ctx, model.encode(ctx, batch), batch); // (T, V)
  });
  const data = await be.read(logits);
  be.dispose(logits);
  const V = model.vocab.tgt;
  let sum = 0;
  let count = 0;
  for (let r = 0; r < batch.tgtOut.length; r++) {
    if (batch.tgtOut[r] === 0) continue;
    const row = Array.from({ length: V }, (_, v) => data[r * V + v]);
    const max = Math.max(...row);
    const logZ = max + Math.log(row.reduce((s, x) => s + Math.exp(x - max), 0));
    const nll = (v: number) => logZ - row[v]; // −log p(v)
    let uniform = 0;
    for (let v = 0; v < V; v++) uniform += nll(v);
    sum += (1 - eps) * nll(batch.tgtOut[r]) + eps * (1 / V) * uniform;
    count++;
  }
  return sum / count;
}

describe('pairBatch', () => {
  it('lays one pair out as the Loss section says: source + <eos>; <bos> y₁…y_T in, y₁…y_T <eos> out', () => {
    const { src, tgt } = tokenizePair('The cat sat.', '猫 坐 了 。');
    expect(src).toEqual(['the', 'cat', 'sat', '.']); // lowercased, punctuation split, as translate reads it
    const b = pairBatch(INFO, src, tgt);
    const s = (w: string) => vocabs.src.id(w);
    const t = (w: string) => vocabs.tgt.id(w);
    expect(Array.from(b.srcIds)).toEqual([s('the'), s('cat'), s('sat'), s('.'), 2]);
    expect(Array.from(b.tgtIn)).toEqual([1, t('猫'), t('坐'), t('了'), t('。')]);
    expect(Array.from(b.tgtOut)).toEqual([t('猫'), t('坐'), t('了'), t('。'), 2]);
    expect([b.batch, b.srcLen, b.tgtLen, b.nTokens]).toEqual([1, 5, 5, 5]);
  });

  it('refuses unknown words (naming side and words), empty sides and over-long sides', () => {
    const refusal = (src: string, tgt: string) => {
      try {
        const p = tokenizePair(src, tgt);
        pairBatch(INFO, p.src, p.tgt);
      } catch (e) {
        expect(e).toBeInstanceOf(PairError);
        return { problem: (e as PairError).problem, message: (e as Error).message };
      }
      throw new Error('not refused');
    };
    const a = refusal('the cat purred .', '猫 坐 了 。');
    expect(a.problem).toEqual({ code: 'unknown-words', side: 'src', words: ['purred'] });
    expect(a.message).toMatch(/unknown source word "purred"/);
    const b = refusal('the cat sat .', '猫 坐 了 。 狗狗 喵 狗狗');
    expect(b.problem).toEqual({ code: 'unknown-words', side: 'tgt', words: ['狗狗', '喵'] });
    expect(b.message).toMatch(/unknown target words "狗狗", "喵"/);
    // A special typed as a word is not a word.
    expect(refusal('the cat', '猫 <eos>').problem).toEqual({ code: 'unknown-words', side: 'tgt', words: ['<eos>'] });
    expect(refusal('  ', '猫').problem).toEqual({ code: 'empty', side: 'src' });
    expect(refusal('the cat', ' ').problem).toEqual({ code: 'empty', side: 'tgt' });
    // maxLen 10: 9 source words + <eos> fit, 10 do not; the same for <bos> + target words.
    expect(() => pairBatch(INFO, Array(9).fill('cat'), ['猫'])).not.toThrow();
    expect(refusal(Array(10).fill('cat').join(' '), '猫').problem).toEqual({ code: 'too-long', side: 'src', length: 11, max: 10 });
    expect(refusal('cat', Array(10).fill('猫').join(' ')).problem).toEqual({ code: 'too-long', side: 'tgt', length: 11, max: 10 });
  });
});

describe('pairGradients', () => {
  it('reports the documented loss (mean over the T + 1 positions), for ε = 0.1 and ε = 0', async () => {
    const { model, batch } = await setup();
    for (const eps of [0.1, 0]) {
      const r = await pairGradients(model, batch, { labelSmoothing: eps });
      const expected = await documentedLoss(model, batch, eps);
      expect(r.nTokens).toBe(5);
      expect(Math.abs(r.loss - expected)).toBeLessThan(1e-6 * expected);
      expect(r.lossSum / r.nTokens).toBe(r.loss);
    }
    // The default is ε = 0.1, and the two values really differ.
    const def = await pairGradients(model, batch);
    expect(def.loss).toBe((await pairGradients(model, batch, { labelSmoothing: 0.1 })).loss);
    expect(Math.abs(def.loss - (await pairGradients(model, batch, { labelSmoothing: 0 })).loss)).toBeGreaterThan(1e-3);
    await expect(pairGradients(model, batch, { labelSmoothing: 1 })).rejects.toThrow(RangeError);
  });

  it("returns every parameter's gradient, the engine backward's own (forwardBackward into the arena)", async () => {
    const { be, model, batch } = await setup();
    const r = await pairGradients(model, batch, { labelSmoothing: 0.1 });
    const entries = parameterEntries(model.config, model.vocab);
    expect([...r.grads.keys()]).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(r.shapes.get(e.name)).toEqual(e.shape);
    // A second, independent pass straight through the training step's backward.
    be.fill(model.arena.grads, 0);
    be.scope(() => forwardBackward(model, batch, { labelSmoothing: 0.1, dropout: 0 }, 0, 1));
    for (const e of entries) {
      const g = r.grads.get(e.name)!;
      expect(g.length).toBe(e.shape.reduce((a, b) => a * b, 1));
      expect(Array.from(g)).toEqual(Array.from(await be.read(model.arena.grad(e.name))));
    }
    // Not vacuous: the output layer, the embeddings of the words used and the encoder all move.
    for (const name of ['out.weight', 'tgt_embed.weight', 'src_embed.weight', 'enc.0.ffn.w1.weight']) {
      expect(l2Norm(r.grads.get(name)!)).toBeGreaterThan(1e-3);
    }
  });

  it('agrees with central finite differences of the documented loss', async () => {
    const { be, model, batch } = await setup();
    const eps = 0.1;
    const { grads } = await pairGradients(model, batch, { labelSmoothing: eps });
    // Float32 weights and logits: h = 5e-3 keeps the rounding error of the difference
    // (~1e-7 / h) and the truncation error (~h²) near 1e-5. Measured: |fd − g| ≤ 3e-5 and at
    // most 1.4e-4·|g| on these entries, so 5e-5 + 1e-3·|g| passes them with room while a
    // gradient off by 1% fails on every entry tested (all ≥ 1e-2).
    const h = 5e-3;
    let checked = 0;
    for (const name of ['out.weight', 'dec.0.cross_attn.wv.weight', 'enc.0.ln1.gamma', 'src_embed.weight']) {
      const g = grads.get(name)!;
      // The three largest entries of each tensor (each ≥ 1e-2 in size, asserted below).
      const picks = Array.from(g.keys())
        .sort((a, b) => Math.abs(g[b]) - Math.abs(g[a]))
        .slice(0, 3);
      const param = model.arena.param(name);
      const w = Float32Array.from(await be.read(param));
      for (const i of picks) {
        const at = async (delta: number) => {
          const v = Float32Array.from(w);
          v[i] += delta;
          be.write(param, v);
          return documentedLoss(model, batch, eps);
        };
        const fd = ((await at(h)) - (await at(-h))) / (2 * h);
        be.write(param, w);
        expect(Math.abs(g[i])).toBeGreaterThan(1e-2);
        expect(Math.abs(fd - g[i]), `${name}[${i}]: finite difference ${fd}, backward ${g[i]}`).toBeLessThan(5e-5 + 1e-3 * Math.abs(g[i]));
        checked++;
      }
    }
    expect(checked).toBe(12);
  });
});

describe('gradientsInFileOrder', () => {
  it("puts the rows and columns indexed by the vocabulary back in a file's own order", async () => {
    const { be, model, batch } = await setup();
    const weights = await model.getWeights();
    const tokens = { src: vocabs.src.toJSON(), tgt: vocabs.tgt.toJSON() };
    // The file lists <pad> and <unk> last on both sides: its rows/columns are permuted to match.
    const fileOrder = (list: string[]) => [...list.filter((t) => t !== '<pad>' && t !== '<unk>'), '<pad>', '<unk>'];
    const file = { src: fileOrder(tokens.src), tgt: fileOrder(tokens.tgt) };
    const D = TINY_CONFIG.dModel;
    const V = TINY_VOCAB.tgt;
    const rows = (w: Float32Array, from: string[], to: string[]) => {
      const out = new Float32Array(w.length);
      to.forEach((tok, j) => out.set(w.subarray(from.indexOf(tok) * D, (from.indexOf(tok) + 1) * D), j * D));
      return out;
    };
    const cols = (w: Float32Array, width: number) => {
      const out = new Float32Array(w.length);
      for (let r = 0; r < w.length / width; r++) file.tgt.forEach((tok, j) => (out[r * width + j] = w[r * width + tokens.tgt.indexOf(tok)]));
      return out;
    };
    const fileWeights = new Map(weights);
    fileWeights.set('src_embed.weight', rows(weights.get('src_embed.weight')!, tokens.src, file.src));
    fileWeights.set('tgt_embed.weight', rows(weights.get('tgt_embed.weight')!, tokens.tgt, file.tgt));
    fileWeights.set('out.weight', cols(weights.get('out.weight')!, V));
    fileWeights.set('out.bias', cols(weights.get('out.bias')!, V));
    const text = serializeCheckpoint({ config: model.config, vocab: file, dataset: '', meta: {}, variant: model.variant, weights: fileWeights });
    const loaded = Translator.fromCheckpoint(be, parseCheckpoint(text));
    expect(loaded.vocabs.src.toJSON()).toEqual(tokens.src); // the loader put the specials first again

    const expected = await pairGradients(model, batch);
    const got = await pairGradients(loaded.model, batch);
    expect(got.loss).toBe(expected.loss);
    const inFile = gradientsInFileOrder(got.grads, file, D);
    expect(Array.from(inFile.get('src_embed.weight')!)).toEqual(Array.from(rows(expected.grads.get('src_embed.weight')!, tokens.src, file.src)));
    expect(Array.from(inFile.get('tgt_embed.weight')!)).toEqual(Array.from(rows(expected.grads.get('tgt_embed.weight')!, tokens.tgt, file.tgt)));
    expect(Array.from(inFile.get('out.weight')!)).toEqual(Array.from(cols(expected.grads.get('out.weight')!, V)));
    expect(Array.from(inFile.get('out.bias')!)).toEqual(Array.from(cols(expected.grads.get('out.bias')!, V)));
    expect(inFile.get('enc.0.attn.wq.weight')).toBe(got.grads.get('enc.0.attn.wq.weight'));
    // Without the mapping the rows really are in another order.
    expect(Array.from(got.grads.get('out.bias')!)).not.toEqual(Array.from(inFile.get('out.bias')!));
    // A file already in the loader's order maps to itself.
    expect(gradientsInFileOrder(got.grads, tokens, D).get('out.weight')).toBe(got.grads.get('out.weight'));
  });
});
