// Which engine trains: a pure decision from what is known about this machine — whether a
// WebGPU adapter exists, whether it is a fallback (software) adapter, the steps/s measured on
// each engine for this run's shape, and the user's override. The app's training service
// measures (calibrate.ts), caches the measurements per adapter and config shape, and shows the
// decision's reason in the Train view's engine line.
import type { TrainerKind } from './events';
import type { TrainingConfig } from './trainingConfig';

/** The two engines a run can use: WebGPU in the page, or the CPU (in a background worker). */
export type EngineName = 'webgpu' | 'cpu';

/** 'auto': the faster measured engine; otherwise the user's choice for this adapter. */
export type EnginePreference = 'auto' | EngineName;

export const ENGINE_PREFERENCES: readonly EnginePreference[] = ['auto', 'webgpu', 'cpu'];

export function isEnginePreference(v: unknown): v is EnginePreference {
  return typeof v === 'string' && (ENGINE_PREFERENCES as readonly string[]).includes(v);
}

/** Training steps per second on each engine for one run shape; null: not measured; 0: failed. */
export interface EngineRates {
  webgpu: number | null;
  cpu: number | null;
}

export interface AdapterFacts {
  /** A WebGPU device is ready. */
  available: boolean;
  /** The adapter says it is a fallback (software) adapter. */
  fallback: boolean;
}

export type EngineReason =
  /** No WebGPU adapter: the CPU is the only engine. */
  | 'no-webgpu'
  /** Both measured; the chosen one is clearly faster (`ratio` ≥ 1 + TIE_BAND). */
  | 'faster'
  /** Both measured within TIE_BAND of each other (see `tieFavours`). */
  | 'tie'
  /** A fallback (software) adapter without a measurement that clears it: the CPU. */
  | 'fallback-adapter'
  /** The WebGPU measurement failed (an error or no step in time): the CPU. */
  | 'webgpu-failed'
  /** The CPU measurement failed while WebGPU's worked: WebGPU. */
  | 'cpu-failed'
  /** A hardware adapter, and no usable measurement of the CPU: WebGPU, as before measurements. */
  | 'unmeasured'
  /** The user chose this engine for this adapter. */
  | 'override';

export interface EngineDecision {
  engine: EngineName;
  reason: EngineReason;
  /** The faster engine's steps/s over the slower's, when both were measured (≥ 1). */
  ratio: number | null;
  /** Which engine measured faster (null: not both measured). */
  faster: EngineName | null;
  rates: EngineRates;
}

/** Measurements within 10% of each other are a tie. */
export const TIE_BAND = 0.1;

/**
 * Ties favour WebGPU on a hardware adapter (the CPU stays free for the page, and a GPU gains
 * more as the model grows), and the CPU on a fallback adapter (software WebGPU runs on the
 * same cores, with the page's main thread encoding its work).
 */
export function tieFavours(adapter: AdapterFacts): EngineName {
  return adapter.fallback ? 'cpu' : 'webgpu';
}

const measured = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const failed = (x: number | null) => x !== null && !measured(x);

/** The engine for a run, and why. Pure: the same facts give the same answer. */
export function decideEngine(input: { preference: EnginePreference; adapter: AdapterFacts; rates?: Partial<EngineRates> | null }): EngineDecision {
  const { preference, adapter } = input;
  const rates: EngineRates = { webgpu: input.rates?.webgpu ?? null, cpu: input.rates?.cpu ?? null };
  const both = measured(rates.webgpu) && measured(rates.cpu);
  const faster: EngineName | null = both ? (rates.webgpu! >= rates.cpu! ? 'webgpu' : 'cpu') : null;
  const ratio = both ? Math.max(rates.webgpu!, rates.cpu!) / Math.min(rates.webgpu!, rates.cpu!) : null;
  const decision = (engine: EngineName, reason: EngineReason): EngineDecision => ({ engine, reason, ratio, faster, rates });

  if (!adapter.available) return decision('cpu', 'no-webgpu');
  if (preference !== 'auto') return decision(preference, 'override');
  if (both) {
    if (ratio! < 1 + TIE_BAND) return decision(tieFavours(adapter), 'tie');
    return decision(faster!, 'faster');
  }
  // Not both measured (null: not measured; 0 or NaN: the measurement failed). A software
  // adapter is never chosen on faith; a hardware one is, as before there were measurements.
  if (failed(rates.webgpu)) return decision('cpu', 'webgpu-failed');
  if (failed(rates.cpu)) return decision('webgpu', 'cpu-failed');
  if (adapter.fallback) return decision('cpu', 'fallback-adapter');
  return decision('webgpu', 'unmeasured');
}

/** Whether a run should measure the engines before it starts (auto, a GPU, nothing cached). */
export function needsCalibration(preference: EnginePreference, adapter: AdapterFacts, cached: EngineRates | null): boolean {
  return preference === 'auto' && adapter.available && !cached;
}

/** The engine a trainer kind runs on. */
export function engineOf(kind: TrainerKind): EngineName {
  return kind === 'webgpu' ? 'webgpu' : 'cpu';
}

/** What identifies an adapter (GPUAdapterInfo's fields; all optional). */
export interface AdapterIdentity {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** A stable key for an adapter: vendor / architecture / device / description (+ fallback). */
export function adapterKey(info: AdapterIdentity): string {
  const part = (s: string | undefined) => (s ?? '').trim().toLowerCase();
  return [part(info.vendor), part(info.architecture), part(info.device), part(info.description), info.isFallbackAdapter ? 'fallback' : ''].join('/');
}

/**
 * Bump when an engine's speed changes enough to void old measurements (new kernels, a new CPU
 * path): cached calibrations carry it in their key.
 */
export const CALIBRATION_VERSION = 1;

/** What a run's speed depends on: dataset (sentence lengths), model shape, batch size. */
export function configShapeKey(config: TrainingConfig): string {
  const m = config.model;
  const shape = [m.dModel, m.nHeads, m.nEncoderLayers, m.nDecoderLayers, m.dFF, m.maxLen, m.activation, m.norm, m.positional];
  return `${config.dataset}:${shape.join('-')}:b${config.batchSize}`;
}

/** The cache key of a calibration: version, adapter and run shape. */
export function calibrationKey(adapter: string, config: TrainingConfig): string {
  return `v${CALIBRATION_VERSION}|${adapter}|${configShapeKey(config)}`;
}
