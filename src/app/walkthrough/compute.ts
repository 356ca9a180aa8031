// One sentence → everything the walkthrough shows. Phases, each followed by a yield to the
// event loop so typing and scrolling stay smooth:
//   1. prepare   tokens, ids, unknown words (cut to the model's length when too long)
//   2. translate greedy decoding with the KV cache, keeping each step's distribution and logits
//   3. trace     a teacher-forced pass over <bos> + the model's own output, recording
//                every intermediate (this is what the stage panels draw)
//   4. profile   the same forward pass without the trace, plus the softmax over its logits
//                (the probabilities the trace records), with every dispatch recorded and,
//                where the adapter has timestamp queries, timed
//   5. compare   the trace again on the CPU translator, and the per-name differences
import type { DispatchRecord } from '../../engine/backend';
import { teacherForcingTarget } from '../../model/decode';
import type { SourceInput } from '../../model/transformer';
import type { Translator } from '../../model/translator';
import { traceDiffs } from './diff';
import type { QueuedTranslator, TranslatorChoice } from './translators';
import { parameterSet, trainingMeta } from './parameters';
import { prepareSentence, referenceCheck } from './prepare';
import type { StepView, TranslationView, WalkthroughResult } from '../../store/walkthroughResult';

/** Thrown between phases when the run is no longer wanted. */
export class Superseded extends Error {
  constructor() {
    super('walkthrough: superseded by a newer request');
    this.name = 'Superseded';
  }
}

export interface RunOptions {
  /** False once a newer request replaced this one: the run stops at the next phase. */
  isCurrent?: () => boolean;
  /** Give the UI thread a turn (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  /** How many alternatives to keep per decoding step. */
  topK?: number;
}

export type RunOutcome = { ok: true; result: WalkthroughResult } | { ok: false; problem: 'empty' };

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function sourceInput(ids: number[]): SourceInput {
  return { batch: 1, srcLen: ids.length, srcIds: Int32Array.from(ids), srcMask: new Float32Array(ids.length).fill(1) };
}

async function translate(tr: Translator, input: Parameters<Translator['translate']>[0], k: number): Promise<TranslationView> {
  const t = await tr.translate(input);
  const steps: StepView[] = (t.steps ?? []).map((s) => ({
    token: tr.vocabs.tgt.token(s.token),
    id: s.token,
    prob: s.prob,
    top: tr.topTokens(s.probs, k),
    logits: s.logits,
  }));
  const finished = t.ids[t.ids.length - 1] === tr.special.eos;
  return { ids: t.ids, tokens: t.tokens, text: t.text, steps, finished };
}

/**
 * The untraced teacher-forced forward pass and the softmax of its logits (what the traced pass
 * records as `probs`), with their dispatches recorded (and timed).
 */
async function profileForward(on: QueuedTranslator, src: SourceInput, target: number[]): Promise<DispatchRecord[]> {
  const { model, special } = on.translator;
  const be = model.be;
  const tgtIn = Int32Array.from([special.bos, ...target]);
  const { result: probs, records } = be.recordDispatches(
    () =>
      be.scope(() => {
        const ctx = model.context();
        const enc = model.encode(ctx, src);
        const logits = model.decode(ctx, enc, { tgtLen: tgtIn.length, tgtIn, tgtMask: new Float32Array(tgtIn.length).fill(1) });
        return be.labelScope('output', () => be.softmax(logits));
      }),
    { profile: true },
  );
  await be.read(probs); // the pass has run once this resolves
  be.dispose(probs);
  return records;
}

export async function computeWalkthrough(text: string, translators: TranslatorChoice, modelId: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const isCurrent = opts.isCurrent ?? (() => true);
  const yieldToUi = opts.yieldToUi ?? macrotask;
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const phase = async (name: string) => {
    const now = performance.now();
    timings[name] = now - t0;
    await yieldToUi();
    if (!isCurrent()) throw new Superseded();
    t0 = performance.now();
  };

  const { main, cpu } = translators;
  const tr = main.translator;
  const prepared = prepareSentence(text, tr.vocabs.src, tr.maxLen);
  if (!prepared.ok) return { ok: false, problem: 'empty' };
  await phase('prepare');

  return main.exclusive(async () => {
    const translation = await translate(tr, prepared.source, opts.topK ?? 5);
    await phase('translate');

    const target = teacherForcingTarget(translation.ids, tr.special.eos, tr.maxLen);
    const { trace } = await tr.trace(prepared.source, target);
    await phase('trace');

    const records = await profileForward(main, sourceInput(prepared.source.ids), target);
    await phase('profile');

    const sameBackend = main === cpu;
    let byName = {};
    if (!sameBackend) {
      const cpuTrace = await cpu.exclusive(() => cpu.translator.trace(prepared.source, target));
      byName = traceDiffs(trace, cpuTrace.trace);
      await phase('compare');
    }

    const result: WalkthroughResult = {
      key: `${main.key}|${text}`,
      text,
      modelId,
      config: tr.model.config,
      variant: tr.model.variant,
      vocabSizes: { src: tr.vocabs.src.size, tgt: tr.vocabs.tgt.size },
      vocabTokens: { src: tr.vocabs.src.tokens, tgt: tr.vocabs.tgt.tokens },
      backend: main.info,
      prepared: prepared.view,
      translation,
      trace,
      targetInput: ['<bos>', ...target.map((id) => tr.vocabs.tgt.token(id))],
      parameters: parameterSet(main.checkpoint),
      training: trainingMeta(main.checkpoint),
      comparison: { sameBackend, byName },
      dispatches: { records, timed: main.info.hasTimestamps && records.some((r) => r.gpuMs !== undefined) },
      reference: referenceCheck(prepared.view.tokens, translation.tokens),
      timings,
    };
    return { ok: true as const, result };
  });
}
