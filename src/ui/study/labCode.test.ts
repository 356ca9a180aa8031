// Every card that points into the lab's code finds each of its symbols in that file, and the
// excerpt the Study view shows holds them, with a line of context and merged neighbours.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECK } from '../../study';
import { codeExcerpts, missingSymbols } from './labCode';

describe('lab code excerpts', () => {
  it('takes the lines holding the symbols, one line either side, and merges near ranges', () => {
    const source = ['a', 'b', 'x = scores()', 'c', 'd', 'e', 'f', 'y = softmax()', 'g', 'z = softmax()', 'h'].join('\n');
    expect(codeExcerpts(source, ['scores', 'softmax'])).toEqual([
      { from: 2, lines: ['b', 'x = scores()', 'c'] },
      { from: 7, lines: ['f', 'y = softmax()', 'g', 'z = softmax()', 'h'] },
    ]);
    expect(codeExcerpts(source, ['nothing'])).toEqual([]);
  });

  const cards = DECK.filter((c) => c.labCode);
  it('some cards point into the lab’s code', () => expect(cards.length).toBeGreaterThan(0));
  for (const card of cards) {
    it(`${card.id}: ${card.labCode!.path} holds every symbol, and the excerpt shows them`, () => {
      expect(card.labCode!.path).toMatch(/^src\/model\/[^/]+\.ts$/); // the files the view bundles
      const source = readFileSync(card.labCode!.path, 'utf8');
      expect(missingSymbols(source, card.labCode!.symbols)).toEqual([]);
      const shown = codeExcerpts(source, card.labCode!.symbols).flatMap((e) => e.lines).join('\n');
      for (const s of card.labCode!.symbols) expect(shown).toContain(s);
    });
  }
});
