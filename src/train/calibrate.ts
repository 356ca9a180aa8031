// Calibration: how many training steps per second each engine manages for a run's config, on
// this machine, measured the way the run will train (a TrainerHandle: the page's WebGPU trainer,
// or the CPU worker). Building the run and its first step (data, pipelines compiled, buffers
// allocated) are excluded; then one timed step sizes a second timed batch to fill the budget.
// Throwaway trainers: the run itself starts afterwards on the chosen engine, from its own start.
import type { TrainerEvent, TrainerHandle, TrainerSpec } from './events';
import type { EngineName, EngineRates } from './enginePick';
import type { TrainingConfig } from './trainingConfig';

export interface CalibrationOptions {
  /** Timed steps stop once about this much time (ms) is spent (at least one step is timed). */
  budgetMs?: number;
  /** At most this many timed steps. */
  maxSteps?: number;
  /** The whole measurement of one engine (build included) gives up after this long: a failure. */
  timeoutMs?: number;
  /** Waiting for the evaluation the trainer queues at init stops after this long. */
  settleMs?: number;
  now?: () => number;
}

export const DEFAULT_CALIBRATION: Required<Omit<CalibrationOptions, 'now'>> = { budgetMs: 700, maxSteps: 12, timeoutMs: 30_000, settleMs: 3_000 };

export interface EngineMeasurement {
  /** Timed steps per second; 0 when the measurement failed. */
  stepsPerSec: number;
  /** Timed steps and their time (ms). */
  steps: number;
  ms: number;
  /** Target tokens of the timed steps that reported (the CPU reports every step). */
  tokens: number;
  /** Building the run (ms), and the untimed warm-up step (ms). */
  initMs: number;
  warmMs: number;
  error?: string;
}

/**
 * The spec a calibration trains: the run's config from scratch (speed does not depend on the
 * weights), with evaluations, probe snapshots and host copies pushed past the timed steps.
 */
export function calibrationSpec(config: TrainingConfig, baseUrl?: string): TrainerSpec {
  const far = 1_000_000;
  return {
    config: { ...config, fromPretrained: false, maxSteps: 0, cadence: { evalEvery: far, validationSize: 1, samples: 1, attentionEvery: far, snapshotEvery: far } },
    start: { kind: 'scratch' },
    probe: '',
    baseUrl,
  };
}

class Timeout extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout(`no result within ${ms} ms`)), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Steps/s of `trainer` (fresh, not initialised) on `spec`; disposes the trainer. Never throws. */
export async function measureTrainer(trainer: TrainerHandle, spec: TrainerSpec, options: CalibrationOptions = {}): Promise<EngineMeasurement> {
  const o = { ...DEFAULT_CALIBRATION, ...options };
  const now = options.now ?? (() => performance.now());
  const out: EngineMeasurement = { stepsPerSec: 0, steps: 0, ms: 0, tokens: 0, initMs: 0, warmMs: 0 };
  let timedAfter = Infinity; // steps numbered above this are timed
  // init queues an evaluation of the starting weights: let it finish before timing.
  let evaluated!: () => void;
  const firstEval = new Promise<void>((resolve) => (evaluated = resolve));
  const stop = trainer.subscribe((e: TrainerEvent) => {
    if (e.type === 'eval') evaluated();
    if (e.type === 'steps') for (const p of e.points) if (p.step > timedAfter) out.tokens += p.tokens;
  });
  const run = async () => {
    const t0 = now();
    const info = await trainer.init(spec);
    let settle: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([firstEval, new Promise((r) => (settle = setTimeout(r, o.settleMs)))]);
    clearTimeout(settle);
    const t1 = now();
    out.initMs = t1 - t0;
    await trainer.step(1); // warm-up: the rest of the compilation, first-use allocations
    timedAfter = (info?.step ?? 0) + 1;
    const t2 = now();
    out.warmMs = t2 - t1;
    await trainer.step(1);
    const t3 = now();
    out.steps = 1;
    out.ms = t3 - t2;
    const more = Math.min(o.maxSteps - 1, Math.floor((o.budgetMs - out.ms) / Math.max(out.ms, 1e-3)));
    if (more > 0) {
      await trainer.step(more);
      out.steps += more;
      out.ms += now() - t3;
    }
    out.stepsPerSec = (out.steps * 1000) / Math.max(out.ms, 1e-3);
  };
  try {
    await within(o.timeoutMs, run());
  } catch (e) {
    out.stepsPerSec = 0;
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    stop();
    trainer.dispose();
  }
  return out;
}

export interface CalibrationResult {
  rates: EngineRates;
  details: Partial<Record<EngineName, EngineMeasurement>>;
}

/**
 * Measure each engine in turn (never at once: they would share the cores). `create` builds a
 * fresh trainer for an engine; a build that throws counts as a failed measurement (rate 0).
 */
export async function calibrateEngines(opts: {
  engines: readonly EngineName[];
  create: (engine: EngineName) => Promise<TrainerHandle>;
  spec: TrainerSpec;
  onEngine?: (engine: EngineName) => void;
  options?: CalibrationOptions;
}): Promise<CalibrationResult> {
  const rates: EngineRates = { webgpu: null, cpu: null };
  const details: CalibrationResult['details'] = {};
  for (const engine of opts.engines) {
    opts.onEngine?.(engine);
    let m: EngineMeasurement;
    try {
      m = await measureTrainer(await opts.create(engine), opts.spec, opts.options);
    } catch (e) {
      m = { stepsPerSec: 0, steps: 0, ms: 0, tokens: 0, initMs: 0, warmMs: 0, error: e instanceof Error ? e.message : String(e) };
    }
    details[engine] = m;
    rates[engine] = m.stepsPerSec;
  }
  return { rates, details };
}
