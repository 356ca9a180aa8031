// A loaded decoder-only (GPT-style) model: checkpoint + joint vocabulary + model on a backend.
// It translates by prompting: `<bos> English <sep>` in, the Chinese continuation out, greedy or
// with a seeded Sampler, KV-cached or not (the same tokens either way).
import type { Backend } from '../engine/backend';
import { tokenizeEnglish } from '../data/tokenize';
import { Vocab } from '../data/vocab';
import { requireFamily, SEP_TOKEN, type Checkpoint } from './checkpoint';
import type { StepInfo } from './decode';
import { generate, traceSequence, type SequenceTrace } from './generate';
import { topK } from './numeric';
import type { Sampler } from './sampling';
import type { ContextOptions } from './transformer';
import { Transformer } from './transformer';

export interface Prompt {
  /** The English words as typed (lowercased, punctuation split off). */
  tokens: string[];
  /** (P) `<bos>` + the words' ids + `<sep>`: P = tokens.length + 2. */
  ids: number[];
  /** Positions in `tokens` the vocabulary does not know (fed as <unk>). */
  unknown: number[];
}

export type PromptProblem =
  | { code: 'empty' }
  /** `length` counts <bos> + words + <sep>; at most `max` (maxLen − 1: room for one token) fit. */
  | { code: 'too-long'; length: number; max: number };

export type PreparePromptResult = { ok: true; prompt: Prompt } | { ok: false; error: PromptProblem };

export interface TokenProb {
  token: string;
  prob: number;
}

export interface GenerationStep extends StepInfo {
  /** The chosen token as a word. */
  word: string;
  /** The five most probable tokens of the untempered distribution. */
  top5: TokenProb[];
}

export interface Generation {
  prompt: Prompt;
  /** Generated ids, ending with <eos> when one was produced. */
  ids: number[];
  /** The continuation's words, without <eos>. */
  tokens: string[];
  text: string;
  steps: GenerationStep[];
}

export interface GenerateRequest {
  /** Draw with this seeded sampler (temperature, top-k, top-p); absent: greedy. */
  sampler?: Sampler;
  /** KV cache (default) or the whole sequence every step. */
  cache?: boolean;
  maxSteps?: number;
  context?: ContextOptions;
}

export class LanguageModel {
  readonly special: { pad: number; bos: number; eos: number; unk: number; sep: number };

  constructor(
    readonly model: Transformer,
    readonly vocab: Vocab,
    readonly checkpoint: Pick<Checkpoint, 'dataset' | 'meta'>,
  ) {
    if (model.family !== 'decoder') throw new Error(`LanguageModel: needs a decoder-only model, got ${model.family}`);
    const v = vocab;
    if (!v.has(SEP_TOKEN)) throw new Error('LanguageModel: the vocabulary has no <sep>');
    this.special = { pad: v.id('<pad>'), bos: v.id('<bos>'), eos: v.id('<eos>'), unk: v.id('<unk>'), sep: v.id(SEP_TOKEN) };
  }

  /** Build the model on `be` and load the weights; refuses (CheckpointError 'wrong-family') any other family. */
  static fromCheckpoint(be: Backend, cp: Checkpoint): LanguageModel {
    requireFamily(cp, 'decoder');
    const vocab = Vocab.fromTokens(cp.vocab.tgt);
    const model = new Transformer(be, cp.config, { src: 0, tgt: vocab.size }, cp.variant);
    model.setWeights(cp.weights);
    return new LanguageModel(model, vocab, cp);
  }

  get maxLen(): number {
    return this.model.config.maxLen;
  }

  /** English text → the prompt `<bos> words <sep>`, or a typed refusal (empty, too long). */
  prepare(text: string): PreparePromptResult {
    const tokens = tokenizeEnglish(text);
    if (tokens.length === 0) return { ok: false, error: { code: 'empty' } };
    const length = tokens.length + 2;
    const max = this.maxLen - 1;
    if (length > max) return { ok: false, error: { code: 'too-long', length, max } };
    const { ids, unknown } = this.vocab.encode(tokens);
    return { ok: true, prompt: { tokens, ids: [this.special.bos, ...ids, this.special.sep], unknown } };
  }

  /** The continuation after `<sep>` until <eos> or maxLen. */
  async generate(prompt: Prompt, req: GenerateRequest = {}): Promise<Generation> {
    const [r] = await generate(this.model, { batch: 1, promptLen: prompt.ids.length, ids: Int32Array.from(prompt.ids) }, { eos: this.special.eos, ...req });
    const tokens = this.vocab.decodeOutput(r.tokens);
    const steps = r.steps.map((s) => ({ ...s, word: this.vocab.token(s.token), top5: this.topTokens(s.probs, 5) }));
    return { prompt, ids: r.tokens, tokens, text: tokens.join(' '), steps };
  }

  /**
   * One traced pass over the prompt and a continuation (ids without <eos>): every named
   * intermediate, rows = positions of `<bos> English <sep> continuation`.
   */
  trace(prompt: Prompt, continuation: readonly number[], opts: ContextOptions = {}): Promise<SequenceTrace> {
    const ids = [...prompt.ids, ...continuation.filter((id) => id !== this.special.eos)].slice(0, this.maxLen - 1);
    return traceSequence(this.model, ids, opts);
  }

  /** The tokens of the whole traced sequence, for labelling a trace's rows and columns. */
  sequenceTokens(prompt: Prompt, continuation: readonly number[]): string[] {
    const ids = [...prompt.ids, ...continuation.filter((id) => id !== this.special.eos)].slice(0, this.maxLen - 1);
    return ids.map((id) => this.vocab.token(id));
  }

  /** The k most probable tokens of a distribution, as words. */
  topTokens(probs: ArrayLike<number>, k: number): TokenProb[] {
    return topK(probs, k).map(({ index, value }) => ({ token: this.vocab.token(index), prob: value }));
  }
}
