// The three families on the CPU engine: tensor names exactly as shared/docs/checkpoint.md lists
// them, configs and files of each family checked (and hostile or wrong-family files refused by
// name), trace names shared with the translator where the stage is the same, decoder-only
// generation with and without the KV cache (greedy and sampled) giving the same tokens, and the
// wrappers' input handling.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { CheckpointError, parseCheckpoint, requireFamily, serializeCheckpoint, type Checkpoint } from './checkpoint';
import { checkConfig, type ModelConfig } from './config';
import { greedyDecode } from './decode';
import { generate } from './generate';
import { LanguageModel } from './languageModel';
import { loadModel } from './loadModel';
import { MaskedLanguageModel } from './maskedLanguageModel';
import { parameterEntries } from './parameters';
import { Sampler } from './sampling';
import { TINY_CONFIG, TINY_DECODER_CONFIG, TINY_ENCODER_CONFIG, tinyBatch, tinyFamilyModel, tinyLmBatch, tinyMlmBatch, tinyModel } from './testing/tiny';
import { TraceRecorder } from './trace';
import { Translator } from './translator';
import type { Transformer } from './transformer';

const words = ['the', 'cat', 'dog', 'sat', '.', '猫'];
const decoderVocab = ['<pad>', '<bos>', '<eos>', '<unk>', '<sep>', ...words];
const encoderVocab = ['<pad>', '<bos>', '<eos>', '<unk>', '<mask>', ...words];

async function familyCheckpoint(family: 'decoder' | 'encoder', config: Partial<ModelConfig> = {}): Promise<Checkpoint> {
  const model = tinyFamilyModel(createCpuBackend(), family, config, 5);
  return {
    config: model.config,
    vocab: family === 'decoder' ? { src: [], tgt: decoderVocab } : { src: encoderVocab, tgt: [] },
    dataset: 'test',
    meta: {},
    variant: { scaleScores: true, causalMask: true },
    weights: await model.getWeights(),
  };
}

