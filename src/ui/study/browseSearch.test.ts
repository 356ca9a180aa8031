import { describe, expect, it } from 'vitest';
import { DECK } from '../../study';
import { browseCards } from './browseSearch';

describe('browse search', () => {
  it('finds Chinese words only when Chinese is searched', () => {
    const both = browseCards(DECK, { text: '缩放' });
    expect(both.length).toBeGreaterThan(0);
    expect(browseCards(DECK, { text: '缩放', textLanguage: 'zh' })).toEqual(both);
    expect(browseCards(DECK, { text: '缩放', textLanguage: 'en' })).toEqual([]);
  });

  it('limits an English word to English texts', () => {
    // "softmax" is written in Latin letters in the Chinese answers too.
    const en = browseCards(DECK, { text: 'softmax', textLanguage: 'en' });
    const zh = browseCards(DECK, { text: 'softmax', textLanguage: 'zh' });
    expect(en.length).toBeGreaterThan(0);
    for (const card of zh) expect(`${card.question.zh}${card.answer.zh}${card.cloze?.text.zh ?? ''}`.toLowerCase()).toContain('softmax');
    expect(browseCards(DECK, { text: 'SOFTMAX', textLanguage: 'en' })).toEqual(en);
  });

  it('combines the text with the other filters', () => {
    const cloze = browseCards(DECK, { text: 'key', textLanguage: 'en', kinds: ['cloze'] });
    expect(cloze.length).toBeGreaterThan(0);
    expect(cloze.every((c) => c.kind === 'cloze')).toBe(true);
    expect(browseCards(DECK, { text: '   ' })).toHaveLength(DECK.length);
  });
});
