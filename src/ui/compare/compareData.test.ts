// The compare view's data: its URL, the sentence each family reads, the blocks and masks each
// family has, parameter counts by part — and, on real results of the three shipped models, the
// masks drawn are the ones the models recorded.
import { describe, expect, it } from 'vitest';
import { DECODER_CONFIG, DEFAULT_CONFIG, ENCODER_CONFIG } from '../../model/config';
import { parameterBreakdown } from '../../model/parameterCounts';
import { parseHash } from '../common/route';
import { maskedCells } from '../stages/shared/attention';
import { familyResult } from '../stages/familyTesting';
import {
  BLOCK_MASK,
  compareRequest,
  defaultMaskIndex,
  FAMILY_BLOCKS,
  maskAllows,
  maskedSentence,
  maskGrid,
  parameterSummary,
  readCompareParams,
  withColumnPick,
} from './compareData';

const query = (hash: string) => parseHash(hash).route.query;

describe('compare view data', () => {
  it('reads the URL: sentence, masked word, each column’s block, layer and head (a block the family lacks is ignored)', () => {
    const p = readCompareParams(query('#/compare?text=i+ate+the+apple+.&mask=3&ed-block=cross&ed-layer=1&dec-head=2&enc-block=cross'));
    expect(p.text).toBe('i ate the apple .');
    expect(p.mask).toBe(3);
    expect(p.columns['encoder-decoder']).toEqual({ block: 'cross', layer: 1, head: 0 });
    expect(p.columns.decoder).toEqual({ block: 'dec-self', layer: undefined, head: 2 });
    expect(p.columns.encoder.block).toBe('enc-self');
    expect(readCompareParams([]).text).toBe('the cat sat .');
    const q = withColumnPick(query('#/compare?text=a'), 'decoder', 'layer', 1);
    expect(q).toEqual([
      ['text', 'a'],
      ['dec-layer', '1'],
    ]);
  });

  it('masks one word for the encoder-only model (never punctuation), the same sentence for the others', () => {
    expect(defaultMaskIndex(['the', 'cat', 'sat', '.'])).toBe(1);
    expect(defaultMaskIndex(['go', '.'])).toBe(0);
    expect(maskedSentence('The cat sat.', 3)).toMatchObject({ index: 1, hidden: 'cat', text: 'the <mask> sat .' });
    expect(maskedSentence('the cat sat .', 2)!.text).toBe('the cat <mask> .');
    expect(maskedSentence('   ')).toBeNull();
    expect(compareRequest({ text: 'the cat sat .', mask: 0 })).toEqual({ 'encoder-decoder': 'the cat sat .', decoder: 'the cat sat .', encoder: '<mask> cat sat .' });
  });

  it('knows each family’s blocks and masks: causal only where a decoder attends to itself', () => {
    expect(FAMILY_BLOCKS.decoder).toEqual(['dec-self']);
    expect(FAMILY_BLOCKS.encoder).toEqual(['enc-self']);
    expect(FAMILY_BLOCKS['encoder-decoder']).toEqual(['enc-self', 'dec-self', 'cross']);
    expect(BLOCK_MASK).toEqual({ 'enc-self': 'bidirectional', 'dec-self': 'causal', cross: 'cross' });
    expect(maskGrid('causal', 3, 3)).toEqual({ values: [[1, 0, 0], [1, 1, 0], [1, 1, 1]], masked: 3 });
    expect(maskGrid('bidirectional', 2, 2).masked).toBe(0);
    expect(maskGrid('cross', 2, 3).masked).toBe(0);
  });

  it('counts parameters by part from the parameter list', () => {
    const v = { src: 85, tgt: 147 };
    for (const c of [DEFAULT_CONFIG, DECODER_CONFIG, ENCODER_CONFIG]) {
      const s = parameterSummary(c, v);
      expect(s.total).toBe(parameterBreakdown(c, v).total);
      expect(s.parts.reduce((n, p) => n + p.total, 0)).toBe(s.total);
    }
    expect(parameterSummary(DECODER_CONFIG, v).parts.map((p) => p.side)).toEqual(['decoder', 'output']);
    expect(parameterSummary(ENCODER_CONFIG, v).parts.map((p) => p.side)).toEqual(['encoder', 'output']);
  });

  it('draws the masks the shipped models recorded: causal in the decoders, none in the encoders or cross-attention', async () => {
    const text = 'i ate the apple yesterday .';
    const rs = await Promise.all([familyResult('encoder-decoder', text), familyResult('decoder', text), familyResult('encoder', compareRequest({ text }).encoder)]);
    for (const r of rs) {
      for (const block of FAMILY_BLOCKS[r.family]) {
        const name = `${block === 'enc-self' ? 'enc' : 'dec'}.0.${block === 'cross' ? 'cross' : 'self'}.masked`;
        const [, rows, cols] = r.trace.get(name).shape;
        const recorded = maskedCells(r.trace, name, 0);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(recorded(i, j), `${r.family} ${name} ${i},${j}`).toBe(!maskAllows(BLOCK_MASK[block], i, j));
      }
    }
  });
});
