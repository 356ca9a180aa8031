// One sentence → everything the walkthrough shows, for a model of any family (a FamilyPool's
// choice). The translator goes through computeWalkthrough (compute.ts); the other two families
// follow the same phases, each followed by a yield to the event loop:
//
// decoder-only (GPT-style, LanguageModel):
//   1. prepare   `<bos> English <sep>` (cut to the model's length when too long)
//   2. generate  greedy continuation with the KV cache, keeping each step's distribution
//   3. trace     one pass over the prompt and the continuation, recording every intermediate
//                (the decoder's self-attention is one causal square over both)
//   4. profile   the same pass untraced, plus the softmax over its logits, dispatches recorded
//   5. compare   the trace again on the CPU model, and the per-name differences
//
// encoder-only (BERT-style, MaskedLanguageModel):
//   1. prepare   the words with <mask> where words are missing (a sentence without <mask> is
//                still read: the head predicts a word at every position) + <eos>
//   2. trace     one bidirectional pass and the MLM head's top words at each mask
//   3. profile   4. compare   as above
import type { DispatchRecord } from '../../engine/backend';
import { tokenizeEnglish } from '../../data/tokenize';
import type { LanguageModel, Prompt } from '../../model/languageModel';
import type { MaskedInput, MaskedLanguageModel } from '../../model/maskedLanguageModel';
import { topK } from '../../model/numeric';
import type { Trace } from '../../model/trace';
import type { BackendSummary, FillMaskView, PreparedView, StepView, WalkthroughResult } from '../../store/walkthroughResult';
import { computeWalkthrough, phaseClock, type OnQueue, type OnTranslator, type RunOptions, type RunOutcome } from './compute';
import { traceDiffs } from './diff';
import { parameterSet, trainingMeta } from './parameters';
import { referenceCheck } from './prepare';
import type { ModelChoice, QueuedModel } from './translators';

const MASK = '<mask>';

/** Everything but the family's own fields, from the main model's queue. */
function common(main: OnQueue, text: string, modelId: string, timings: Record<string, number>) {
  return {
    key: `${main.key}|${text}`,
    text,
    modelId,
    backend: main.info,
    parameters: parameterSet(main.checkpoint),
    training: trainingMeta(main.checkpoint),
    timings,
  };
}

function dispatchLog(info: BackendSummary, records: DispatchRecord[]) {
  return { records, timed: info.hasTimestamps && records.some((r) => r.gpuMs !== undefined) };
}

function on<R>(q: QueuedModel, runner: R): OnQueue & { runner: R } {
  return { key: q.key, info: q.info, checkpoint: q.checkpoint, exclusive: (fn) => q.exclusive(fn), runner };
}

/** The same sentence on any family's model. */
export async function computeFamilyWalkthrough(text: string, choice: ModelChoice, modelId: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const { main, cpu } = choice;
  const a = main.runner.loaded;
  const b = cpu.runner.loaded;
  if (a.family === 'decoder' && b.family === 'decoder') return computeDecoder(text, on(main, a.lm), on(cpu, b.lm), main === cpu, modelId, opts);
  if (a.family === 'encoder' && b.family === 'encoder') return computeEncoder(text, on(main, a.mlm), on(cpu, b.mlm), main === cpu, modelId, opts);
  if (a.family === 'encoder-decoder' && b.family === 'encoder-decoder') {
    const pair = (q: QueuedModel, translator: OnTranslator['translator']): OnTranslator => ({ ...on(q, translator), translator });
    const mainT = pair(main, a.translator);
    return computeWalkthrough(text, { main: mainT, cpu: main === cpu ? mainT : pair(cpu, b.translator) }, modelId, opts);
  }
  throw new Error(`walkthrough: the GPU model is ${a.family}, the CPU model ${b.family}`);
}

// ---- decoder-only ----------------------------------------------------------------------------

/** The prompt for a sentence, cut (visibly) to what the model can read; null when empty. */
export function preparePrompt(lm: LanguageModel, text: string): { prompt: Prompt; view: PreparedView } | null {
  const first = lm.prepare(text);
  if (first.ok) return { prompt: first.prompt, view: { ...promptView(first.prompt), truncated: null } };
  if (first.error.code === 'empty') return null;
  const { length, max } = first.error;
  const kept = tokenizeEnglish(text).slice(0, max - 2); // <bos> and <sep> take two positions
  const cut = lm.prepare(kept.join(' '));
  if (!cut.ok) throw new Error(`prepare: ${kept.length} kept words still refused (${cut.error.code})`);
  return { prompt: cut.prompt, view: { ...promptView(cut.prompt), truncated: { kept: kept.length, length, max } } };
}

