// The Transformer over the engine interface, in the three families of shared/docs/checkpoint.md:
// the encoder-decoder translator (`encode` + `decode`), the decoder-only language model
// (`decodeOnly`) and the encoder-only masked language model (`maskedLM`) — the same layers,
// composed differently; `forward` picks by the config's family. One graph serves the
// walkthrough (with a trace), the trainer (with a tape) and the command line.
import type { Arena, Backend, Tensor } from '../engine/backend';
import { lcgNext } from '../random';
import { checkConfig, DEFAULT_VARIANT, modelFamily, type ModelConfig, type ModelFamily, type ModelVariant } from './config';
import type { DisabledHeads, ForwardContext, Nudge } from './context';
import { decoderLayer, decoderOnlyLayer, encoderLayer, norm } from './layers';
import { initialValue, parameterEntries, seededRandom, type VocabSizes } from './parameters';
import { sinusoidalTable } from './positional';
import type { Tape } from './tape';
import type { TraceRecorder } from './trace';
import * as op from './ops';
import type { EmbedSpec } from './ops';

/** Token ids and padding masks of one batch, laid out (B, S) and (B, T). */
export interface SourceInput {
  batch: number; // B
  srcLen: number; // S
  srcIds: Int32Array; // (B·S) source tokens + <eos>, padded with <pad>
  srcMask: Float32Array; // (B·S) 1 = token, 0 = padding
}

export interface TargetInput {
  tgtLen: number; // T
  tgtIn: Int32Array; // (B·T) <bos> + target, padded
  tgtMask: Float32Array; // (B·T)
}

/** Source tensors on the device, made once and shared by the encoder and every decoder step. */
export interface EncodedSource {
  memory: Tensor; // (B·S, D)
  srcMask: Tensor; // (B, S)
  batch: number;
  srcLen: number;
}

export interface ContextOptions {
  tape?: Tape;
  trace?: TraceRecorder;
  dropout?: number;
  seed?: number;
  disabledHeads?: DisabledHeads;
  nudge?: Nudge;
  /** false: the unfused graph even without a trace (context.ts, fused()). */
  fuse?: boolean;
}

export class Transformer {
  readonly arena: Arena;
  /** (maxLen, D) sinusoidal table, or null when positions are learned or off. */
  readonly sinusoid: Tensor | null;

  constructor(
    readonly be: Backend,
    readonly config: ModelConfig,
    readonly vocab: VocabSizes,
    readonly variant: ModelVariant = DEFAULT_VARIANT,
  ) {
    const problems = checkConfig(config);
    if (problems.length) throw new Error(`model config: ${problems.map((p) => p.message).join('; ')}`);
    this.arena = be.createArena(parameterEntries(config, vocab), 'model');
    this.sinusoid =
      config.positional === 'sinusoidal'
        ? be.tensor([config.maxLen, config.dModel], sinusoidalTable(config.maxLen, config.dModel), 'f32', 'positional.sinusoid')
        : null;
  }

  /** Which composition of the layers this model is (absent in the config: the translator). */
  get family(): ModelFamily {
    return modelFamily(this.config);
  }

  /** Fill every parameter from a seeded generator. */
  initialize(seed: number): void {
    const rand = seededRandom(seed);
    for (const entry of parameterEntries(this.config, this.vocab)) {
      this.be.write(this.arena.param(entry.name), initialValue(entry, this.config, rand));
    }
  }

  /** Overwrite parameters by name; every parameter must be present with the right size. */
  setWeights(weights: ReadonlyMap<string, Float32Array>): void {
    for (const entry of parameterEntries(this.config, this.vocab)) {
      const w = weights.get(entry.name);
      const t = this.arena.param(entry.name);
      if (!w) throw new Error(`weights: '${entry.name}' is missing`);
      if (w.length !== t.size) throw new Error(`weights: '${entry.name}' has ${w.length} values, expected ${t.size}`);
      this.be.write(t, w);
    }
  }

  /** A copy of every parameter by name. */
  async getWeights(): Promise<Map<string, Float32Array>> {
    const names = parameterEntries(this.config, this.vocab).map((e) => e.name);
    const datas = await Promise.all(names.map((n) => this.be.read(this.arena.param(n))));
    return new Map(names.map((n, i) => [n, Float32Array.from(datas[i])]));
  }

