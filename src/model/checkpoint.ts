// Save and load the checkpoint format `attention-lab/checkpoint@1` (docs/checkpoint.md).
// Loading validates everything before returning, so a refused file changes nothing.
import * as z from 'zod/mini';
import { en as englishZodMessages } from 'zod/v4/locales';
import { checkConfig, DEFAULT_VARIANT, modelFamily, type ModelConfig, type ModelFamily, type ModelVariant } from './config';
import { parameterEntries } from './parameters';
import { decodeFloat32, encodeFloat32, isBase64 } from './base64';

export const CHECKPOINT_FORMAT = 'attention-lab/checkpoint@1';
export const SPECIAL_TOKENS = ['<pad>', '<bos>', '<eos>', '<unk>'] as const;
/** The decoder-only family's separator between the English prompt and the Chinese continuation. */
export const SEP_TOKEN = '<sep>';
/** The encoder-only family's mask token. */
export const MASK_TOKEN = '<mask>';
/** Refuse files larger than this before parsing (characters). */
export const MAX_CHECKPOINT_CHARS = 64 * 1024 * 1024;
const MAX_VOCAB = 50_000;

export interface Checkpoint {
  config: ModelConfig;
  vocab: { src: string[]; tgt: string[] };
  dataset: string;
  meta: Record<string, unknown>;
  variant: ModelVariant;
  weights: Map<string, Float32Array>;
}

export type CheckpointErrorCode =
  | 'too-large'
  | 'not-json'
  | 'format'
  | 'structure'
  | 'config'
  | 'vocab'
  | 'special-token'
  | 'wrong-family'
  | 'missing-tensor'
  | 'unexpected-tensor'
  | 'shape'
  | 'base64'
  | 'length'
  | 'not-finite';

/** A refused checkpoint: `code` and `params` let the UI translate; message is plain English. */
export class CheckpointError extends Error {
  constructor(
    readonly code: CheckpointErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'CheckpointError';
  }
}

const configSchema = z.object({
  family: z.optional(z.enum(['encoder-decoder', 'decoder', 'encoder'])),
  dModel: z.number(),
  nHeads: z.number(),
  nEncoderLayers: z.number(),
  nDecoderLayers: z.number(),
  dFF: z.number(),
  maxLen: z.number(),
  activation: z.enum(['relu', 'gelu']),
  norm: z.enum(['post', 'pre']),
  positional: z.enum(['sinusoidal', 'learned', 'none']),
  embedScale: z.boolean(),
  lnEps: z.number(),
});

const tensorSchema = z.object({ shape: z.array(z.number().check(z.int(), z.nonnegative())), data: z.string() });

const fileSchema = z.object({
  format: z.string(),
  config: configSchema,
  vocab: z.object({ src: z.array(z.string()), tgt: z.array(z.string()) }),
  dataset: z.optional(z.string()),
  meta: z.optional(z.record(z.string(), z.unknown())),
  tensors: z.record(z.string(), tensorSchema),
});

const variantSchema = z.object({ scaleScores: z.boolean(), causalMask: z.boolean() });

// zod/mini carries no messages of its own: the English ones go into a refusal's message.
const zodEnglish = { error: englishZodMessages().localeError };