/** The file's JSON, changed by `edit`, as text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits the file's JSON freely
function edited(cp: Checkpoint, edit: (file: Record<string, any>) => void): string {
  const file = JSON.parse(serializeCheckpoint(cp));
  edit(file);
  return JSON.stringify(file);
}

function refusal(fn: () => unknown): CheckpointError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError);
    return e as CheckpointError;
  }
  throw new Error('expected a refusal');
}

describe('tensor names per family (shared/docs/checkpoint.md)', () => {
  const attn = (p: string) => ['wq', 'wk', 'wv', 'wo'].flatMap((w) => [`${p}.${w}.weight`, `${p}.${w}.bias`]);
  const ln = (p: string) => [`${p}.gamma`, `${p}.beta`];
  const ffn = (p: string) => [`${p}.w1.weight`, `${p}.w1.bias`, `${p}.w2.weight`, `${p}.w2.bias`];

  it('decoder-only: tgt_embed, self-attention + ln1, FFN + ln2 per layer, out; learned positions and ln_f when asked', () => {
    const cfg = { ...TINY_DECODER_CONFIG, nDecoderLayers: 2 };
    const layer = (l: number) => [...attn(`dec.${l}.self_attn`), ...ln(`dec.${l}.ln1`), ...ffn(`dec.${l}.ffn`), ...ln(`dec.${l}.ln2`)];
    expect(parameterEntries(cfg, { src: 0, tgt: 11 }).map((e) => e.name)).toEqual(['tgt_embed.weight', ...layer(0), ...layer(1), 'out.weight', 'out.bias']);
    const pre = parameterEntries({ ...cfg, norm: 'pre', positional: 'learned' }, { src: 0, tgt: 11 });
    expect(pre.map((e) => e.name)).toEqual(['tgt_embed.weight', 'tgt_pos.weight', ...layer(0), ...layer(1), ...ln('dec.ln_f'), 'out.weight', 'out.bias']);
    const shape = (n: string) => pre.find((e) => e.name === n)!.shape;
    expect([shape('tgt_embed.weight'), shape('tgt_pos.weight'), shape('out.weight'), shape('out.bias')]).toEqual([[11, 8], [12, 8], [8, 11], [11]]);
  });

  it('encoder-only: src_embed, the encoder layers, mlm (D, V_src); learned positions and ln_f when asked', () => {
    const layer = [...attn('enc.0.attn'), ...ln('enc.0.ln1'), ...ffn('enc.0.ffn'), ...ln('enc.0.ln2')];
    expect(parameterEntries(TINY_ENCODER_CONFIG, { src: 11, tgt: 0 }).map((e) => e.name)).toEqual(['src_embed.weight', ...layer, 'mlm.weight', 'mlm.bias']);
    const pre = parameterEntries({ ...TINY_ENCODER_CONFIG, norm: 'pre', positional: 'learned' }, { src: 11, tgt: 0 });
    expect(pre.map((e) => e.name)).toEqual(['src_embed.weight', 'src_pos.weight', ...layer, ...ln('enc.ln_f'), 'mlm.weight', 'mlm.bias']);
    expect(pre.find((e) => e.name === 'mlm.weight')!.shape).toEqual([8, 11]);
  });

  it('a config without family is the translator, unchanged', () => {
    expect(parameterEntries(TINY_CONFIG, { src: 9, tgt: 11 })).toEqual(parameterEntries({ ...TINY_CONFIG, family: 'encoder-decoder' }, { src: 9, tgt: 11 }));
  });
});

describe('configs per family', () => {
  const fields = (c: ModelConfig) => checkConfig(c).map((p) => p.field);
  it('the absent stack has 0 layers, the other stays in range', () => {
    expect(fields(TINY_DECODER_CONFIG)).toEqual([]);
    expect(fields(TINY_ENCODER_CONFIG)).toEqual([]);
    expect(fields({ ...TINY_DECODER_CONFIG, nEncoderLayers: 1 })).toEqual(['nEncoderLayers']);
    expect(fields({ ...TINY_DECODER_CONFIG, nDecoderLayers: 0 })).toEqual(['nDecoderLayers']);
    expect(fields({ ...TINY_ENCODER_CONFIG, nDecoderLayers: 2 })).toEqual(['nDecoderLayers']);
    expect(fields({ ...TINY_CONFIG, nEncoderLayers: 0 })).toEqual(['nEncoderLayers']);
    expect(fields({ ...TINY_CONFIG, family: 'gpt' as never })).toContain('family');
  });
});

describe('checkpoints of the other families', () => {
  for (const family of ['decoder', 'encoder'] as const) {
    it(`${family}-only: round-trips, writes its one vocabulary, and loads as its family`, async () => {
      const cp = await familyCheckpoint(family);
      const text = serializeCheckpoint(cp);
      expect(JSON.parse(text).config.family).toBe(family);
      const back = parseCheckpoint(text);
      expect(back.config).toEqual(cp.config);
      expect(back.vocab).toEqual(cp.vocab);
      for (const [n, w] of cp.weights) expect(Array.from(back.weights.get(n)!)).toEqual(Array.from(w));
      const loaded = loadModel(createCpuBackend(), back);
      expect(loaded.family).toBe(family);
    });
  }

  it('a file without family still loads as the translator', () => {
    const text = readShipped();
    expect(JSON.parse(text).config.family).toBeUndefined();
    expect(loadModel(createCpuBackend(), parseCheckpoint(text)).family).toBe('encoder-decoder');
  });

  it('refuses a wrong family where one is required, by name', async () => {
    const be = createCpuBackend();
    const dec = parseCheckpoint(serializeCheckpoint(await familyCheckpoint('decoder')));
    const enc = parseCheckpoint(serializeCheckpoint(await familyCheckpoint('encoder')));
    const tr = parseCheckpoint(readShipped());
    const e1 = refusal(() => Translator.fromCheckpoint(be, dec));
    expect(e1.code).toBe('wrong-family');
    expect(e1.message).toBe('this checkpoint is a decoder-only language model, not an encoder-decoder translator');
    expect(refusal(() => LanguageModel.fromCheckpoint(be, tr)).message).toMatch(/is an encoder-decoder translator, not a decoder-only language model/);
    expect(refusal(() => MaskedLanguageModel.fromCheckpoint(be, dec)).message).toMatch(/is a decoder-only language model, not an encoder-only masked language model/);
    expect(refusal(() => LanguageModel.fromCheckpoint(be, enc)).params).toEqual({ got: 'encoder', want: 'decoder' });
    expect(() => requireFamily(enc, 'encoder')).not.toThrow();
  });

  it('refuses hostile files of the new families with a code and a message naming the problem', async () => {
    const dec = await familyCheckpoint('decoder');
    const enc = await familyCheckpoint('encoder');
    const cases: Array<[string, string, RegExp]> = [
      [edited(dec, (f) => (f.config.family = 'gpt')), 'structure', /config\.family/],
      [edited(dec, (f) => (f.config.nEncoderLayers = 2)), 'config', /nEncoderLayers must be 0 in a decoder-only model/],
      [edited(enc, (f) => (f.config.nDecoderLayers = 1)), 'config', /nDecoderLayers must be 0 in a encoder-only model/],
      [edited(dec, (f) => (f.vocab.src = ['<pad>', '<bos>', '<eos>', '<unk>'])), 'vocab', /vocab\.src must be empty in a decoder-only model/],
      [edited(enc, (f) => (f.vocab.tgt = ['<pad>'])), 'vocab', /vocab\.tgt must be empty in a encoder-only model/],
      [edited(dec, (f) => (f.vocab.tgt[4] = 'sep')), 'special-token', /vocab\.tgt lacks the special token <sep>/],
      [edited(enc, (f) => (f.vocab.src[4] = 'mask')), 'special-token', /vocab\.src lacks the special token <mask>/],
      [edited(dec, (f) => (f.tensors['dec.0.cross_attn.wq.bias'] = f.tensors['dec.0.self_attn.wq.bias'])), 'unexpected-tensor', /dec\.0\.cross_attn\.wq\.bias does not belong/],
      [edited(dec, (f) => (f.tensors['src_embed.weight'] = f.tensors['tgt_embed.weight'])), 'unexpected-tensor', /src_embed\.weight/],
      [edited(enc, (f) => delete f.tensors['mlm.weight']), 'missing-tensor', /mlm\.weight is missing/],
      [edited(enc, (f) => (f.tensors['out.bias'] = f.tensors['mlm.bias'])), 'unexpected-tensor', /out\.bias/],
      [edited(enc, (f) => (f.tensors['mlm.weight'].shape = [11, 8])), 'shape', /mlm\.weight has shape \[11,8\], expected \[8,11\]/],
    ];
    for (const [text, code, message] of cases) {
      const e = refusal(() => parseCheckpoint(text));
      expect(e.code, message.source).toBe(code);
      expect(e.message).toMatch(message);
    }
  });

  it('encoder-only: specials elsewhere in the file are renumbered with the embedding rows and mlm columns, same fills', async () => {
    const cp = await familyCheckpoint('encoder');
    const be = createCpuBackend();
    const plain = MaskedLanguageModel.fromCheckpoint(be, parseCheckpoint(serializeCheckpoint(cp)));
    // Move <bos> (id 1) to the end, carrying its embedding row and mlm column.
    const V = encoderVocab.length;
    const D = cp.config.dModel;
    const order = [0, ...Array.from({ length: V - 2 }, (_, i) => i + 2), 1]; // file id k holds old id order[k]
    const moved: Checkpoint = { ...cp, vocab: { src: order.map((i) => encoderVocab[i]), tgt: [] }, weights: new Map(cp.weights) };
    const emb = cp.weights.get('src_embed.weight')!;
    moved.weights.set('src_embed.weight', Float32Array.from({ length: emb.length }, (_, k) => emb[order[Math.floor(k / D)] * D + (k % D)]));
    const w = cp.weights.get('mlm.weight')!;
    moved.weights.set('mlm.weight', Float32Array.from({ length: w.length }, (_, k) => w[Math.floor(k / V) * V + order[k % V]]));
    const b = cp.weights.get('mlm.bias')!;
    moved.weights.set('mlm.bias', Float32Array.from(order, (i) => b[i]));
    const reordered = MaskedLanguageModel.fromCheckpoint(be, parseCheckpoint(serializeCheckpoint(moved)));
    expect(reordered.vocab.tokens).toEqual(encoderVocab);
    for (const text of ['the <mask> sat .', '<mask> dog <mask> .']) {
      const a = plain.prepare(text);
      const c = reordered.prepare(text);
      if (!a.ok || !c.ok) throw new Error('refused');
      const [fa, fc] = [await plain.fill(a.input), await reordered.fill(c.input)];
      fa.masks.forEach((m, i) => {
        expect(fc.masks[i].top.map((x) => x.token)).toEqual(m.top.map((x) => x.token));
        m.top.forEach((x, k) => expect(fc.masks[i].top[k].prob).toBeCloseTo(x.prob, 6));
      });
    }
  });
});

/** The translator's shipped file: a checkpoint written before families existed. */
const readShipped = (): string => readFileSync('public/checkpoints/en-zh-toy.json', 'utf8');