function promptView(p: Prompt): Omit<PreparedView, 'truncated'> {
  return { tokens: p.tokens, ids: p.ids, unknown: p.unknown };
}

async function profileDecoder(lm: LanguageModel, ids: readonly number[]): Promise<DispatchRecord[]> {
  const { model } = lm;
  const be = model.be;
  const T = ids.length;
  const { result: probs, records } = be.recordDispatches(
    () =>
      be.scope(() => {
        const logits = model.decodeOnly(model.context(), { batch: 1, tgtLen: T, tgtIn: Int32Array.from(ids), tgtMask: new Float32Array(T).fill(1) });
        return be.labelScope('output', () => be.softmax(logits));
      }),
    { profile: true },
  );
  await be.read(probs);
  be.dispose(probs);
  return records;
}

async function computeDecoder(
  text: string,
  main: OnQueue & { runner: LanguageModel },
  cpu: OnQueue & { runner: LanguageModel },
  sameBackend: boolean,
  modelId: string,
  opts: RunOptions,
): Promise<RunOutcome> {
  const { timings, phase } = phaseClock(opts);
  const lm = main.runner;
  const prepared = preparePrompt(lm, text);
  if (!prepared) return { ok: false, problem: 'empty' };
  const { prompt } = prepared;
  await phase('prepare');

  return main.exclusive(async () => {
    const gen = await lm.generate(prompt);
    const k = opts.topK ?? 5;
    const steps: StepView[] = gen.steps.map((s) => ({ token: s.word, id: s.token, prob: s.prob, top: lm.topTokens(s.probs, k), logits: s.logits }));
    const finished = gen.ids[gen.ids.length - 1] === lm.special.eos;
    await phase('translate');

    const { trace } = await lm.trace(prompt, gen.ids);
    const sequence = lm.sequenceTokens(prompt, gen.ids);
    const seqIds = [...prompt.ids, ...gen.ids.filter((id) => id !== lm.special.eos)].slice(0, lm.maxLen - 1);
    await phase('trace');

    const records = await profileDecoder(lm, seqIds);
    await phase('profile');

    let byName = {};
    if (!sameBackend) {
      const other = await cpu.exclusive(() => cpu.runner.trace(prompt, gen.ids));
      byName = traceDiffs(trace, other.trace);
      await phase('compare');
    }

    const result: WalkthroughResult = {
      ...common(main, text, modelId, timings),
      family: 'decoder',
      config: lm.model.config,
      variant: lm.model.variant,
      vocabSizes: { src: 0, tgt: lm.vocab.size },
      vocabTokens: { src: [], tgt: lm.vocab.tokens },
      prepared: prepared.view,
      translation: { ids: gen.ids, tokens: gen.tokens, text: gen.text, steps, finished },
      trace,
      targetInput: sequence,
      promptLength: prompt.ids.length,
      fill: null,
      comparison: { sameBackend, byName },
      dispatches: dispatchLog(main.info, records),
      reference: referenceCheck(prompt.tokens, gen.tokens),
    };
    return { ok: true as const, result };
  });
}

// ---- encoder-only ----------------------------------------------------------------------------

/**
 * The masked input for a sentence: `<mask>` (any case) where words are missing; a sentence
 * without one is read as it is (no masks). Cut (visibly) to what the model reads; null when empty.
 */
export function prepareMasked(mlm: MaskedLanguageModel, text: string): { input: MaskedInput; view: PreparedView } | null {
  const first = mlm.prepare(text);
  if (first.ok) return { input: first.input, view: { ...maskedView(first.input), truncated: null } };
  const { error } = first;
  if (error.code === 'empty') return null;
  if (error.code === 'no-mask') {
    const words = tokenizeEnglish(text);
    const kept = words.slice(0, mlm.maxLen - 1);
    const input = unmaskedInput(mlm, kept);
    const truncated = kept.length < words.length ? { kept: kept.length, length: words.length + 1, max: mlm.maxLen } : null;
    return { input, view: { ...maskedView(input), truncated } };
  }
  // Too long: keep the first maxLen − 1 words (<eos> takes one position), masks included.
  const words = maskedWords(text);
  const kept = words.slice(0, error.max - 1);
  const cut = mlm.prepare(kept.join(' '));
  const input = cut.ok ? cut.input : unmaskedInput(mlm, kept);
  return { input, view: { ...maskedView(input), truncated: { kept: kept.length, length: error.length, max: error.max } } };
}

