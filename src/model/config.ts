// Model configuration: the fields of the checkpoint format (docs/checkpoint.md) plus the
// variants the Train view's experiments switch. Defaults follow the paper's definitions.

export type NormPlacement = 'post' | 'pre';
export type PositionalKind = 'sinusoidal' | 'learned' | 'none';
export type ActivationKind = 'relu' | 'gelu';
/**
 * Which composition of the same layers (shared/docs/checkpoint.md, "The other two families"):
 * the translator (encoder + decoder with cross-attention), a decoder-only language model
 * (GPT-style: one causal stack, one joint vocabulary, prompted with `<bos> English <sep>`), or an
 * encoder-only masked language model (BERT-style: one bidirectional stack and an MLM head).
 */
export type ModelFamily = 'encoder-decoder' | 'decoder' | 'encoder';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['encoder-decoder', 'decoder', 'encoder'];

export interface ModelConfig {
  /** Absent = 'encoder-decoder' (every file written before families existed). */
  family?: ModelFamily;
  dModel: number; // D
  nHeads: number; // H; Dh = D / H
  nEncoderLayers: number;
  nDecoderLayers: number;
  dFF: number; // F
  maxLen: number; // longest sequence either side, special tokens included
  activation: ActivationKind;
  norm: NormPlacement;
  positional: PositionalKind;
  embedScale: boolean; // multiply embeddings by √D before adding positions
  lnEps: number;
}

/**
 * What-if switches that are not part of the paper's model. They change how the model
 * computes, so a model trained with one must be run with it (they travel in checkpoint meta).
 */
export interface ModelVariant {
  /** Divide scores by √Dh (the paper). Off for the "no scaling" experiment. */
  scaleScores: boolean;
  /** Causal mask in decoder self-attention during teacher-forced passes. */
  causalMask: boolean;
  /**
   * Residual connections around each sublayer (absent = on, the paper). Off only in the
   * training-step walkthrough's gradient-flow comparison, never in a trained model.
   */
  residual?: boolean;
}

export const DEFAULT_VARIANT: ModelVariant = { scaleScores: true, causalMask: true };

/**
 * The shipped translator's size: D = 48, H = 4 (Dh = 12), 2 + 2 layers, F = 4·D (the paper's
 * ratio). About 143k parameters: the checkpoint stays under 1 MB and one CPU core trains it
 * to 99% exact match in a few hundred steps. See the README's "Model size" section.
 */
export const DEFAULT_CONFIG: ModelConfig = {
  dModel: 48,
  nHeads: 4,
  nEncoderLayers: 2,
  nDecoderLayers: 2,
  dFF: 192,
  maxLen: 24,
  activation: 'relu',
  norm: 'post',
  positional: 'sinusoidal',
  embedScale: true,
  lnEps: 1e-5,
};

/** The family of a config: absent means the translator. */
export function modelFamily(c: Pick<ModelConfig, 'family'>): ModelFamily {
  return c.family ?? 'encoder-decoder';
}

/**
 * The shipped decoder-only model: the translator's width and depth (D = 48, H = 4, 2 layers,
 * F = 192) on one causal stack. maxLen 34 = the longest English (15) + the longest Chinese (16)
 * + `<bos>`, `<sep>`, `<eos>`, so every toy pair fits as one sequence (the longest real pair
 * needs 33: the two longest sides never meet in one sentence).
 */
export const DECODER_CONFIG: ModelConfig = { ...DEFAULT_CONFIG, family: 'decoder', nEncoderLayers: 0, nDecoderLayers: 2, maxLen: 34 };

/** The shipped encoder-only model: the translator's encoder (D = 48, 2 layers) plus an MLM head. */
export const ENCODER_CONFIG: ModelConfig = { ...DEFAULT_CONFIG, family: 'encoder', nEncoderLayers: 2, nDecoderLayers: 0, maxLen: 24 };

/** A fresh config of `family` with the shipped size of that family (the translator: DEFAULT_CONFIG). */
export function familyConfig(family: ModelFamily): ModelConfig {
  return family === 'decoder' ? { ...DECODER_CONFIG } : family === 'encoder' ? { ...ENCODER_CONFIG } : { ...DEFAULT_CONFIG };
}

/** Ranges a config must stay within; loading refuses anything outside them. */
export const CONFIG_LIMITS = {
  dModel: [4, 512],
  nHeads: [1, 16],
  nEncoderLayers: [1, 8],
  nDecoderLayers: [1, 8],
  dFF: [4, 4096],
  maxLen: [4, 512],
  lnEps: [1e-12, 1e-2],
} as const;

export type ConfigProblem = { field: string; message: string };

/**
 * All problems with a config, empty when it is valid. The family decides the layer counts: a
 * decoder-only model has nEncoderLayers = 0, an encoder-only one nDecoderLayers = 0, and the
 * stack it has stays within CONFIG_LIMITS.
 */
export function checkConfig(c: ModelConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const family = c.family;
  if (family !== undefined && !MODEL_FAMILIES.includes(family)) {
    problems.push({ field: 'family', message: `family must be "encoder-decoder", "decoder" or "encoder", got ${JSON.stringify(family)}` });
  }
  const absent: string | null = family === 'decoder' ? 'nEncoderLayers' : family === 'encoder' ? 'nDecoderLayers' : null;
  for (const [field, [lo, hi]] of Object.entries(CONFIG_LIMITS)) {
    const v = (c as unknown as Record<string, unknown>)[field];
    const isInt = field !== 'lnEps';
    if (typeof v !== 'number' || !Number.isFinite(v) || (isInt && !Number.isInteger(v))) {
      problems.push({ field, message: `${field} must be ${isInt ? 'an integer' : 'a number'}` });
    } else if (field === absent) {
      if (v !== 0) problems.push({ field, message: `${field} must be 0 in a ${family}-only model, got ${v}` });
    } else if (v < lo || v > hi) {
      problems.push({ field, message: `${field} = ${v} is outside [${lo}, ${hi}]` });
    }
  }
  if (Number.isInteger(c.dModel) && Number.isInteger(c.nHeads) && c.nHeads > 0 && c.dModel % c.nHeads !== 0) {
    problems.push({ field: 'nHeads', message: `nHeads = ${c.nHeads} does not divide dModel = ${c.dModel}` });
  }
  if (c.positional === 'sinusoidal' && Number.isInteger(c.dModel) && c.dModel % 2 !== 0) {
    problems.push({ field: 'dModel', message: `sinusoidal positions need an even dModel, got ${c.dModel}` });
  }
  if (c.activation !== 'relu' && c.activation !== 'gelu') {
    problems.push({ field: 'activation', message: `activation must be "relu" or "gelu", got ${JSON.stringify(c.activation)}` });
  }
  if (c.norm !== 'post' && c.norm !== 'pre') {
    problems.push({ field: 'norm', message: `norm must be "post" or "pre", got ${JSON.stringify(c.norm)}` });
  }
  if (!['sinusoidal', 'learned', 'none'].includes(c.positional as string)) {
    problems.push({ field: 'positional', message: `positional must be "sinusoidal", "learned" or "none", got ${JSON.stringify(c.positional)}` });
  }
  if (typeof c.embedScale !== 'boolean') {
    problems.push({ field: 'embedScale', message: 'embedScale must be true or false' });
  }
  return problems;
}

export function headDim(c: ModelConfig): number {
  return c.dModel / c.nHeads;
}