async function traceNames(model: Transformer, run: (m: Transformer, ctx: ReturnType<Transformer['context']>) => void): Promise<string[]> {
  const rec = new TraceRecorder();
  const ctx = model.context({ trace: rec });
  model.be.scope(() => {
    run(model, ctx);
    return rec.tensors();
  });
  return (await rec.materialize(model.be)).names();
}

describe('trace names: the same as the translator where the stage is the same', () => {
  it('decoder-only: tgt.*, dec.l.self.*, res1/ln1, ffn, res2/ln2, dec.out, logits, probs; nothing of an encoder or cross-attention', async () => {
    const model = tinyFamilyModel(createCpuBackend(), 'decoder');
    const names = await traceNames(model, (m, ctx) => m.forward(ctx, tinyLmBatch(1)));
    const translator = await traceNames(tinyModel(createCpuBackend()), (m, ctx) => m.forward(ctx, tinyBatch(1, 4, 5)));
    for (const n of ['tgt.embed', 'tgt.pos', 'tgt.x', 'dec.0.self.q', 'dec.0.self.masked', 'dec.0.self.weights', 'dec.0.self.out', 'dec.0.res1', 'dec.0.ln1.y', 'dec.0.ffn.hidden', 'dec.0.ffn.out', 'dec.0.res2', 'dec.0.ln2.y', 'dec.out', 'logits', 'probs']) {
      expect(names, n).toContain(n);
    }
    expect(names.filter((n) => /^(src|enc)\.|\.cross\.|res3|ln3/.test(n))).toEqual([]);
    // Every decoder-only name but the FFN's block numbering is a translator name too.
    expect(names.filter((n) => !translator.includes(n))).toEqual([]);
  });

  it('encoder-only: src.*, enc.l.*, enc.out, logits (S, V_src), probs; no tgt.* or dec.*', async () => {
    const model = tinyFamilyModel(createCpuBackend(), 'encoder');
    const batch = tinyMlmBatch(1, 5);
    const rec = new TraceRecorder();
    const ctx = model.context({ trace: rec });
    model.be.scope(() => {
      model.forward(ctx, batch);
      return rec.tensors();
    });
    const trace = await rec.materialize(model.be);
    for (const n of ['src.x', 'enc.0.self.weights', 'enc.0.ln2.y', 'enc.0.ffn.act', 'enc.out']) expect(trace.has(n), n).toBe(true);
    expect(trace.get('logits').shape).toEqual([5, 11]);
    expect(trace.get('probs').shape).toEqual([5, 11]);
    expect(trace.names().filter((n) => /^(tgt|dec)\./.test(n))).toEqual([]);
  });
});