/** Parse and fully validate a checkpoint file's text. Throws CheckpointError. */
export function parseCheckpoint(text: string): Checkpoint {
  if (text.length > MAX_CHECKPOINT_CHARS) {
    throw new CheckpointError('too-large', `checkpoint is ${text.length} characters, the limit is ${MAX_CHECKPOINT_CHARS}`, {
      size: text.length,
      max: MAX_CHECKPOINT_CHARS,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CheckpointError('not-json', `checkpoint is not valid JSON (${(e as Error).message})`);
  }
  const tag = (raw as { format?: unknown } | null)?.format;
  if (tag !== CHECKPOINT_FORMAT) {
    throw new CheckpointError('format', `format must be "${CHECKPOINT_FORMAT}", got ${JSON.stringify(tag ?? null)}`, {
      got: String(tag ?? ''),
    });
  }
  const parsed = fileSchema.safeParse(raw, zodEnglish);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || '(top level)';
    throw new CheckpointError('structure', `checkpoint field ${where}: ${issue.message}`, { field: where });
  }
  const file = parsed.data;
  const config = file.config as ModelConfig;
  const problems = checkConfig(config);
  if (problems.length) {
    throw new CheckpointError('config', `config: ${problems[0].message}`, { field: problems[0].field, detail: problems[0].message });
  }
  const family = modelFamily(config);
  for (const side of ['src', 'tgt'] as const) checkVocab(family, side, file.vocab[side]);
  const variant = readVariant(file.meta);
  const weights = readTensors(config, file.vocab, file.tensors);
  const src = specialsFirst(file.vocab.src, config.dModel, weights, 'src', family);
  const tgt = specialsFirst(file.vocab.tgt, config.dModel, weights, 'tgt', family);
  return {
    config,
    vocab: { src, tgt },
    dataset: file.dataset ?? '',
    meta: file.meta ?? {},
    variant,
    weights,
  };
}

/** The one vocabulary side a one-stack family uses (null: the translator uses both). */
export function familySide(family: ModelFamily): 'src' | 'tgt' | null {
  return family === 'decoder' ? 'tgt' : family === 'encoder' ? 'src' : null;
}

/** The specials a vocabulary side must hold in this family: the four, plus <sep> (decoder) or <mask> (encoder). */
export function requiredSpecials(family: ModelFamily): string[] {
  return family === 'decoder' ? [...SPECIAL_TOKENS, SEP_TOKEN] : family === 'encoder' ? [...SPECIAL_TOKENS, MASK_TOKEN] : [...SPECIAL_TOKENS];
}

function checkVocab(family: ModelFamily, side: 'src' | 'tgt', tokens: string[]): void {
  const own = familySide(family);
  if (own && own !== side) {
    // A one-stack model has one vocabulary; the other side is an empty list.
    if (tokens.length) {
      throw new CheckpointError('vocab', `vocab.${side} must be empty in a ${family}-only model (its one vocabulary is vocab.${own}), got ${tokens.length} tokens`, { side });
    }
    return;
  }
  if (tokens.length > MAX_VOCAB) {
    throw new CheckpointError('vocab', `vocab.${side} has ${tokens.length} tokens, the limit is ${MAX_VOCAB}`, { side });
  }
  if (new Set(tokens).size !== tokens.length) {
    throw new CheckpointError('vocab', `vocab.${side} lists a token twice`, { side });
  }
  for (const s of requiredSpecials(family)) {
    if (!tokens.includes(s)) {
      throw new CheckpointError('special-token', `vocab.${side} lacks the special token ${s}`, { side, token: s });
    }
  }
}

function readVariant(meta: Record<string, unknown> | undefined): ModelVariant {
  if (!meta || meta.variant === undefined) return DEFAULT_VARIANT;
  const v = variantSchema.safeParse(meta.variant);
  if (!v.success) throw new CheckpointError('structure', 'meta.variant must be {scaleScores, causalMask} booleans', { field: 'meta.variant' });
  return v.data;
}

function readTensors(
  config: ModelConfig,
  vocab: { src: string[]; tgt: string[] },
  tensors: Record<string, { shape: number[]; data: string }>,
): Map<string, Float32Array> {
  const expected = parameterEntries(config, { src: vocab.src.length, tgt: vocab.tgt.length });
  const names = new Set(expected.map((e) => e.name));
  for (const name of Object.keys(tensors)) {
    if (!names.has(name)) throw new CheckpointError('unexpected-tensor', `tensor ${name} does not belong to this config`, { name });
  }
  const weights = new Map<string, Float32Array>();
  for (const entry of expected) {
    const t = tensors[entry.name];
    if (!t) throw new CheckpointError('missing-tensor', `tensor ${entry.name} is missing`, { name: entry.name });
    const want = entry.shape.join(',');
    if (t.shape.join(',') !== want) {
      throw new CheckpointError('shape', `tensor ${entry.name} has shape [${t.shape}], expected [${want}]`, {
        name: entry.name,
        got: `[${t.shape}]`,
        want: `[${want}]`,
      });
    }
    if (!isBase64(t.data)) throw new CheckpointError('base64', `tensor ${entry.name}: data is not valid base64`, { name: entry.name });
    const n = entry.shape.reduce((a, b) => a * b, 1);
    const values = decodeFloat32(t.data);
    if (!values || values.length !== n) {
      throw new CheckpointError('length', `tensor ${entry.name}: data decodes to ${values ? values.length : 'a partial number of'} floats, expected ${n}`, {
        name: entry.name,
        want: n,
      });
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i])) {
        throw new CheckpointError('not-finite', `tensor ${entry.name} holds a non-finite value at index ${i}`, { name: entry.name, index: i });
      }
    }
    weights.set(entry.name, values);
  }
  return weights;
}

