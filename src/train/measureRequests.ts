// Measurements the experiments ask a model for, beyond the periodic evaluation: how much word
// order matters (subject and object swapped), and what switching single heads off costs.
// They run inside the engine (page or worker), next to the weights.
import { exactMatch, LEXICON, sentenceKey, toySentence, toySentences, tokenAccuracy, type TokenPair, type ToySentence } from '../data';
import type { Transformer } from '../model/transformer';
import type { TrainingData } from './data';
import { TrainerError } from './trainerError';
import { measureQuality, translateWith, type QualityReport } from './measure';

export type MeasureRequest =
  /** The periodic evaluation, optionally with heads switched off ('dec.1.cross.2'). */
  | { kind: 'quality'; disabledHeads?: string[] }
  /** n toy sentences with two noun phrases, translated as written and with them swapped. */
  | { kind: 'order'; n: number }
  /** Exact match with each listed head switched off alone ('all-cross': every cross head). */
  | { kind: 'heads-off'; heads: string[] | 'all-cross' };

export interface OrderReport {
  pairs: number;
  /** Fraction of pairs whose two translations differ (a bag-of-words model scores 0). */
  distinct: number;
  /** Exact match over both sides of every pair. */
  exactMatch: number;
  /** The first few pairs as translated (the Train view shows them). */
  examples?: OrderExample[];
}

/** One swapped pair: both sources and what the model made of each. */
export interface OrderExample {
  sources: [string[], string[]];
  outputs: [string[], string[]];
  references: [string[], string[]];
}

/** Pairs kept as examples in an OrderReport. */
const ORDER_EXAMPLES = 4;

export interface HeadOffReport {
  baseline: { exactMatch: number; tokenAccuracy: number };
  heads: Array<{ head: string; exactMatch: number; tokenAccuracy: number }>;
}

export type MeasureResult =
  | { kind: 'quality'; report: QualityReport }
  | { kind: 'order'; report: OrderReport | null }
  | { kind: 'heads-off'; report: HeadOffReport };

/**
 * Toy sentences "A verb B …" whose swap "B verb A …" is also grammatical (both noun phrases
 * may be subjects and objects of the verb), with their swapped twins. Same words, other order,
 * other meaning.
 */
export function swappedPairs(seed: number, n: number, exclude?: ReadonlySet<string>): Array<[ToySentence, ToySentence]> {
  const out: Array<[ToySentence, ToySentence]> = [];
  const seen = new Set<string>();
  let draws = 0;
  for (const s of toySentences(seed)) {
    if (out.length >= n || ++draws > 200_000) break;
    const p = s.parts;
    if (p.subject.kind !== 'np' || !p.object) continue;
    const subjectNp = p.subject.np;
    const objectNp = p.object;
    if (!LEXICON.subjectNounClasses.includes(objectNp.noun.cls) || !p.verb.objects.includes(subjectNp.noun.cls)) continue;
    if (sentenceKey(subjectNp.noun) === sentenceKey(objectNp.noun)) continue; // "the cat saw the cat"
    const twin = toySentence({ ...p, subject: { kind: 'np', np: objectNp }, object: subjectNp }, LEXICON);
    const key = sentenceKey(s);
    if (seen.has(key) || exclude?.has(key) || exclude?.has(sentenceKey(twin))) continue;
    seen.add(key);
    out.push([s, twin]);
  }
  return out;
}

/** Seed for the swapped-pair test set: apart from training and validation seeds. */
const ORDER_SEED = 777_777;

export async function measureOrder(model: Transformer, data: TrainingData, n: number): Promise<OrderReport | null> {
  if (data.dataset !== 'toy') return null;
  const pairs = swappedPairs(ORDER_SEED, n);
  const flat: TokenPair[] = pairs.flat();
  const hyps = await translateWith(model, flat.map((p) => p.en), data.vocabs);
  let distinct = 0;
  for (let i = 0; i < pairs.length; i++) if (hyps[2 * i].join(' ') !== hyps[2 * i + 1].join(' ')) distinct++;
  const examples: OrderExample[] = pairs.slice(0, ORDER_EXAMPLES).map(([a, b], i) => ({
    sources: [a.en, b.en],
    outputs: [hyps[2 * i], hyps[2 * i + 1]],
    references: [a.zh, b.zh],
  }));
  return { pairs: pairs.length, distinct: pairs.length ? distinct / pairs.length : 0, exactMatch: exactMatch(hyps, flat.map((p) => p.zh)), examples };
}

/** Every cross-attention head of the model, as head keys. */
export function crossHeads(model: Transformer): string[] {
  const keys: string[] = [];
  for (let l = 0; l < model.config.nDecoderLayers; l++) for (let h = 0; h < model.config.nHeads; h++) keys.push(`dec.${l}.cross.${h}`);
  return keys;
}

export async function measureHeadsOff(model: Transformer, data: TrainingData, heads: string[] | 'all-cross'): Promise<HeadOffReport> {
  const list = heads === 'all-cross' ? crossHeads(model) : heads;
  const sources = data.validation.map((p) => p.en);
  const refs = data.validation.map((p) => p.zh);
  const score = async (off?: Set<string>) => {
    const hyps = await translateWith(model, sources, data.vocabs, off);
    return { exactMatch: exactMatch(hyps, refs), tokenAccuracy: tokenAccuracy(hyps, refs) };
  };
  const baseline = await score();
  const out: HeadOffReport['heads'] = [];
  for (const head of list) out.push({ head, ...(await score(new Set([head]))) });
  return { baseline, heads: out };
}

export async function runMeasure(model: Transformer, data: TrainingData, step: number, labelSmoothing: number, req: MeasureRequest): Promise<MeasureResult> {
  // Word order and cross-attention heads are questions about translation by an encoder-decoder.
  if (req.kind !== 'quality' && model.family !== 'encoder-decoder') {
    throw new TrainerError('config', `the ${req.kind} measurement needs the encoder-decoder translator, this model is ${model.family}-only`);
  }
  switch (req.kind) {
    case 'quality': {
      const disabledHeads = req.disabledHeads?.length ? new Set(req.disabledHeads) : undefined;
      const { report } = await measureQuality(model, step, data.validation, data.vocabs, { labelSmoothing, disabledHeads });
      return { kind: 'quality', report };
    }
    case 'order':
      return { kind: 'order', report: await measureOrder(model, data, req.n) };
    case 'heads-off':
      return { kind: 'heads-off', report: await measureHeadsOff(model, data, req.heads) };
  }
}