describe('decoder-only generation: KV cache vs the whole sequence every step', () => {
  const prompts = { batch: 2, promptLen: 4, ids: Int32Array.from([1, 5, 6, 4, 1, 7, 8, 4]) };

  for (const cfg of [{}, { norm: 'pre' as const, activation: 'gelu' as const, positional: 'learned' as const }]) {
    it(`same tokens and distributions, greedy and sampled (${cfg.norm ?? 'post'}-norm)`, async () => {
      const model = tinyFamilyModel(createCpuBackend(), 'decoder', cfg, 21);
      for (const sampling of [null, { temperature: 1.5, topK: 0, topP: 1 }, { temperature: 0.8, topK: 4, topP: 0.9 }]) {
        const run = (cache: boolean) => generate(model, prompts, { eos: 2, cache, sampler: sampling ? new Sampler(sampling, 17) : undefined });
        const [cached, plain] = [await run(true), await run(false)];
        expect(cached.map((r) => r.tokens)).toEqual(plain.map((r) => r.tokens));
        cached.forEach((r, b) =>
          r.steps.forEach((s, i) => {
            expect(s.prob).toBe(s.probs[s.token]);
            for (let v = 0; v < s.probs.length; v++) expect(Math.abs(s.probs[v] - plain[b].steps[i].probs[v])).toBeLessThan(1e-6);
          }),
        );
        // The whole sequence stays within maxLen: at most maxLen − P tokens, <eos> included.
        for (const r of cached) expect(r.tokens.length).toBeLessThanOrEqual(12 - 4);
      }
    });
  }

  it('a greedy sampler (T = 0) is the argmax; the translator\'s greedy decode takes a sampler too', async () => {
    const model = tinyFamilyModel(createCpuBackend(), 'decoder', {}, 21);
    const [a] = await generate(model, { ...prompts, batch: 1, ids: prompts.ids.subarray(0, 4) }, { eos: 2 });
    const [g] = await generate(model, { ...prompts, batch: 1, ids: prompts.ids.subarray(0, 4) }, { eos: 2, sampler: new Sampler({ temperature: 0, topK: 0, topP: 1 }, 3) });
    expect(g.tokens).toEqual(a.tokens);
    const tr = tinyModel(createCpuBackend(), {}, 21);
    const b = tinyBatch(2, 5, 2, 8);
    const src = { batch: 2, srcLen: 5, srcIds: b.srcIds, srcMask: b.srcMask };
    const special = { pad: 0, bos: 1, eos: 2 };
    const sampled = (cache: boolean, seed: number) => greedyDecode(tr, src, { special, cache, maxSteps: 8, sampler: new Sampler({ temperature: 2, topK: 0, topP: 1 }, seed) });
    const [x, y, z] = [await sampled(true, 5), await sampled(false, 5), await sampled(true, 6)];
    expect(x.map((r) => r.tokens)).toEqual(y.map((r) => r.tokens));
    const greedy = await greedyDecode(tr, src, { special, maxSteps: 8 });
    expect([x, z].some((r) => JSON.stringify(r.map((q) => q.tokens)) !== JSON.stringify(greedy.map((q) => q.tokens)))).toBe(true);
  });
});