/**
 * The format only requires the special tokens to be present; this program numbers them
 * 0–3 (<pad> <bos> <eos> <unk>). When a file orders them differently, reorder the vocabulary
 * and the weights that are indexed by it (embedding rows; output columns), which changes
 * no computed probability.
 */
function specialsFirst(tokens: string[], d: number, weights: Map<string, Float32Array>, side: 'src' | 'tgt', family: ModelFamily): string[] {
  const own = familySide(family);
  if (own && own !== side) return tokens;
  const order = [...SPECIAL_TOKENS.map((s) => tokens.indexOf(s)), ...tokens.map((_, i) => i).filter((i) => !SPECIAL_TOKENS.includes(tokens[i] as never))];
  if (order.every((from, to) => from === to)) return tokens;
  const embed = weights.get(`${side}_embed.weight`)!; // (V, D)
  weights.set(`${side}_embed.weight`, Float32Array.from({ length: embed.length }, (_, k) => embed[order[Math.floor(k / d)] * d + (k % d)]));
  // The output projection indexed by this side's vocabulary: out (translator, decoder-only) or mlm.
  const head = side === 'tgt' ? 'out' : family === 'encoder' ? 'mlm' : null;
  if (head) {
    const V = tokens.length;
    const w = weights.get(`${head}.weight`)!; // (D, V)
    weights.set(`${head}.weight`, Float32Array.from({ length: w.length }, (_, k) => w[Math.floor(k / V) * V + order[k % V]]));
    const b = weights.get(`${head}.bias`)!; // (V)
    weights.set(`${head}.bias`, Float32Array.from(order, (from) => b[from]));
  }
  return order.map((i) => tokens[i]);
}

/** Serialize to the checkpoint format (pretty-printed header, one line per tensor). */
export function serializeCheckpoint(cp: Checkpoint): string {
  const meta = { ...cp.meta };
  if (cp.variant.scaleScores !== DEFAULT_VARIANT.scaleScores || cp.variant.causalMask !== DEFAULT_VARIANT.causalMask) {
    meta.variant = cp.variant;
  }
  const entries = parameterEntries(cp.config, { src: cp.vocab.src.length, tgt: cp.vocab.tgt.length });
  const tensorLines = entries.map((e) => {
    const w = cp.weights.get(e.name);
    if (!w) throw new Error(`checkpoint: weights lack ${e.name}`);
    return `    ${JSON.stringify(e.name)}: ${JSON.stringify({ shape: e.shape, data: encodeFloat32(w) })}`;
  });
  // A one-stack family writes its one vocabulary; the other side is an empty list.
  const own = familySide(modelFamily(cp.config));
  const vocab = own === 'tgt' ? { src: [], tgt: cp.vocab.tgt } : own === 'src' ? { src: cp.vocab.src, tgt: [] } : cp.vocab;
  const head = {
    format: CHECKPOINT_FORMAT,
    config: cp.config,
    vocab,
    dataset: cp.dataset,
    meta,
  };
  const headText = JSON.stringify(head, null, 2);
  return `${headText.slice(0, -2)},\n  "tensors": {\n${tensorLines.join(',\n')}\n  }\n}\n`;
}

/**
 * Refuse a checkpoint of another family where one is required (a decoder-only file given to the
 * translator, …), with a message that names both.
 */
export function requireFamily(cp: Pick<Checkpoint, 'config'>, family: ModelFamily): void {
  const got = modelFamily(cp.config);
  if (got !== family) {
    throw new CheckpointError('wrong-family', `this checkpoint is ${FAMILY_NAMES[got]}, not ${FAMILY_NAMES[family]}`, { got, want: family });
  }
}

/** Plain names of the families, for messages. */
export const FAMILY_NAMES: Record<ModelFamily, string> = {
  'encoder-decoder': 'an encoder-decoder translator',
  decoder: 'a decoder-only language model',
  encoder: 'an encoder-only masked language model',
};

/** Ids of the special tokens in a vocabulary list. */
export function specialIds(tokens: readonly string[]): { pad: number; bos: number; eos: number; unk: number } {
  const at = (s: string) => {
    const i = tokens.indexOf(s);
    if (i < 0) throw new Error(`vocab lacks ${s}`);
    return i;
  };
  return { pad: at('<pad>'), bos: at('<bos>'), eos: at('<eos>'), unk: at('<unk>') };
}