/** The words of a sentence with each `<mask>` kept as one word. */
function maskedWords(text: string): string[] {
  return text.split(/<mask>/gi).flatMap((part, i) => (i > 0 ? [MASK, ...tokenizeEnglish(part)] : tokenizeEnglish(part)));
}

function unmaskedInput(mlm: MaskedLanguageModel, words: string[]): MaskedInput {
  const { ids, unknown } = mlm.vocab.encode(words);
  return { tokens: words, ids: [...ids, mlm.special.eos], masks: [], unknown };
}

function maskedView(input: MaskedInput): Omit<PreparedView, 'truncated'> {
  return { tokens: input.tokens, ids: input.ids, unknown: input.unknown };
}

/** The head's most probable word at every position of the traced input (rows of `probs`). */
export function argmaxWords(trace: Trace, vocab: readonly string[]): string[] {
  return trace.matrix('probs').map((row) => vocab[topK(row, 1)[0].index]);
}

async function profileEncoder(mlm: MaskedLanguageModel, ids: readonly number[]): Promise<DispatchRecord[]> {
  const { model } = mlm;
  const be = model.be;
  const S = ids.length;
  const { result: probs, records } = be.recordDispatches(
    () =>
      be.scope(() => {
        const logits = model.maskedLM(model.context(), { batch: 1, srcLen: S, srcIds: Int32Array.from(ids), srcMask: new Float32Array(S).fill(1) });
        return be.labelScope('mlm', () => be.softmax(logits));
      }),
    { profile: true },
  );
  await be.read(probs);
  be.dispose(probs);
  return records;
}

async function computeEncoder(
  text: string,
  main: OnQueue & { runner: MaskedLanguageModel },
  cpu: OnQueue & { runner: MaskedLanguageModel },
  sameBackend: boolean,
  modelId: string,
  opts: RunOptions,
): Promise<RunOutcome> {
  const { timings, phase } = phaseClock(opts);
  const mlm = main.runner;
  const prepared = prepareMasked(mlm, text);
  if (!prepared) return { ok: false, problem: 'empty' };
  const { input } = prepared;
  await phase('prepare');

  return main.exclusive(async () => {
    const k = opts.topK ?? 5;
    const traced = await mlm.trace(input, { k });
    const { trace } = traced;
    await phase('trace');

    const records = await profileEncoder(mlm, input.ids);
    await phase('profile');

    let byName = {};
    if (!sameBackend) {
      const other = await cpu.exclusive(() => cpu.runner.trace(input, { k }));
      byName = traceDiffs(trace, other.trace);
      await phase('compare');
    }

    const fill: FillMaskView = {
      masks: traced.masks.map((m) => ({ position: m.position, top: m.top })),
      filled: traced.filled,
      argmax: argmaxWords(trace, mlm.vocab.tokens),
    };
    const V = mlm.vocab.size;
    const allLogits = trace.get('logits').data as Float32Array; // (S, V)
    const steps: StepView[] = traced.masks.map((m) => {
      const best = m.top[0];
      return { token: best.token, id: mlm.vocab.id(best.token), prob: best.prob, top: m.top, logits: allLogits.slice(m.position * V, (m.position + 1) * V) };
    });
    const result: WalkthroughResult = {
      ...common(main, text, modelId, timings),
      family: 'encoder',
      config: mlm.model.config,
      variant: mlm.model.variant,
      vocabSizes: { src: mlm.vocab.size, tgt: 0 },
      vocabTokens: { src: mlm.vocab.tokens, tgt: [] },
      prepared: prepared.view,
      translation: { ids: [], tokens: traced.filled, text: traced.filled.join(' '), steps, finished: true },
      trace,
      targetInput: [],
      promptLength: null,
      fill,
      comparison: { sameBackend, byName },
      dispatches: dispatchLog(main.info, records),
      reference: null,
    };
    return { ok: true as const, result };
  });
}