describe('the wrappers read their input', () => {
  it('LanguageModel.prepare: <bos> words <sep>; refuses empty and too-long prompts (room for one token)', async () => {
    const lm = LanguageModel.fromCheckpoint(createCpuBackend(), parseCheckpoint(serializeCheckpoint(await familyCheckpoint('decoder'))));
    const p = lm.prepare('The cat sat.');
    expect(p.ok && p.prompt.ids).toEqual([1, 5, 6, 8, 9, 4]);
    expect(lm.prepare('   ')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(lm.prepare('the the the the the the the the the the')).toEqual({ ok: false, error: { code: 'too-long', length: 12, max: 11 } });
    const ok = lm.prepare('the the the the the the the the the');
    if (!ok.ok) throw new Error('refused');
    const g = await lm.generate(ok.prompt);
    expect(g.ids.length).toBe(1);
    expect(g.steps[0].top5.length).toBe(5);
  });

  it('MaskedLanguageModel.prepare: <mask> in any case at word positions; refuses no mask, empty, too long', async () => {
    const mlm = MaskedLanguageModel.fromCheckpoint(createCpuBackend(), parseCheckpoint(serializeCheckpoint(await familyCheckpoint('encoder'))));
    const p = mlm.prepare('The <MASK> sat<mask>');
    if (!p.ok) throw new Error('refused');
    expect(p.input.tokens).toEqual(['the', '<mask>', 'sat', '<mask>']);
    expect(p.input.masks).toEqual([1, 3]);
    expect(p.input.ids).toEqual([5, 4, 8, 4, 2]);
    expect(mlm.prepare('the cat sat .')).toEqual({ ok: false, error: { code: 'no-mask' } });
    expect(mlm.prepare('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(mlm.prepare('<mask> '.repeat(10)).ok).toBe(false);
    const f = await mlm.fill(p.input);
    expect(f.masks.map((m) => [m.position, m.top.length])).toEqual([[1, 5], [3, 5]]);
    expect(f.filled).toEqual(['the', f.masks[0].top[0].token, 'sat', f.masks[1].top[0].token]);
    const traced = await mlm.trace(p.input);
    expect(traced.masks[0].top).toEqual(f.masks[0].top);
  });
});
