// The predict cards checked in the compare view promise what it shows: their claims hold on
// the three shipped models, computed here on the CPU engine as the view computes them.
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../data/lexicon';
import { translateToy } from '../../data/toyTranslate';
import { cardById } from '../../study';
import { maskedCells } from '../stages/shared/attention';
import { familyResult } from '../stages/familyTesting';
import { compareRequest } from './compareData';

describe('predict cards seen in the compare view', () => {
  it('a3-predict-last-word: the encoder masks nothing, the decoder’s <bos> row puts all its weight on itself', async () => {
    const card = cardById('a3-predict-last-word')!;
    const text = card.compare!.text!;
    const enc = await familyResult('encoder', compareRequest({ text, mask: card.compare!.mask }).encoder);
    const dec = await familyResult('decoder', text);
    for (let l = 0; l < enc.config.nEncoderLayers; l++) {
      for (let h = 0; h < enc.config.nHeads; h++) {
        const masked = maskedCells(enc.trace, `enc.${l}.self.masked`, h);
        const n = enc.prepared.tokens.length + 1;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(masked(i, j)).toBe(false);
      }
    }
    for (let l = 0; l < dec.config.nDecoderLayers; l++) {
      for (let h = 0; h < dec.config.nHeads; h++) {
        const w = dec.trace.matrix(`dec.${l}.self.weights`, h);
        expect(w[0][0]).toBeCloseTo(1, 6);
        const last = (dec.promptLength ?? 0) - 2; // the prompt's last word (before <sep>)
        expect(w[last].slice(last + 1).every((x) => x === 0)).toBe(true);
        expect(w[last].slice(0, last + 1).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    }
  });

  it('g43-predict-fill: the encoder fills a subject noun, the decoder continues with the translation and stops', async () => {
    const card = cardById('g43-predict-fill')!;
    const { text, mask } = card.compare!;
    const enc = await familyResult('encoder', compareRequest({ text: text!, mask }).encoder);
    expect(enc.prepared.tokens).toEqual(['the', '<mask>', 'sat', '.']);
    const best = enc.fill!.masks[0].top[0].token;
    const noun = LEXICON.nouns.find((n) => n.en.length === 1 && n.en[0] === best);
    expect(noun, best).toBeDefined();
    expect(LEXICON.subjectNounClasses).toContain(noun!.cls);
    const dec = await familyResult('decoder', text!);
    expect(dec.translation.finished).toBe(true);
    expect(dec.translation.tokens).toEqual(translateToy(['the', 'cat', 'sat', '.']));
  });
});
