// The Trace: every intermediate of one forward pass, recorded under a systematic name so the
// walkthrough can display the real numbers without recomputing anything.
//
// Names (B = 1 when tracing; H heads, S source and T target length, Dh = D/H):
//   src.embed (S, D)  token embeddings × scale      src.pos (S, D)  positional rows
//   src.x (S, D)      their sum, the encoder input  (tgt.* likewise for the decoder)
//   {enc|dec}.{l}.{self|cross}.{q,k,v} (H, Tq|Tk, Dh)   per-head projections
//       .raw (H, Tq, Tk) QKᵀ   .scaled ·1/√Dh   .masked (mask applied, MASKED_VALUE)
//       .weights (H, Tq, Tk) softmax   .context (H, Tq, Dh) weights·V
//       .concat (Tq, D) heads side by side   .out (Tq, D) after W_o
//   {enc|dec}.{l}.res{1,2,3} (Tq, D) residual sums        .ln{1,2,3}.{mean,rstd,y}
//   {enc|dec}.{l}.ffn.{hidden (Tq, F) before the activation, act (Tq, F), out (Tq, D)}
//   {enc|dec}.ln_f.y (pre-norm only)   enc.out (S, D)   dec.out (T, D)
//   logits (T, V)   probs (T, V)
//
// The other two families (config.family) use the same names wherever the stage is the same:
//   decoder-only (Transformer.decodeOnly; T = the whole sequence <bos> English <sep> Chinese):
//     tgt.{embed,pos,x} (T, D)   dec.{l}.self.* (causal, as above)   dec.{l}.res1, .ln1.*
//     dec.{l}.ffn.{hidden,act,out}   dec.{l}.res2, .ln2.*  (no cross-attention: the FFN's block
//     is the second, and its LayerNorm is ln2 as the checkpoint names it)
//     dec.ln_f.y (pre-norm only)   dec.out (T, D)   logits (T, V)   probs (T, V): row t is the
//     distribution of the token after position t
//   encoder-only (Transformer.maskedLM; S = words + <eos>, masks included):
//     src.{embed,pos,x} (S, D)   enc.{l}.* (bidirectional, as above)   enc.ln_f.y (pre-norm)
//     enc.out (S, D)   logits (S, V_src) = enc.out·mlm.weight + mlm.bias   probs (S, V_src):
//     row s is the MLM head's distribution for the word at position s
// There is no tgt.* or dec.* in an encoder-only trace and no src.*, enc.* or *.cross.* in a
// decoder-only one.
// A training step's trace (src/train/stepTrace.ts) adds 'grad:<name>' (same shape) for every
// named point the loss depends on: ∂L/∂(that tensor), as the engine's backward computed it.
// Post-norm: res = x + sublayer(x), ln = LN(res). Pre-norm: ln = LN(x) feeds the sublayer and
// res = x + sublayer(ln).
import type { Backend, Tensor } from '../engine/backend';
import type { Tape } from './tape';

export interface TracedTensor {
  shape: number[];
  data: Float32Array | Int32Array;
}

/** Collects tensors during a forward pass; nothing is read until materialize(). */
export class TraceRecorder {
  private readonly pending = new Map<string, Tensor>();

  put(name: string, t: Tensor): void {
    if (this.pending.has(name)) throw new Error(`trace: '${name}' recorded twice`);
    this.pending.set(name, t);
  }

  /**
   * After tape.backward(): record the gradient that reached each recorded tensor as
   * 'grad:<name>'. Tensors the loss does not depend on (the trace-only `.raw`, `.masked`,
   * `probs`, …) get none.
   */
  recordGradients(tape: Tape): void {
    for (const [name, t] of [...this.pending]) {
      if (name.startsWith('grad:')) continue;
      const g = tape.grad(t);
      if (g) this.put(`grad:${name}`, g);
    }
  }

  /** The recorded tensors, to return from a backend scope so they outlive it. */
  tensors(): Tensor[] {
    return [...this.pending.values()];
  }

  /** Read everything back (one submit) and release the device memory. */
  async materialize(be: Backend): Promise<Trace> {
    const names = [...this.pending.keys()];
    const tensors = names.map((n) => this.pending.get(n)!);
    const datas = await Promise.all(tensors.map((t) => be.read(t)));
    const entries = new Map<string, TracedTensor>();
    names.forEach((n, i) => entries.set(n, { shape: [...tensors[i].shape], data: datas[i] }));
    for (const t of new Set(tensors)) be.dispose(t); // one tensor may carry two names
    this.pending.clear();
    return new Trace(entries);
  }
}

export class Trace {
  constructor(readonly entries: ReadonlyMap<string, TracedTensor>) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  get(name: string): TracedTensor {
    const e = this.entries.get(name);
    if (!e) throw new Error(`trace: nothing recorded as '${name}'`);
    return e;
  }

  /**
   * A 2-D view as rows of numbers: for a (H, R, C) tensor pick head h; for (R, C) use it
   * whole; a (R) vector gives one row.
   */
  matrix(name: string, head = 0): number[][] {
    const { shape, data } = this.get(name);
    let rows: number;
    let cols: number;
    let base = 0;
    if (shape.length === 3) {
      [, rows, cols] = shape;
      if (head < 0 || head >= shape[0]) throw new Error(`trace: head ${head} out of range for '${name}'`);
      base = head * rows * cols;
    } else if (shape.length === 2) {
      [rows, cols] = shape;
    } else {
      rows = 1;
      cols = shape[0];
    }
    const out: number[][] = [];
    for (let r = 0; r < rows; r++) out.push(Array.from(data.subarray(base + r * cols, base + (r + 1) * cols)));
    return out;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }
}