  context(opts: ContextOptions = {}): ForwardContext {
    let seed = opts.seed ?? 1;
    return {
      be: this.be,
      params: this.arena,
      tape: opts.tape,
      trace: opts.trace,
      variant: this.variant,
      dropout: opts.dropout ?? 0,
      nextSeed: () => (seed = lcgNext(seed)),
      disabledHeads: opts.disabledHeads,
      nudge: opts.nudge,
      fuse: opts.fuse,
    };
  }

  private embedScale(): number {
    return this.config.embedScale ? Math.sqrt(this.config.dModel) : 1;
  }

  /** x = embed·√D + PE for one side; traces the parts when asked. (B·L) ids → (B·L, D). */
  embedSide(ctx: ForwardContext, side: 'src' | 'tgt', ids: Tensor, seqLen: number, positionOffset: number): Tensor {
    const cfg = this.config;
    const positions: EmbedSpec['positions'] =
      cfg.positional === 'learned'
        ? { param: `${side}_pos.weight` }
        : this.sinusoid
          ? { constant: this.sinusoid }
          : null;
    const spec = { ids, table: `${side}_embed.weight`, positions, seqLen, positionOffset, scale: this.embedScale() };
    const x = op.point(ctx, `${side}.x`, this.be.labelScope(`${side}.embed`, () => op.embed(ctx, spec)));
    if (ctx.trace) {
      const be = this.be;
      ctx.trace.put(`${side}.embed`, be.embedding(ids, this.arena.param(spec.table), { scale: spec.scale, seqLen }));
      if (positions) {
        const table = 'param' in positions ? this.arena.param(positions.param) : positions.constant;
        const posIds = Int32Array.from({ length: ids.size }, (_, i) => (i % seqLen) + positionOffset);
        ctx.trace.put(`${side}.pos`, be.embedding(be.tensor([ids.size], posIds, 'i32'), table, { seqLen }));
      }
    }
    return op.dropout(ctx, x);
  }

  /** The encoder: (B·S) ids → memory (B·S, D). */
  encode(ctx: ForwardContext, src: SourceInput): EncodedSource {
    this.expectFamily('encode', 'encoder-decoder', 'encoder');
    const be = this.be;
    const { batch, srcLen } = src;
    checkLengths('source', src.srcIds.length, batch, srcLen, this.config.maxLen);
    const ids = be.tensor([batch * srcLen], src.srcIds, 'i32', 'src.ids');
    const srcMask = be.tensor([batch, srcLen], src.srcMask, 'f32', 'src.mask');
    let x = this.embedSide(ctx, 'src', ids, srcLen, 0);
    for (let l = 0; l < this.config.nEncoderLayers; l++) {
      x = encoderLayer(ctx, this.config, l, { x, srcMask, batch, srcLen });
    }
    if (this.config.norm === 'pre') x = this.finalNorm(ctx, x, 'enc');
    x = op.point(ctx, 'enc.out', x);
    return { memory: x, srcMask, batch, srcLen };
  }

  /** The decoder over a whole target prefix (teacher forcing): → logits (B·T, V). */
  decode(ctx: ForwardContext, enc: EncodedSource, tgt: TargetInput): Tensor {
    this.expectFamily('decode', 'encoder-decoder');
    const be = this.be;
    const { batch, srcLen } = enc;
    const { tgtLen } = tgt;
    checkLengths('target', tgt.tgtIn.length, batch, tgtLen, this.config.maxLen);
    const ids = be.tensor([batch * tgtLen], tgt.tgtIn, 'i32', 'tgt.ids');
    const tgtMask = be.tensor([batch, tgtLen], tgt.tgtMask, 'f32', 'tgt.mask');
    let y = this.embedSide(ctx, 'tgt', ids, tgtLen, 0);
    for (let l = 0; l < this.config.nDecoderLayers; l++) {
      y = decoderLayer(ctx, this.config, l, {
        y,
        tgtMask,
        memory: enc.memory,
        srcMask: enc.srcMask,
        batch,
        tgtLen,
        srcLen,
      });
    }
    return this.project(ctx, y);
  }

