// A loaded encoder-only (BERT-style) model: checkpoint + vocabulary + model on a backend. It
// fills masks: English words with `<mask>` where a word is missing in, the most probable words
// at each mask out (one bidirectional pass; the MLM head gives a distribution at every position).
import type { Backend, Tensor } from '../engine/backend';
import { tokenizeEnglish } from '../data/tokenize';
import { Vocab } from '../data/vocab';
import { MASK_TOKEN, requireFamily, type Checkpoint } from './checkpoint';
import { softmaxRow, topK } from './numeric';
import { TraceRecorder, type Trace } from './trace';
import type { ContextOptions } from './transformer';
import { Transformer } from './transformer';

export interface MaskedInput {
  /** The words, `<mask>` among them. */
  tokens: string[];
  /** (S) their ids + <eos>: S = tokens.length + 1. */
  ids: number[];
  /** Positions in `tokens` of each `<mask>`, ascending. */
  masks: number[];
  /** Positions of words the vocabulary does not know (fed as <unk>). */
  unknown: number[];
}

export type MaskedInputProblem =
  | { code: 'empty' }
  | { code: 'no-mask' }
  /** `length` counts the words + <eos>; at most `max` (maxLen) fit. */
  | { code: 'too-long'; length: number; max: number };

export type PrepareMaskedResult = { ok: true; input: MaskedInput } | { ok: false; error: MaskedInputProblem };

export interface TokenProb {
  token: string;
  prob: number;
}

export interface MaskFill {
  /** Word position (from 0) of the mask. */
  position: number;
  /** The k most probable words there, most probable first. */
  top: TokenProb[];
  /** The whole distribution at that position (V). */
  probs: Float32Array;
}

export interface FillResult {
  input: MaskedInput;
  masks: MaskFill[];
  /** The input with each mask replaced by its most probable word. */
  filled: string[];
}

const MASK_PATTERN = /<mask>/gi;

export class MaskedLanguageModel {
  readonly special: { pad: number; bos: number; eos: number; unk: number; mask: number };

  constructor(
    readonly model: Transformer,
    readonly vocab: Vocab,
    readonly checkpoint: Pick<Checkpoint, 'dataset' | 'meta'>,
  ) {
    if (model.family !== 'encoder') throw new Error(`MaskedLanguageModel: needs an encoder-only model, got ${model.family}`);
    const v = vocab;
    if (!v.has(MASK_TOKEN)) throw new Error('MaskedLanguageModel: the vocabulary has no <mask>');
    this.special = { pad: v.id('<pad>'), bos: v.id('<bos>'), eos: v.id('<eos>'), unk: v.id('<unk>'), mask: v.id(MASK_TOKEN) };
  }

  /** Build the model on `be` and load the weights; refuses (CheckpointError 'wrong-family') any other family. */
  static fromCheckpoint(be: Backend, cp: Checkpoint): MaskedLanguageModel {
    requireFamily(cp, 'encoder');
    const vocab = Vocab.fromTokens(cp.vocab.src);
    const model = new Transformer(be, cp.config, { src: vocab.size, tgt: 0 }, cp.variant);
    model.setWeights(cp.weights);
    return new MaskedLanguageModel(model, vocab, cp);
  }

  get maxLen(): number {
    return this.model.config.maxLen;
  }

  /**
   * English text with `<mask>` (any case) where words are missing → the model's input, or a
   * typed refusal: empty, no mask, too long. The rest is tokenized as translation reads it.
   */
  prepare(text: string): PrepareMaskedResult {
    const tokens: string[] = [];
    const masks: number[] = [];
    text.split(MASK_PATTERN).forEach((part, i) => {
      if (i > 0) {
        masks.push(tokens.length);
        tokens.push(MASK_TOKEN);
      }
      tokens.push(...tokenizeEnglish(part));
    });
    if (tokens.length === 0) return { ok: false, error: { code: 'empty' } };
    if (masks.length === 0) return { ok: false, error: { code: 'no-mask' } };
    const length = tokens.length + 1;
    if (length > this.maxLen) return { ok: false, error: { code: 'too-long', length, max: this.maxLen } };
    const enc = this.vocab.encode(tokens);
    const ids = enc.ids.map((id, i) => (masks.includes(i) ? this.special.mask : id));
    return { ok: true, input: { tokens, ids: [...ids, this.special.eos], masks, unknown: enc.unknown.filter((i) => !masks.includes(i)) } };
  }

  /** The `k` most probable words at every mask (one pass). */
  async fill(input: MaskedInput, opts: { k?: number; context?: ContextOptions } = {}): Promise<FillResult> {
    const ctx = this.model.context(opts.context);
    const logits = this.model.be.scope(() => this.model.maskedLM(ctx, this.input(input)));
    const probs = await this.probsAt(logits, input.masks);
    return this.finish(input, probs, opts.k ?? 5);
  }

  /** One traced pass (src.*, enc.{l}.*, enc.out, logits, probs) and the fills it gives. */
  async trace(input: MaskedInput, opts: ContextOptions & { k?: number } = {}): Promise<FillResult & { trace: Trace }> {
    const { be } = this.model;
    const recorder = new TraceRecorder();
    const ctx = this.model.context({ ...opts, trace: recorder });
    be.scope((): Tensor[] => {
      this.model.maskedLM(ctx, this.input(input));
      return recorder.tensors();
    });
    const trace = await recorder.materialize(be);
    const all = trace.get('probs').data as Float32Array;
    const V = this.vocab.size;
    const probs = input.masks.map((p) => all.slice(p * V, (p + 1) * V));
    return { ...this.finish(input, probs, opts.k ?? 5), trace };
  }

  private input(input: MaskedInput) {
    const S = input.ids.length;
    return { batch: 1, srcLen: S, srcIds: Int32Array.from(input.ids), srcMask: new Float32Array(S).fill(1) };
  }

  private async probsAt(logits: Tensor, positions: readonly number[]): Promise<Float32Array[]> {
    const { be } = this.model;
    const data = (await be.read(logits)) as Float32Array; // (S, V)
    be.dispose(logits);
    const V = this.vocab.size;
    return positions.map((p) => softmaxRow(data.subarray(p * V, (p + 1) * V)));
  }

  private finish(input: MaskedInput, probs: Float32Array[], k: number): FillResult {
    const masks = input.masks.map((position, i) => ({ position, top: this.topTokens(probs[i], k), probs: probs[i] }));
    const filled = input.tokens.map((t, i) => {
      const m = masks.find((x) => x.position === i);
      return m ? m.top[0].token : t;
    });
    return { input, masks, filled };
  }

  /** The k most probable tokens of a distribution, as words. */
  topTokens(probs: ArrayLike<number>, k: number): TokenProb[] {
    return topK(probs, k).map(({ index, value }) => ({ token: this.vocab.token(index), prob: value }));
  }
}
