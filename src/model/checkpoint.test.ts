import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { CheckpointError, parseCheckpoint, serializeCheckpoint, type Checkpoint } from './checkpoint';
import { encodeFloat32 } from './base64';
import { TINY_CONFIG, TINY_VOCAB, tinyModel } from './testing/tiny';

const srcVocab = ['<pad>', '<bos>', '<eos>', '<unk>', 'a', 'b', 'c', 'd', 'e'];
const tgtVocab = ['<pad>', '<bos>', '<eos>', '<unk>', '甲', '乙', '丙', '丁', '戊', '己', '庚'];

async function sample(): Promise<Checkpoint> {
  const be = createCpuBackend();
  const model = tinyModel(be);
  expect(srcVocab.length).toBe(TINY_VOCAB.src);
  expect(tgtVocab.length).toBe(TINY_VOCAB.tgt);
  return {
    config: TINY_CONFIG,
    vocab: { src: srcVocab, tgt: tgtVocab },
    dataset: 'test',
    meta: { steps: 1 },
    variant: { scaleScores: true, causalMask: true },
    weights: await model.getWeights(),
  };
}

function refused(text: string, code: string): CheckpointError {
  try {
    parseCheckpoint(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError);
    expect((e as CheckpointError).code).toBe(code);
    return e as CheckpointError;
  }
  throw new Error(`expected the checkpoint to be refused with ${code}`);
}

describe('checkpoint', () => {
  it('round-trips exactly, including the variant', async () => {
    const cp = await sample();
    cp.variant = { scaleScores: false, causalMask: true };
    const back = parseCheckpoint(serializeCheckpoint(cp));
    expect(back.config).toEqual(cp.config);
    expect(back.vocab).toEqual(cp.vocab);
    expect(back.variant).toEqual(cp.variant);
    expect(back.meta.steps).toBe(1);
    for (const [name, w] of cp.weights) expect(Array.from(back.weights.get(name)!)).toEqual(Array.from(w));
  });

  it('loads into a model that computes the same outputs', async () => {
    const cp = await sample();
    const back = parseCheckpoint(serializeCheckpoint(cp));
    const be = createCpuBackend();
    const other = tinyModel(be, {}, 999);
    other.setWeights(back.weights);
    const w = await other.getWeights();
    for (const [name, v] of cp.weights) expect(Array.from(w.get(name)!)).toEqual(Array.from(v));
  });

  it('accepts special tokens anywhere and renumbers them without changing any output', async () => {
    const cp = await sample();
    // Move <bos> (id 1) to the end of the target vocabulary, carrying its weights along.
    const o = JSON.parse(serializeCheckpoint(cp));
    const V = tgtVocab.length;
    const order = [0, ...Array.from({ length: V - 2 }, (_, i) => i + 2), 1]; // new position → old id
    o.vocab.tgt = order.map((i) => tgtVocab[i]);
    const D = TINY_CONFIG.dModel;
    const embed = cp.weights.get('tgt_embed.weight')!;
    o.tensors['tgt_embed.weight'].data = encodeFloat32(Float32Array.from({ length: embed.length }, (_, k) => embed[order[Math.floor(k / D)] * D + (k % D)]));
    const w = cp.weights.get('out.weight')!;
    o.tensors['out.weight'].data = encodeFloat32(Float32Array.from({ length: w.length }, (_, k) => w[Math.floor(k / V) * V + order[k % V]]));
    const b = cp.weights.get('out.bias')!;
    o.tensors['out.bias'].data = encodeFloat32(Float32Array.from(order, (i) => b[i]));
    const back = parseCheckpoint(JSON.stringify(o));
    expect(back.vocab.tgt).toEqual(tgtVocab);
    for (const name of ['tgt_embed.weight', 'out.weight', 'out.bias']) {
      expect(Array.from(back.weights.get(name)!)).toEqual(Array.from(cp.weights.get(name)!));
    }
  });

  describe('refuses broken files and names the problem', async () => {
    const cp = await sample();
    const good = serializeCheckpoint(cp);
    const obj = () => JSON.parse(good);
    const name = 'enc.0.attn.wq.weight';
    const cases: Array<[string, () => string, string, RegExp]> = [
      ['not JSON', () => 'this is { not json', 'not-json', /JSON/],
      ['truncated', () => good.slice(0, Math.floor(good.length / 2)), 'not-json', /JSON/],
      ['wrong format tag', () => JSON.stringify({ ...obj(), format: 'attention-lab/checkpoint@9' }), 'format', /checkpoint@9/],
      ['missing tensor', () => { const o = obj(); delete o.tensors[name]; return JSON.stringify(o); }, 'missing-tensor', new RegExp(name.replace(/\./g, '\\.'))],
      ['unexpected tensor', () => { const o = obj(); o.tensors['enc.9.attn.wq.weight'] = o.tensors[name]; return JSON.stringify(o); }, 'unexpected-tensor', /enc\.9/],
      ['wrong shape', () => { const o = obj(); o.tensors[name].shape = [8, 9]; return JSON.stringify(o); }, 'shape', /\[8,9\]/],
      ['NaN value', () => { const o = obj(); o.tensors[name].data = encodeFloat32(new Float32Array(64).fill(NaN)); return JSON.stringify(o); }, 'not-finite', /non-finite/],
      ['absurd dimensions', () => { const o = obj(); o.config.dModel = 1_000_000; return JSON.stringify(o); }, 'config', /dModel/],
      ['heads not dividing D', () => { const o = obj(); o.config.nHeads = 3; return JSON.stringify(o); }, 'config', /divide/],
      ['missing <unk>', () => { const o = obj(); o.vocab.tgt[3] = 'xyz'; return JSON.stringify(o); }, 'special-token', /<unk>/],
      ['bad base64', () => { const o = obj(); o.tensors[name].data = '@@not base64@@'; return JSON.stringify(o); }, 'base64', /base64/],
      ['base64 of the wrong length', () => { const o = obj(); o.tensors[name].data = encodeFloat32(new Float32Array(5)); return JSON.stringify(o); }, 'length', /expected 64/],
      ['config field of the wrong type', () => { const o = obj(); o.config.activation = 'tanh'; return JSON.stringify(o); }, 'structure', /activation/],
      ['duplicate vocabulary entry', () => { const o = obj(); o.vocab.src[5] = 'a'; return JSON.stringify(o); }, 'vocab', /twice/],
      ['huge file', () => 'x'.repeat(64 * 1024 * 1024 + 1), 'too-large', /limit/],
    ];
    for (const [label, make, code, msg] of cases) {
      it(label, () => {
        const err = refused(make(), code);
        expect(err.message).toMatch(msg);
      });
    }
  });
});