  /**
   * Decoder-only (GPT-style): one causal stack over the whole sequence `<bos> English <sep>
   * Chinese`, (B·T) ids → logits (B·T, V) predicting each next token. Traced like the
   * translator's decoder: tgt.*, dec.{l}.self.*, dec.{l}.{res1, ln1, ffn.*, res2, ln2},
   * [dec.ln_f], dec.out, logits, probs.
   */
  decodeOnly(ctx: ForwardContext, tgt: TargetInput & { batch: number }): Tensor {
    this.expectFamily('decodeOnly', 'decoder');
    const be = this.be;
    const { batch, tgtLen } = tgt;
    checkLengths('sequence', tgt.tgtIn.length, batch, tgtLen, this.config.maxLen);
    const ids = be.tensor([batch * tgtLen], tgt.tgtIn, 'i32', 'tgt.ids');
    const tgtMask = be.tensor([batch, tgtLen], tgt.tgtMask, 'f32', 'tgt.mask');
    let y = this.embedSide(ctx, 'tgt', ids, tgtLen, 0);
    for (let l = 0; l < this.config.nDecoderLayers; l++) {
      y = decoderOnlyLayer(ctx, this.config, l, { y, tgtMask, batch, tgtLen });
    }
    return this.project(ctx, y);
  }

  /**
   * Encoder-only (BERT-style): the encoder, then the MLM head at every position,
   * (B·S) ids → logits (B·S, V_src) = enc.out·mlm.weight + mlm.bias. Traced: src.*, enc.{l}.*,
   * [enc.ln_f], enc.out, logits, probs.
   */
  maskedLM(ctx: ForwardContext, src: SourceInput): Tensor {
    this.expectFamily('maskedLM', 'encoder');
    const { memory } = this.encode(ctx, src);
    const logits = this.be.labelScope('mlm', () => op.point(ctx, 'logits', op.linear(ctx, memory, 'mlm')));
    if (ctx.trace) ctx.trace.put('probs', this.be.softmax(logits));
    return logits;
  }

  /**
   * The family's whole forward pass over a training batch → logits, one row per position of
   * the batch's `tgtLen` axis: the translator's decoder positions (B·T); the decoder-only
   * sequence (B·T); the encoder-only source (B·S; its batches set tgtLen = srcLen).
   */
  forward(ctx: ForwardContext, batch: SourceInput & TargetInput): Tensor {
    switch (this.family) {
      case 'decoder':
        return this.decodeOnly(ctx, batch);
      case 'encoder':
        return this.maskedLM(ctx, batch);
      default:
        return this.decode(ctx, this.encode(ctx, batch), batch);
    }
  }

  private expectFamily(what: string, ...families: ModelFamily[]): void {
    if (!families.includes(this.family)) {
      throw new Error(`model: ${what} needs a ${families.join(' or ')} model, this one is ${this.family}`);
    }
  }

  /** Final LayerNorm (pre-norm) and the output projection: (N, D) → logits (N, V). */
  project(ctx: ForwardContext, y: Tensor): Tensor {
    if (this.config.norm === 'pre') y = this.finalNorm(ctx, y, 'dec');
    y = op.point(ctx, 'dec.out', y);
    const logits = this.be.labelScope('output', () => op.point(ctx, 'logits', op.linear(ctx, y, 'out')));
    if (ctx.trace) {
      ctx.trace.put('probs', this.be.softmax(logits));
    }
    return logits;
  }

  finalNorm(ctx: ForwardContext, x: Tensor, side: 'enc' | 'dec'): Tensor {
    return this.be.labelScope(`${side}.ln_f`, () => norm(ctx, x, `${side}.ln_f`, this.config.lnEps));
  }

  /** Release the device memory. */
  dispose(): void {
    if (this.sinusoid) this.be.dispose(this.sinusoid);
  }
}

function checkLengths(side: string, n: number, batch: number, len: number, maxLen: number): void {
  if (n !== batch * len) throw new Error(`model: ${side} ids have ${n} entries, expected B·L = ${batch}·${len}`);
  if (len > maxLen) throw new Error(`model: ${side} length ${len} exceeds maxLen ${maxLen}`);
}
