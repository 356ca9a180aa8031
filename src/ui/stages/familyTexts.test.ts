// Stage texts that depend on the model's family follow the config, in both languages.
import { describe, expect, it } from 'vitest';
import { DECODER_CONFIG, DEFAULT_CONFIG, ENCODER_CONFIG } from '../../model/config';
import { oneSquareNote } from './decoder-self-attn/texts';
import { stagesNote } from './encoder-stack/texts';
import { familyMaskNote } from './mask/texts';
import { diagramBlocks, diagramFamily } from './overview/diagramBlocks';
import { readsNote, vocabText } from './tokens/texts';
import { blockNames, sublayersOf } from './add-norm/sublayers';
import { layerInput } from './qkv/layerInput';
import { blocksPerLayer, hasCross } from './shared/names';

const both = (b: { en: string; zh: string } | null) => [b?.en ?? '', b?.zh ?? ''];

describe('family texts', () => {
  it('mask: bidirectional for the encoder-only model, one causal sequence for the decoder-only one, nothing extra for the translator', () => {
    const [en, zh] = both(familyMaskNote(ENCODER_CONFIG));
    expect(en).toMatch(/bidirectional/);
    expect(zh).toMatch(/双向/);
    const [den, dzh] = both(familyMaskNote(DECODER_CONFIG));
    expect(den).toMatch(/one sequence/);
    expect(dzh).toMatch(/同一个序列/);
    expect(familyMaskNote(DEFAULT_CONFIG)).toBeNull();
  });

  it('decoder self-attention: the one square names the prompt’s length, only for the decoder-only model', () => {
    const note = oneSquareNote(DECODER_CONFIG, 6); // <bos> + 4 words + <sep>
    expect(note?.en).toContain('the 4 English words');
    expect(note?.en).toContain('positions 0–5');
    expect(note?.zh).toContain('4 个英文词');
    expect(oneSquareNote(DEFAULT_CONFIG, null)).toBeNull();
  });

  it('tokens: one joint vocabulary, one English vocabulary with <mask>, or two vocabularies', () => {
    const sizes = { src: 85, tgt: 147 };
    expect(vocabText(DECODER_CONFIG, sizes).en).toContain('V = 147');
    expect(vocabText(DECODER_CONFIG, sizes).zh).toContain('<sep>');
    expect(vocabText(ENCODER_CONFIG, sizes).en).toContain('V = 85');
    expect(vocabText(ENCODER_CONFIG, sizes).zh).toContain('<mask>');
    expect(vocabText(DEFAULT_CONFIG, sizes).en).toContain('V_src = 85');
    expect(readsNote(DECODER_CONFIG).en).toContain('<sep>');
    expect(readsNote(ENCODER_CONFIG).zh).toContain('<mask>');
  });

  it('encoder stack: its last layer feeds the MLM head in the encoder-only model, the decoder otherwise', () => {
    expect(stagesNote(ENCODER_CONFIG).en).toContain('MLM head');
    expect(stagesNote({ ...ENCODER_CONFIG, norm: 'pre' }).zh).toContain('MLM 预测头');
    expect(stagesNote(DEFAULT_CONFIG).en).toContain('the decoder reads');
  });

  it('the overview draws the family: one column, no cross-attention, an MLM head for the encoder-only model', () => {
    const v = { src: 85, tgt: 147 };
    expect(diagramFamily(DECODER_CONFIG)).toBe('decOnly');
    const dec = diagramBlocks(DECODER_CONFIG, v);
    expect(dec.every((b) => b.side === 'dec')).toBe(true);
    expect(dec.some((b) => b.stage === 'cross-attn')).toBe(false);
    const enc = diagramBlocks(ENCODER_CONFIG, v);
    expect(enc.every((b) => b.side === 'enc')).toBe(true);
    expect(enc.filter((b) => b.stage === 'fill-mask')).toHaveLength(2);
    expect(diagramBlocks(DEFAULT_CONFIG, v).some((b) => b.stage === 'cross-attn')).toBe(true);
  });

  it('layer structure: a decoder-only layer has two residual blocks, ln2 last', () => {
    expect(hasCross(DECODER_CONFIG)).toBe(false);
    expect(blocksPerLayer(DECODER_CONFIG, 'dec')).toBe(2);
    expect(blocksPerLayer(DEFAULT_CONFIG, 'dec')).toBe(3);
    expect(sublayersOf('dec', DECODER_CONFIG).map((s) => s.kind)).toEqual(['self', 'ffn']);
    expect(blockNames(DECODER_CONFIG, 'dec', 1, 1).input).toBe('dec.0.ln2.y');
    expect(layerInput(DECODER_CONFIG, 'dec', 1).name).toBe('dec.0.ln2.y');
    expect(layerInput(DEFAULT_CONFIG, 'dec', 1).name).toBe('dec.0.ln3.y');
  });
});
