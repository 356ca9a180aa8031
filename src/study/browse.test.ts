import { describe, expect, it } from 'vitest';
import { filterCards, tagCounts } from './browse';
import { DECK } from './cards';
import { applyReviews, T0 } from './testing';

const ids = (filter: Parameters<typeof filterCards>[1], progress?: Parameters<typeof filterCards>[2]) =>
  filterCards(DECK, filter, progress).map((c) => c.id);

describe('browse', () => {
  it('returns the whole deck, in order, for an empty filter', () => {
    expect(ids({})).toEqual(DECK.map((c) => c.id));
  });

  it('filters by topic, section, kind, difficulty and tag', () => {
    expect(ids({ topics: [15] })).toEqual(['c15-why-scale', 'c15-variance', 'c15-predict-no-scaling']);
    expect(filterCards(DECK, { sections: ['H'] }).every((c) => c.topic === 48)).toBe(true);
    expect(filterCards(DECK, { kinds: ['predict'] }).every((c) => c.experiment !== undefined || c.compare !== undefined)).toBe(true);
    expect(ids({ kinds: ['practice'] })).toEqual(['h48-explain-self-attention', 'h48-explain-transformer']);
    expect(filterCards(DECK, { difficulties: [3] }).every((c) => c.difficulty === 3)).toBe(true);
    expect(ids({ tags: ['kv-cache'] })).toEqual(['f37-kv-cache', 'f37-cache-size', 'f37-mask-at-inference']);
    expect(ids({ sections: ['C'], kinds: ['cloze'], topics: [14] })).toEqual(['c14-formula', 'c14-softmax-axis']);
  });

  it('searches English and Chinese text, case- and width-insensitively, all words required', () => {
    expect(ids({ text: 'LayerNorm BatchNorm' })).toContain('e28-ln-vs-bn');
    expect(ids({ text: 'layernorm batchnorm' })).toEqual(ids({ text: 'ＬａｙｅｒＮｏｒｍ BatchNorm' }));
    expect(ids({ text: '层归一化' })).toContain('e27-layernorm-axis');
    expect(ids({ text: '束搜索' })).toContain('f35-beam-search');
    expect(ids({ text: 'label smoothing 0.1' })).toContain('f38-smoothing-value');
    expect(ids({ text: 'attention zebra' })).toEqual([]);
  });

  it('searches one language when asked: Chinese words only in Chinese texts, English words only in English ones', () => {
    const both = ids({ text: '缩放' });
    expect(both.length).toBeGreaterThan(0);
    expect(ids({ text: '缩放', textLanguage: 'zh' })).toEqual(both);
    expect(ids({ text: '缩放', textLanguage: 'en' })).toEqual([]);

    // "softmax" is written in Latin letters in Chinese answers too: each language finds its own.
    const en = filterCards(DECK, { text: 'softmax', textLanguage: 'en' });
    const zh = filterCards(DECK, { text: 'softmax', textLanguage: 'zh' });
    expect(en.length).toBeGreaterThan(0);
    expect(zh.length).toBeGreaterThan(0);
    for (const card of en) expect(`${card.question.en} ${card.answer.en} ${card.cloze?.text.en ?? ''} ${card.formula ?? ''} ${card.tags} ${card.id}`.toLowerCase()).toContain('softmax');
    for (const card of zh) expect(`${card.question.zh} ${card.answer.zh} ${card.cloze?.text.zh ?? ''}`.toLowerCase()).toContain('softmax');
    expect(ids({ text: 'SOFTMAX', textLanguage: 'en' })).toEqual(en.map((c) => c.id));

    // A cloze answer counts for its own script; the other filters still apply.
    expect(ids({ text: '编码器', textLanguage: 'zh', kinds: ['cloze'] })).toContain('d23-kv-source');
    expect(filterCards(DECK, { text: 'key', textLanguage: 'en', kinds: ['cloze'] }).every((c) => c.kind === 'cloze')).toBe(true);
    expect(ids({ text: '   ', textLanguage: 'zh' })).toHaveLength(DECK.length);
  });

  it('searches topic titles and tags too', () => {
    expect(ids({ text: '暴露偏差' })).toContain('f36-exposure-bias');
    expect(ids({ text: 'rope' })).toContain('b10-rope');
  });

  it('filters by mastery when given progress', () => {
    const h = applyReviews([{ cardId: 'a1-core-idea', grade: 'good', at: T0 }]);
    expect(ids({ mastery: ['learning'] }, h.progress)).toEqual(['a1-core-idea']);
    expect(ids({ mastery: ['new'] }, h.progress)).toHaveLength(DECK.length - 1);
  });

  it('counts tags, most used first', () => {
    const counts = tagCounts(DECK);
    expect(counts[0].count).toBeGreaterThanOrEqual(counts[counts.length - 1].count);
    expect(counts.find((t) => t.tag === 'attention')!.count).toBe(DECK.filter((c) => c.tags.includes('attention')).length);
  });
});
