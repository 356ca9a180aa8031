// The setup form as data: a draft (text in the number fields, so people can type freely),
// read back into a training-config patch with every problem tied to its field and a
// translation key. Pure, so the rules are tested without a browser.
import { CONFIG_LIMITS, DEFAULT_CONFIG, familyConfig, modelFamily, type ActivationKind, type ModelFamily, type NormPlacement, type PositionalKind } from '../../model/config';
import type { ScheduleKind } from '../../train/schedule';
import { checkTrainingConfig, withConfig, type DatasetId, type TrainingConfig, type TrainingConfigPatch } from '../../train/trainingConfig';

export const NUMBER_FIELDS = ['dModel', 'nHeads', 'nEncoderLayers', 'nDecoderLayers', 'dFF', 'lr', 'warmup', 'batchSize', 'labelSmoothing', 'dropout', 'maxNorm', 'seed'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export const MODEL_FIELDS = ['dModel', 'nHeads', 'nEncoderLayers', 'nDecoderLayers', 'dFF'] as const satisfies readonly NumberField[];

export interface SetupDraft {
  /** Which family trains: the translator, decoder-only or encoder-only (the last two: toy data, from scratch). */
  family: ModelFamily;
  dataset: DatasetId;
  fromPretrained: boolean;
  norm: NormPlacement;
  activation: ActivationKind;
  positional: PositionalKind;
  schedule: ScheduleKind;
  numbers: Record<NumberField, string>;
}

/** A problem with one field, said by a key of train.setup.invalid.* and its values. */
export interface FieldProblem {
  field: NumberField | 'form';
  key: 'number' | 'int' | 'headsDivide' | 'evenD' | 'positive' | 'fraction' | 'nonNegative' | 'other';
  params?: Record<string, string | number>;
}

/** The shipped model's shape: what "start from the pretrained model" fixes. */
export const PRETRAINED_MODEL = DEFAULT_CONFIG;

type Rule = { kind: 'int'; min: number; max: number } | { kind: 'positive' } | { kind: 'fraction' } | { kind: 'nonNegative' };

const RULES: Record<NumberField, Rule> = {
  dModel: { kind: 'int', min: CONFIG_LIMITS.dModel[0], max: CONFIG_LIMITS.dModel[1] },
  nHeads: { kind: 'int', min: CONFIG_LIMITS.nHeads[0], max: CONFIG_LIMITS.nHeads[1] },
  nEncoderLayers: { kind: 'int', min: CONFIG_LIMITS.nEncoderLayers[0], max: CONFIG_LIMITS.nEncoderLayers[1] },
  nDecoderLayers: { kind: 'int', min: CONFIG_LIMITS.nDecoderLayers[0], max: CONFIG_LIMITS.nDecoderLayers[1] },
  dFF: { kind: 'int', min: CONFIG_LIMITS.dFF[0], max: CONFIG_LIMITS.dFF[1] },
  lr: { kind: 'positive' },
  warmup: { kind: 'int', min: 0, max: 100_000 },
  batchSize: { kind: 'int', min: 1, max: 512 },
  labelSmoothing: { kind: 'fraction' },
  dropout: { kind: 'fraction' },
  maxNorm: { kind: 'nonNegative' },
  seed: { kind: 'int', min: 0, max: 1_000_002 },
};

/** Limits for the inputs' min/max attributes. */
export function fieldRange(field: NumberField): { min?: number; max?: number; step: number | 'any' } {
  const r = RULES[field];
  if (r.kind === 'int') return { min: r.min, max: r.max, step: 1 };
  if (r.kind === 'fraction') return { min: 0, max: 0.99, step: 'any' };
  return { min: 0, step: 'any' };
}

function numberText(v: number): string {
  return String(v);
}

export function draftFromConfig(c: TrainingConfig): SetupDraft {
  return {
    family: modelFamily(c.model),
    dataset: c.dataset,
    fromPretrained: c.fromPretrained,
    norm: c.model.norm,
    activation: c.model.activation,
    positional: c.model.positional,
    schedule: c.schedule.kind,
    numbers: {
      dModel: numberText(c.model.dModel),
      nHeads: numberText(c.model.nHeads),
      nEncoderLayers: numberText(c.model.nEncoderLayers),
      nDecoderLayers: numberText(c.model.nDecoderLayers),
      dFF: numberText(c.model.dFF),
      lr: numberText(c.optimizer.lr),
      warmup: numberText(c.schedule.warmup),
      batchSize: numberText(c.batchSize),
      labelSmoothing: numberText(c.optimizer.labelSmoothing),
      dropout: numberText(c.optimizer.dropout),
      maxNorm: numberText(c.optimizer.maxNorm),
      seed: numberText(c.seed),
    },
  };
}

/** The layer field a family has no stack for (its count is 0 and the form hides it). */
export function absentLayers(family: ModelFamily): 'nEncoderLayers' | 'nDecoderLayers' | null {
  return family === 'decoder' ? 'nEncoderLayers' : family === 'encoder' ? 'nDecoderLayers' : null;
}

/** The model fields the form shows for a family. */
export function modelFieldsFor(family: ModelFamily): NumberField[] {
  return MODEL_FIELDS.filter((f) => f !== absentLayers(family));
}

/**
 * The draft with another family: the one-stack families train on the toy data from scratch (no
 * pretrained start), and the stack a family keeps gets a layer count when it had none.
 */
export function withFamily(d: SetupDraft, family: ModelFamily): SetupDraft {
  if (family === d.family) return d;
  const numbers = { ...d.numbers };
  const shipped = familyConfig(family);
  const kept: Array<'nEncoderLayers' | 'nDecoderLayers'> = (['nEncoderLayers', 'nDecoderLayers'] as const).filter((f) => f !== absentLayers(family));
  for (const f of kept) if (!(Number(numbers[f]) >= 1)) numbers[f] = String(shipped[f]);
  return { ...d, family, numbers, ...(family === 'encoder-decoder' ? {} : { dataset: 'toy' as const, fromPretrained: false }) };
}

/** The draft with "start from the pretrained model" switched: on fixes dataset and model shape. */
export function withPretrained(d: SetupDraft, on: boolean): SetupDraft {
  if (!on) return { ...d, fromPretrained: false };
  const m = PRETRAINED_MODEL;
  return {
    ...d,
    family: 'encoder-decoder',
    fromPretrained: true,
    dataset: 'toy',
    norm: m.norm,
    activation: m.activation,
    positional: m.positional,
    numbers: {
      ...d.numbers,
      dModel: numberText(m.dModel),
      nHeads: numberText(m.nHeads),
      nEncoderLayers: numberText(m.nEncoderLayers),
      nDecoderLayers: numberText(m.nDecoderLayers),
      dFF: numberText(m.dFF),
    },
  };
}

export function sameDraft(a: SetupDraft, b: SetupDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function parse(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

function checkNumber(field: NumberField, v: number | null): FieldProblem | null {
  const r = RULES[field];
  if (v === null) return r.kind === 'int' ? { field, key: 'int', params: { min: r.min, max: r.max } } : { field, key: 'number' };
  switch (r.kind) {
    case 'int':
      return Number.isInteger(v) && v >= r.min && v <= r.max ? null : { field, key: 'int', params: { min: r.min, max: r.max } };
    case 'positive':
      return v > 0 ? null : { field, key: 'positive' };
    case 'fraction':
      return v >= 0 && v < 1 ? null : { field, key: 'fraction' };
    case 'nonNegative':
      return v >= 0 ? null : { field, key: 'nonNegative' };
  }
}

export interface DraftReading {
  /** The whole config the draft describes (on top of `base`), when it has no problem. */
  config: TrainingConfig | null;
  patch: TrainingConfigPatch | null;
  problems: FieldProblem[];
}

/** The draft as a config patch, or the problems that stop it (each tied to a field). */
export function readDraft(draft: SetupDraft, base: TrainingConfig): DraftReading {
  const values = {} as Record<NumberField, number>;
  const problems: FieldProblem[] = [];
  const absent = absentLayers(draft.family);
  if (absent) values[absent] = 0; // the family has no such stack
  for (const field of NUMBER_FIELDS) {
    if (field === absent) continue;
    const v = parse(draft.numbers[field]);
    const p = checkNumber(field, v);
    if (p) problems.push(p);
    else values[field] = v!;
  }
  const has = (f: NumberField) => !problems.some((p) => p.field === f);
  if (has('dModel') && has('nHeads') && values.dModel % values.nHeads !== 0) {
    problems.push({ field: 'nHeads', key: 'headsDivide', params: { d: values.dModel, h: values.nHeads } });
  }
  if (has('dModel') && draft.positional === 'sinusoidal' && values.dModel % 2 !== 0) problems.push({ field: 'dModel', key: 'evenD' });
  if (problems.length) return { config: null, patch: null, problems };

  // A family change brings that family's longest sequence (the decoder-only model reads English
  // and Chinese as one sequence); otherwise the model keeps its own.
  const familyChanged = draft.family !== modelFamily(base.model);
  const patch: TrainingConfigPatch = {
    dataset: draft.dataset,
    fromPretrained: draft.fromPretrained,
    model: {
      // Absent means the translator: a translator's config keeps it absent.
      ...(draft.family !== 'encoder-decoder' || base.model.family !== undefined ? { family: draft.family } : {}),
      ...(familyChanged ? { maxLen: familyConfig(draft.family).maxLen } : {}),
      dModel: values.dModel,
      nHeads: values.nHeads,
      nEncoderLayers: values.nEncoderLayers,
      nDecoderLayers: values.nDecoderLayers,
      dFF: values.dFF,
      norm: draft.norm,
      activation: draft.activation,
      positional: draft.positional,
    },
    optimizer: { lr: values.lr, labelSmoothing: values.labelSmoothing, dropout: values.dropout, maxNorm: values.maxNorm },
    schedule: { kind: draft.schedule, warmup: values.warmup },
    batchSize: values.batchSize,
    seed: values.seed,
  };
  const config = withConfig(base, patch);
  // Anything the runtime still refuses (a rule this form does not know) stays visible.
  const rest = checkTrainingConfig(config).map((p): FieldProblem => ({ field: 'form', key: 'other', params: { message: p.message } }));
  return rest.length ? { config: null, patch: null, problems: rest } : { config, patch, problems: [] };
}

/** Whether the model's shape is the shipped one (the pretrained start needs it). */
export function isPretrainedShape(d: SetupDraft): boolean {
  const m = PRETRAINED_MODEL;
  const n = d.numbers;
  return (
    d.family === 'encoder-decoder' &&
    d.dataset === 'toy' &&
    Number(n.dModel) === m.dModel &&
    Number(n.nHeads) === m.nHeads &&
    Number(n.nEncoderLayers) === m.nEncoderLayers &&
    Number(n.nDecoderLayers) === m.nDecoderLayers &&
    Number(n.dFF) === m.dFF &&
    d.norm === m.norm &&
    d.activation === m.activation &&
    d.positional === m.positional
  );
}
