// A loaded translator: checkpoint + vocabularies + model on a backend. The command line, the
// walkthrough and the Train view all translate through this.
import type { Backend } from '../engine/backend';
import { prepareSource, type PrepareSourceResult, type PreparedSource } from '../data/prepareSource';
import { Vocab } from '../data/vocab';
import { requireFamily, type Checkpoint } from './checkpoint';
import { beamSearch, greedyDecode, teacherForced, type SpecialIds, type StepInfo, type TeacherForcedResult } from './decode';
import { topK } from './numeric';
import type { Sampler } from './sampling';
import type { ContextOptions } from './transformer';
import { Transformer } from './transformer';

export interface Translation {
  source: PreparedSource;
  /** Generated target ids, without <bos>, ending with <eos> when one was produced. */
  ids: number[];
  /** Target tokens without <eos>. */
  tokens: string[];
  text: string;
  /** Greedy steps (absent for beam search). */
  steps?: StepInfo[];
}

export class Translator {
  readonly special: SpecialIds & { unk: number };

  constructor(
    readonly model: Transformer,
    readonly vocabs: { src: Vocab; tgt: Vocab },
    readonly checkpoint: Pick<Checkpoint, 'dataset' | 'meta'>,
  ) {
    const t = vocabs.tgt;
    this.special = { pad: t.id('<pad>'), bos: t.id('<bos>'), eos: t.id('<eos>'), unk: t.id('<unk>') };
  }

  /** Build the model on `be` and load the checkpoint's weights into it (refuses another family: CheckpointError 'wrong-family'). */
  static fromCheckpoint(be: Backend, cp: Checkpoint): Translator {
    requireFamily(cp, 'encoder-decoder');
    const vocabs = { src: Vocab.fromTokens(cp.vocab.src), tgt: Vocab.fromTokens(cp.vocab.tgt) };
    const model = new Transformer(be, cp.config, { src: vocabs.src.size, tgt: vocabs.tgt.size }, cp.variant);
    model.setWeights(cp.weights);
    return new Translator(model, vocabs, cp);
  }

  get maxLen(): number {
    return this.model.config.maxLen;
  }

  /** Tokenize and map to ids; typed refusal for empty or over-long input. */
  prepare(text: string): PrepareSourceResult {
    return prepareSource(text, this.vocabs.src, this.maxLen);
  }

  private input(src: PreparedSource) {
    return {
      batch: 1,
      srcLen: src.ids.length,
      srcIds: Int32Array.from(src.ids),
      srcMask: new Float32Array(src.ids.length).fill(1),
    };
  }

  /**
   * Greedy (KV-cached) or beam-search translation of a prepared source; with a seeded `sampler`
   * each token is drawn (temperature, top-k, top-p) instead of the argmax, steps still
   * reporting the untempered probabilities (beam search ignores it).
   */
  async translate(src: PreparedSource, opts: { beam?: number; context?: ContextOptions; sampler?: Sampler } = {}): Promise<Translation> {
    const beam = opts.beam ?? 1;
    if (beam > 1) {
      const [best] = await beamSearch(this.model, this.input(src), { special: this.special, beam });
      return this.finish(src, best.tokens);
    }
    const [r] = await greedyDecode(this.model, this.input(src), { special: this.special, context: opts.context, sampler: opts.sampler });
    return { ...this.finish(src, r.tokens), steps: r.steps };
  }

  private finish(source: PreparedSource, ids: number[]): Translation {
    const tokens = this.vocabs.tgt.decodeOutput(ids);
    return { source, ids, tokens, text: tokens.join(' ') };
  }

  /** A teacher-forced pass over `target` (ids without <bos>/<eos>), recording the full trace. */
  trace(src: PreparedSource, target: number[], opts: ContextOptions = {}): Promise<TeacherForcedResult> {
    return teacherForced(this.model, this.input(src), target, this.special, opts);
  }

  /** The k most probable tokens of a distribution, as words. */
  topTokens(probs: ArrayLike<number>, k: number): Array<{ token: string; prob: number }> {
    return topK(probs, k).map(({ index, value }) => ({ token: this.vocabs.tgt.token(index), prob: value }));
  }
}
