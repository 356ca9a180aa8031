// The probe sentence: the one sentence whose attention is watched while training. It is fed
// with its reference translation when one is known (a toy sentence, or a validation pair), so
// every snapshot has the same rows and columns; otherwise with the model's own greedy output.
// Decoder-only: the probe is the prompt `<bos> English <sep>` and the snapshot's queries are the
// whole sequence with the reference (or generated) Chinese; encoder-only: the sentence + <eos>
// itself (no target at all), its encoder self-attention.
import { BOS_ID, EOS_ID, fitsSequence, lmPrompt, PAD_ID, prepareSource, SEP, translateToy, type TokenPair } from '../data';
import { generate } from '../model/generate';
import type { Transformer } from '../model/transformer';
import { captureAttention, captureBatchAttention, type AttentionSnapshot } from './attention';
import type { TrainingData } from './data';
import { referenceFor } from './data';
import type { ProbeInfo } from './events';
import { translateBatch } from './evaluate';

export interface Probe {
  info: ProbeInfo;
  srcIds: number[];
  srcTokens: string[];
  /** Reference target tokens, or null to use the model's own output. */
  reference: string[] | null;
}

/** The default probe for a dataset: a toy sentence, or the first validation sentence. */
export function defaultProbeText(data: Pick<TrainingData, 'dataset' | 'validation'>): string {
  if (data.dataset === 'toy') return 'the big dog saw the cat in the park .';
  const first: TokenPair | undefined = data.validation[0];
  return first ? first.en.join(' ') : 'hello .';
}

export function prepareProbe(text: string, data: TrainingData, maxLen: number): Probe {
  if (data.family === 'decoder') return preparePromptProbe(text, data, maxLen);
  const prepared = prepareSource(text, data.vocabs.src, maxLen);
  if (!prepared.ok) {
    return { info: { ok: false, problem: prepared.error, srcTokens: [], unknown: [], target: 'model' }, srcIds: [], srcTokens: [], reference: null };
  }
  const { tokens, ids, unknown } = prepared.source;
  // An encoder-only model has no target: its snapshot is ready without decoding anything.
  if (data.family === 'encoder') {
    return { info: { ok: true, srcTokens: tokens, unknown: unknown.map((i) => tokens[i]), target: 'reference' }, srcIds: ids, srcTokens: [...tokens, '<eos>'], reference: [] };
  }
  let reference = data.dataset === 'toy' ? translateToy(tokens) : referenceFor(data, tokens);
  // A reference the target side cannot spell, or that does not fit, is no use.
  if (reference && (reference.length + 1 > maxLen || reference.some((t) => !data.vocabs.tgt.has(t)))) reference = null;
  return {
    info: { ok: true, srcTokens: tokens, unknown: unknown.map((i) => tokens[i]), target: reference ? 'reference' : 'model' },
    srcIds: ids,
    srcTokens: [...tokens, '<eos>'],
    reference,
  };
}

/** A decoder-only probe: the prompt `<bos> English <sep>`; the reference continuation from the toy grammar. */
function preparePromptProbe(text: string, data: TrainingData, maxLen: number): Probe {
  const prepared = prepareSource(text, data.vocabs.tgt, maxLen - 2); // room for <bos> and <sep>
  if (!prepared.ok) {
    const e = prepared.error;
    const problem = e.code === 'too-long' ? { code: 'too-long' as const, length: e.length + 1, max: maxLen - 1 } : e;
    return { info: { ok: false, problem, srcTokens: [], unknown: [], target: 'model' }, srcIds: [], srcTokens: [], reference: null };
  }
  const { tokens, unknown } = prepared.source;
  let reference = data.dataset === 'toy' ? translateToy(tokens) : null;
  if (reference && (!fitsSequence({ en: tokens, zh: reference }, maxLen) || reference.some((t) => !data.vocabs.tgt.has(t)))) reference = null;
  return {
    info: { ok: true, srcTokens: tokens, unknown: unknown.map((i) => tokens[i]), target: reference ? 'reference' : 'model' },
    srcIds: lmPrompt(tokens, data.vocabs.tgt),
    srcTokens: ['<bos>', ...tokens, SEP],
    reference,
  };
}

/** A one-stack family's probe: one traced pass over its sequence, the attention it has. */
async function snapshotFamilyProbe(model: Transformer, probe: Probe, data: TrainingData, step: number): Promise<AttentionSnapshot> {
  const one = (ids: number[]) => ({ batch: 1, ids: Int32Array.from(ids), mask: new Float32Array(ids.length).fill(1) });
  if (model.family === 'encoder') {
    const s = one(probe.srcIds);
    const maps = await captureBatchAttention(model, { batch: 1, srcLen: probe.srcIds.length, srcIds: s.ids, srcMask: s.mask, tgtLen: probe.srcIds.length, tgtIn: s.ids, tgtMask: s.mask });
    return { step, srcTokens: probe.srcTokens, tgtTokens: [], target: 'reference', maps };
  }
  let continuation: number[];
  if (probe.reference) continuation = data.vocabs.tgt.encode(probe.reference).ids;
  else {
    const [r] = await generate(model, { batch: 1, promptLen: probe.srcIds.length, ids: Int32Array.from(probe.srcIds) }, { eos: EOS_ID });
    continuation = r.tokens.filter((id) => id !== EOS_ID);
  }
  const ids = [...probe.srcIds, ...continuation].slice(0, model.config.maxLen - 1);
  const t = one(ids);
  const maps = await captureBatchAttention(model, { batch: 1, srcLen: 0, srcIds: new Int32Array(0), srcMask: new Float32Array(0), tgtLen: ids.length, tgtIn: t.ids, tgtMask: t.mask });
  const tokens = ids.map((id) => (id === PAD_ID ? '<pad>' : data.vocabs.tgt.token(id)));
  return { step, srcTokens: [], tgtTokens: tokens, target: probe.reference ? 'reference' : 'model', maps };
}

/** Capture the probe's attention with `model` (weights of `step`). */
export async function snapshotProbe(model: Transformer, probe: Probe, data: TrainingData, step: number): Promise<AttentionSnapshot | null> {
  if (!probe.info.ok) return null;
  if (model.family !== 'encoder-decoder') return snapshotFamilyProbe(model, probe, data, step);
  let target = probe.reference;
  if (!target) {
    const [hyp] = await translateBatch(model, [probe.info.srcTokens], data.vocabs, 1);
    target = hyp.slice(0, model.config.maxLen - 1);
  }
  const targetIds = data.vocabs.tgt.encode(target).ids;
  const maps = await captureAttention(model, { srcIds: probe.srcIds, targetIds }, BOS_ID);
  return {
    step,
    srcTokens: probe.srcTokens,
    tgtTokens: ['<bos>', ...target],
    target: probe.reference ? 'reference' : 'model',
    maps,
  };
}
