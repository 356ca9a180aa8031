// The shipped decoder-only and encoder-only checkpoints: they load as their family, stay under
// 1 MB, and meet their quality on a small fresh sample from a seed never used in training
// (training seed 1, validation 1 + 1_000_003, the README's measurement 424_242): prompted
// translation ≥ 98% exact; masked words within reach of the best possible (the exact posterior
// of the toy language, data/toyPosterior.ts — many masked words are not determined by the rest).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { generateToyCorpus } from '../data/toyGenerator';
import { maskedStream, maskSeed } from '../data/families';
import { optimalMaskScores } from '../data/toyPosterior';
import { parseCheckpoint } from '../model/checkpoint';
import { LanguageModel } from '../model/languageModel';
import { MaskedLanguageModel } from '../model/maskedLanguageModel';
import { evaluateLm, evaluateMlm } from './familyEval';

const DECODER = 'public/checkpoints/en-zh-decoder.json';
const ENCODER = 'public/checkpoints/en-encoder-mlm.json';
const FRESH_SEED = 777;

const examples: Array<[string, string]> = [
  ['the cat sat .', '猫 坐 了 。'],
  ['i ate the apple yesterday .', '我 昨天 吃 了 苹果 。'],
  ['she did not read my letter in the library .', '她 在 图书馆 没 读 我 的 信 。'],
  ['did the big dog drink the water at home last night ?', '大 狗 昨晚 在 家 喝 了 水 吗 ？'],
  ['my big dog did not wash my big car in the park last night .', '我 的 大 狗 昨晚 在 公园 没 洗 我 的 大 车 。'],
];

describe('the shipped decoder-only checkpoint', () => {
  const cp = parseCheckpoint(readFileSync(DECODER, 'utf8'));
  const lm = LanguageModel.fromCheckpoint(createCpuBackend(), cp);

  it('is a decoder-only model under 1 MB', () => {
    expect(cp.config.family).toBe('decoder');
    expect(cp.config.nEncoderLayers).toBe(0);
    expect(readFileSync(DECODER).length).toBeLessThan(1024 * 1024);
  });

  for (const [en, zh] of examples) {
    it(`translates “${en}” by prompting, the same with and without the KV cache`, async () => {
      const p = lm.prepare(en);
      if (!p.ok) throw new Error(`refused: ${p.error.code}`);
      const g = await lm.generate(p.prompt);
      expect(g.text).toBe(zh);
      expect((await lm.generate(p.prompt, { cache: false })).ids).toEqual(g.ids);
    });
  }

  it('prompted translation of 100 fresh sentences: ≥ 98% exact', async () => {
    const fresh = generateToyCorpus(FRESH_SEED, 100);
    const r = await evaluateLm(lm.model, fresh, lm.vocab);
    expect(r.exactMatch).toBeGreaterThanOrEqual(0.98);
    // The batched evaluation (prompts grouped by length) gives what one sentence alone gives.
    const p = lm.prepare(fresh[0].en.join(' '));
    if (!p.ok) throw new Error('refused');
    expect((await lm.generate(p.prompt)).tokens).toEqual(r.hypotheses[0]);
  });
});

describe('the shipped encoder-only checkpoint', () => {
  const cp = parseCheckpoint(readFileSync(ENCODER, 'utf8'));
  const mlm = MaskedLanguageModel.fromCheckpoint(createCpuBackend(), cp);

  it('is an encoder-only model under 1 MB', () => {
    expect(cp.config.family).toBe('encoder');
    expect(cp.config.nDecoderLayers).toBe(0);
    expect(readFileSync(ENCODER).length).toBeLessThan(1024 * 1024);
  });

  it('fills what the rest determines, and offers the possible words where it does not', async () => {
    const fill = async (text: string) => {
      const p = mlm.prepare(text);
      if (!p.ok) throw new Error(`refused: ${p.error.code}`);
      return (await mlm.fill(p.input)).masks.map((m) => m.top.map((x) => x.token));
    };
    expect((await fill('the cat sat <mask>'))[0][0]).toBe('.');
    expect((await fill('<mask> the cat sit in the park ?'))[0][0]).toBe('did');
    expect((await fill('she did <mask> read my letter .'))[0][0]).toBe('not');
    const subjects = (await fill('the <mask> sat .'))[0];
    for (const t of subjects) expect(['cat', 'dog', 'bird', 'teacher', 'student', 'doctor']).toContain(t);
  });

  it('masked words of 300 fresh sentences: loss within 0.05 nats of the least possible, top-1 and top-5 within 3 points of the best', async () => {
    const vocab = mlm.vocab;
    const items = [...maskedStream(generateToyCorpus(FRESH_SEED, 300), vocab, maskSeed(FRESH_SEED), { allMask: true })];
    const r = await evaluateMlm(mlm.model, items); // loss without smoothing: mean −ln p(original word)
    const best = optimalMaskScores(items, vocab.tokens.slice(5));
    expect(best.n).toBe(r.n);
    // The loss is the steady measure; top-k also depends on how ties among equally likely words fall.
    expect(r.loss).toBeLessThanOrEqual(best.logLoss + 0.05);
    expect(r.top5).toBeGreaterThanOrEqual(best.top5 - 0.03);
    expect(r.top1).toBeGreaterThanOrEqual(best.top1 - 0.03);
  });
});
