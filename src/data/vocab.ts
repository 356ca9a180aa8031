// Token ↔ id maps. The four special tokens always come first, in this order, so that the padding
// id is 0 everywhere (the loss ignores id 0) and every vocabulary agrees on them.
import { DataError } from './errors';

export const PAD = '<pad>';
export const BOS = '<bos>';
export const EOS = '<eos>';
export const UNK = '<unk>';
export const SPECIAL_TOKENS = [PAD, BOS, EOS, UNK] as const;
/** The decoder-only family's separator (`<bos> English <sep> Chinese <eos>`); src/data/families.ts. */
export const SEP = '<sep>';
/** The encoder-only family's mask token; src/data/families.ts. */
export const MASK = '<mask>';
export const PAD_ID = 0;
export const BOS_ID = 1;
export const EOS_ID = 2;
export const UNK_ID = 3;

export interface Encoded {
  ids: number[];
  /** Positions (in the input tokens) that were mapped to <unk>. */
  unknown: number[];
}

export interface CorpusVocabOptions {
  /** Keep tokens seen at least this often (default 1). */
  minCount?: number;
  /** At most this many tokens in total, specials included (default unlimited). */
  maxSize?: number;
}

export class Vocab {
  private readonly index: Map<string, number>;

  private constructor(readonly tokens: readonly string[]) {
    this.index = new Map(tokens.map((t, i) => [t, i]));
  }

  /** From a complete token list (e.g. a checkpoint's vocab.src), which must start with the specials. */
  static fromTokens(tokens: readonly string[]): Vocab {
    const bad = (reason: string) => new DataError({ code: 'bad-vocab', reason }, `vocab: ${reason}`);
    SPECIAL_TOKENS.forEach((s, i) => {
      if (tokens[i] !== s) throw bad(`token ${i} must be ${s}, got ${JSON.stringify(tokens[i])}`);
    });
    const seen = new Set<string>();
    for (const t of tokens) {
      if (t.length === 0 || /\s/.test(t)) throw bad(`token ${JSON.stringify(t)} is empty or contains whitespace`);
      if (seen.has(t)) throw bad(`token ${JSON.stringify(t)} appears twice`);
      seen.add(t);
    }
    return new Vocab([...tokens]);
  }

  /** Specials, then the given words in order of first appearance (duplicates and specials skipped). */
  static fromWords(words: Iterable<string>): Vocab {
    const list: string[] = [...SPECIAL_TOKENS];
    const seen = new Set(list);
    for (const w of words) {
      if (!seen.has(w)) {
        seen.add(w);
        list.push(w);
      }
    }
    return Vocab.fromTokens(list);
  }

  /**
   * Specials, then the corpus's tokens by descending count; ties in code-point order, so the
   * result does not depend on the order of the sentences.
   */
  static fromCorpus(sentences: Iterable<readonly string[]>, opts: CorpusVocabOptions = {}): Vocab {
    const { minCount = 1, maxSize = Infinity } = opts;
    const counts = new Map<string, number>();
    for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const s of SPECIAL_TOKENS) counts.delete(s);
    const ranked = [...counts]
      .filter(([, c]) => c >= minCount)
      .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
      .map(([t]) => t);
    return Vocab.fromWords(ranked.slice(0, Math.max(0, maxSize - SPECIAL_TOKENS.length)));
  }

  get size(): number {
    return this.tokens.length;
  }

  has(token: string): boolean {
    return this.index.has(token);
  }

  /** The id of a token, <unk>'s id when it is not in the vocabulary. */
  id(token: string): number {
    return this.index.get(token) ?? UNK_ID;
  }

  token(id: number): string {
    if (!Number.isInteger(id) || id < 0 || id >= this.tokens.length) {
      throw new RangeError(`vocab: id ${id} is outside [0, ${this.tokens.length})`);
    }
    return this.tokens[id];
  }

  /** Words to ids. A special token written in the input ("<eos>") is not a word: it becomes <unk>. */
  encode(tokens: readonly string[]): Encoded {
    const ids: number[] = [];
    const unknown: number[] = [];
    tokens.forEach((t, i) => {
      const id = this.index.get(t);
      const isWord = id !== undefined && id >= SPECIAL_TOKENS.length;
      if (!isWord) unknown.push(i);
      ids.push(isWord ? id : UNK_ID);
    });
    return { ids, unknown };
  }

  /** Every id as its token, specials included. */
  decode(ids: ArrayLike<number>): string[] {
    return Array.from(ids, (id) => this.token(id));
  }

  /**
   * A model's output as words: skips a leading <bos>, stops at the first <eos>, drops <pad>.
   * (<unk> stays visible: the model did predict it.)
   */
  decodeOutput(ids: ArrayLike<number>): string[] {
    const out: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === EOS_ID) break;
      if (id === PAD_ID || (i === 0 && id === BOS_ID)) continue;
      out.push(this.token(id));
    }
    return out;
  }

  /** The token list, as stored in a checkpoint's `vocab.src` / `vocab.tgt`. */
  toJSON(): string[] {
    return [...this.tokens];
  }
}
