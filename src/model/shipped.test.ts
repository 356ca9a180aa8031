// The checkpoint the app ships: it loads, and it translates the examples of
// en-zh-grammar.md exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { parseCheckpoint } from './checkpoint';
import { Translator } from './translator';

const examples: Array<[string, string]> = [
  ['the cat sat .', '猫 坐 了 。'],
  ['i ate the apple yesterday .', '我 昨天 吃 了 苹果 。'],
  ['she did not read my letter in the library .', '她 在 图书馆 没 读 我 的 信 。'],
  ['did the big dog drink the water at home last night ?', '大 狗 昨晚 在 家 喝 了 水 吗 ？'],
  ['my big dog did not wash my big car in the park last night .', '我 的 大 狗 昨晚 在 公园 没 洗 我 的 大 车 。'],
];

describe('the shipped checkpoint', () => {
  const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
  const tr = Translator.fromCheckpoint(createCpuBackend(), cp);

  it('is the documented default model, under 1 MB', () => {
    expect(cp.dataset).toBe('en-zh-toy');
    expect(cp.config.norm).toBe('post');
    expect(readFileSync('public/checkpoints/en-zh-toy.json').length).toBeLessThan(1024 * 1024);
  });

  for (const [en, zh] of examples) {
    it(`translates “${en}”`, async () => {
      const p = tr.prepare(en);
      if (!p.ok) throw new Error(`refused: ${p.error.code}`);
      expect((await tr.translate(p.source)).text).toBe(zh);
      expect((await tr.translate(p.source, { beam: 3 })).text).toBe(zh);
    });
  }

  it('reports unknown words by position', async () => {
    const p = tr.prepare('the zebra sat .');
    expect(p.ok && p.source.unknown).toEqual([1]);
  });
});
