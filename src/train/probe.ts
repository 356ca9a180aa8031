// The probe sentence: the one sentence whose attention is watched while training. It is fed
// with its reference translation when one is known (a toy sentence, or a validation pair), so
// every snapshot has the same rows and columns; otherwise with the model's own greedy output.
import { BOS_ID, prepareSource, translateToy, type TokenPair } from '../data';
import type { Transformer } from '../model/transformer';
import { captureAttention, type AttentionSnapshot } from './attention';
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
  const prepared = prepareSource(text, data.vocabs.src, maxLen);
  if (!prepared.ok) {
    return { info: { ok: false, problem: prepared.error, srcTokens: [], unknown: [], target: 'model' }, srcIds: [], srcTokens: [], reference: null };
  }
  const { tokens, ids, unknown } = prepared.source;
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

/** Capture the probe's attention with `model` (weights of `step`). */
export async function snapshotProbe(model: Transformer, probe: Probe, data: TrainingData, step: number): Promise<AttentionSnapshot | null> {
  if (!probe.info.ok) return null;
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
