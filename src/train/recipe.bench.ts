// Benchmark of training recipes: steps to 95% validation exact match of the Train view's
// default model (toy grammar) for candidate recipes, over several seeds, in Node on the CPU
// engine. Not a test; numbers are printed, never asserted:
//   npx tsx src/train/recipe.bench.ts [--seeds 1,2,3] [--max 600] [--every 25] [--target 0.95]
//                                     [--only name,name] [--kernel auto|fast|js] [--out FILE]
// - Each recipe is a TrainingConfigPatch over DEFAULT_TRAINING_CONFIG (RECIPES below; `default`
//   is today's defaults as they stand, `before` the defaults before issue 13 written out).
// - A run is the Train view's own Trainer (one thread, from scratch, seed s: the seed picks the
//   initial weights, the training stream and the validation set, as in the tab): `step(every)`
//   then `evaluate()` on the validation set the Train view measures (cadence.validationSize
//   sentences, greedy decoding), until exact match ≥ target or `max` steps. Its count of steps
//   does not depend on the machine; the CPU milliseconds per training step (evaluation
//   excluded) do, and are only for comparing recipes run in the same minutes.
// - A run that diverges (the guard stops it) or never reaches the target counts as not reached
//   (∞ in the median).
// - --family decoder|encoder: the same recipes on a one-stack model as the Train view's family
//   switch builds it (decoder-only: prompted translation's exact match; encoder-only: top-1 at
//   the masked words, which stays near 55%: give it a --target it can reach).
// - The table gives steps per seed, their median, the sentence pairs trained on by then
//   (median steps × batch) and CPU ms per step.
// - Results are merged by recipe name into bench/results/recipe.json (`--out` elsewhere).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createCpuBackend, matmulKernel, setMatmulKernel, type MatmulKernelChoice } from '../engine/cpu';
import { MODEL_FAMILIES, type ModelFamily } from '../model/config';
import { configForFamily } from './experimentRun';
import type { ScheduleKind } from './schedule';
import { Trainer } from './trainer';
import { DEFAULT_TRAINING_CONFIG, withConfig, type TrainingConfig, type TrainingConfigPatch } from './trainingConfig';

interface RecipeKnobs {
  lr: number;
  warmup: number;
  kind: ScheduleKind;
  /** Cosine: the step where the rate reaches its floor (default 10 × warm-up). */
  total?: number;
  batch: number;
  smoothing: number;
  beta2?: number;
}

/** A recipe written out in full, so that its meaning does not move with the defaults. */
function recipe(k: RecipeKnobs): TrainingConfigPatch {
  return {
    optimizer: { lr: k.lr, labelSmoothing: k.smoothing, beta2: k.beta2 ?? 0.98 },
    schedule: { kind: k.kind, warmup: k.warmup, total: k.total },
    batchSize: k.batch,
  };
}

const BEFORE: RecipeKnobs = { lr: 1e-3, warmup: 100, kind: 'inverse-sqrt', batch: 32, smoothing: 0.1 };

/** The candidates, by name. */
export const RECIPES: Record<string, TrainingConfigPatch> = {
  default: {},
  before: recipe(BEFORE),
  'lr2e-3': recipe({ ...BEFORE, lr: 2e-3 }),
  'lr3e-3': recipe({ ...BEFORE, lr: 3e-3 }),
  'lr2e-3-w50': recipe({ ...BEFORE, lr: 2e-3, warmup: 50 }),
  'lr3e-3-w50': recipe({ ...BEFORE, lr: 3e-3, warmup: 50 }),
  'lr5e-3-w50': recipe({ ...BEFORE, lr: 5e-3, warmup: 50 }),
  'lr5e-3': recipe({ ...BEFORE, lr: 5e-3 }),
  'lr5e-3-w25': recipe({ ...BEFORE, lr: 5e-3, warmup: 25 }),
  'lr7e-3-w50': recipe({ ...BEFORE, lr: 7e-3, warmup: 50 }),
  'lr1e-2-w50': recipe({ ...BEFORE, lr: 1e-2, warmup: 50 }),
  'lr5e-3-w50-cos': recipe({ ...BEFORE, lr: 5e-3, warmup: 50, kind: 'cosine', total: 1000 }),
  'lr5e-3-w50-ls0': recipe({ ...BEFORE, lr: 5e-3, warmup: 50, smoothing: 0 }),
  'lr5e-3-w50-b16': recipe({ ...BEFORE, lr: 5e-3, warmup: 50, batch: 16 }),
  'lr5e-3-w50-b64': recipe({ ...BEFORE, lr: 5e-3, warmup: 50, batch: 64 }),
  // The Train view can switch the dataset with the same recipe: a check, not a candidate
  // (exact match stays far below 95% there; compare lastValidLoss / exactMatch at --max).
  'tatoeba-before': { ...recipe(BEFORE), dataset: 'tatoeba' },
  'tatoeba-lr5e-3-w50': { ...recipe({ ...BEFORE, lr: 5e-3, warmup: 50 }), dataset: 'tatoeba' },
  'lr2e-3-ls0': recipe({ ...BEFORE, lr: 2e-3, smoothing: 0 }),
  'lr3e-3-w50-ls0': recipe({ ...BEFORE, lr: 3e-3, warmup: 50, smoothing: 0 }),
  'lr2e-3-cos': recipe({ ...BEFORE, lr: 2e-3, kind: 'cosine', total: 1000 }),
  'lr3e-3-w50-cos': recipe({ ...BEFORE, lr: 3e-3, warmup: 50, kind: 'cosine', total: 1000 }),
  'lr3e-3-w50-b64': recipe({ ...BEFORE, lr: 3e-3, warmup: 50, batch: 64 }),
  'lr2e-3-b64': recipe({ ...BEFORE, lr: 2e-3, batch: 64 }),
  'lr3e-3-w50-b2-.99': recipe({ ...BEFORE, lr: 3e-3, warmup: 50, beta2: 0.99 }),
};

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1,2,3' },
    max: { type: 'string', default: '600' },
    every: { type: 'string', default: '25' },
    target: { type: 'string', default: '0.95' },
    only: { type: 'string', default: '' },
    kernel: { type: 'string', default: 'auto' },
    family: { type: 'string', default: 'encoder-decoder' },
    out: { type: 'string', default: 'bench/results/recipe.json' },
  },
});
setMatmulKernel(values.kernel as MatmulKernelChoice);
const SEEDS = values.seeds!.split(',').map(Number);
const MAX = Number(values.max);
const EVERY = Number(values.every);
const TARGET = Number(values.target);
const FAMILY = values.family as ModelFamily;
if (!MODEL_FAMILIES.includes(FAMILY)) throw new Error(`--family must be one of ${MODEL_FAMILIES.join(', ')}, got ${values.family}`);
const ONLY = values.only ? values.only.split(',') : Object.keys(RECIPES);
for (const name of ONLY) if (!(name in RECIPES)) throw new Error(`--only: no recipe named ${JSON.stringify(name)} (have ${Object.keys(RECIPES).join(', ')})`);

interface RunResult {
  seed: number;
  /** First evaluated step with exact match ≥ target; null when not reached within max (or diverged). */
  steps: number | null;
  diverged: boolean;
  /** Exact match at each evaluation (every `every` steps). */
  exactMatch: number[];
  /** Validation loss at the last evaluation (label smoothing as trained). */
  lastValidLoss: number | null;
  /** CPU milliseconds of this process per training step (evaluation excluded). */
  cpuMsPerStep: number;
}

interface RecipeResult {
  name: string;
  config: { lr: number; beta2: number; labelSmoothing: number; schedule: TrainingConfig['schedule']; batchSize: number };
  every: number;
  max: number;
  target: number;
  runs: RunResult[];
  medianSteps: number | null;
  /** Sentence pairs trained on by then: median steps × batch (a bigger batch costs more per step). */
  medianSentences: number | null;
  /** Median over runs of the CPU ms per training step. */
  cpuMsPerStep: number;
}

/** Median with null (not reached) as +∞; null when the median itself is not reached. */
function median(xs: Array<number | null>): number | null {
  const s = xs.map((x) => x ?? Infinity).sort((a, b) => a - b);
  const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return Number.isFinite(m) ? m : null;
}

async function run(config: TrainingConfig): Promise<RunResult> {
  const trainer = new Trainer({
    backend: createCpuBackend(),
    kind: 'cpu',
    frameBudgetMs: 0,
    ownsBackend: true,
    loadTatoeba: async () => (await import('../data/tatoebaNode')).loadTatoebaFile(),
  });
  let diverged = false;
  let failure: string | null = null;
  trainer.subscribe((e) => {
    if (e.type === 'divergence') diverged = true;
    if (e.type === 'error') failure = e.error.message;
  });
  await trainer.init({ config, start: { kind: 'scratch' }, probe: '' });
  const exactMatch: number[] = [];
  let steps: number | null = null;
  let lastValidLoss: number | null = null;
  let cpuUs = 0;
  while (trainer.steps < MAX && !diverged) {
    const cpu0 = process.cpuUsage();
    await trainer.step(Math.min(EVERY, MAX - trainer.steps));
    const cpu = process.cpuUsage(cpu0);
    cpuUs += cpu.user + cpu.system;
    if (failure !== null) throw new Error(`trainer error at step ${trainer.steps}: ${failure}`);
    if (diverged) break;
    const r = await trainer.evaluate();
    exactMatch.push(r.exactMatch);
    lastValidLoss = r.validLoss;
    if (r.exactMatch >= TARGET) {
      steps = r.step;
      break;
    }
  }
  const done = trainer.steps;
  trainer.dispose();
  return { seed: config.seed, steps, diverged, exactMatch, lastValidLoss, cpuMsPerStep: cpuUs / 1000 / Math.max(1, done) };
}

function configOf(name: string, seed: number): TrainingConfig {
  const config = withConfig(DEFAULT_TRAINING_CONFIG, {
    ...RECIPES[name],
    seed,
    maxSteps: 0,
    // Evaluation is driven here (every EVERY steps); no probe snapshots.
    cadence: { ...RECIPES[name].cadence, evalEvery: 1_000_000, attentionEvery: 1_000_000, samples: 1 },
  });
  return configForFamily(config, FAMILY);
}

const show = (x: number | null) => (x === null ? `>${MAX}` : String(x));

function load(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const m = configOf(ONLY[0], SEEDS[0]).model;
  console.log(
    `${FAMILY} model D=${m.dModel} H=${m.nHeads} ${m.nEncoderLayers}+${m.nDecoderLayers} F=${m.dFF}; seeds ${SEEDS.join(',')}; evaluate every ${EVERY} steps on ${DEFAULT_TRAINING_CONFIG.cadence.validationSize} validation sentences; target ${TARGET}; max ${MAX}; matmul ${matmulKernel()}`,
  );
  console.log(`${'recipe'.padEnd(20)} ${'lr'.padEnd(7)} ${'sched'.padEnd(16)} ${'batch'.padStart(5)} ${'ls'.padStart(4)} | ${'steps to target per seed'.padEnd(26)} | ${'median'.padStart(6)} ${'sentences'.padStart(9)} ${'cpu ms/step'.padStart(11)}`);
  const path = values.out!;
  const previous = load(path);
  const key = FAMILY === 'encoder-decoder' ? 'recipes' : `recipes-${FAMILY}`;
  const recipes = { ...((previous[key] as Record<string, RecipeResult> | undefined) ?? {}) };
  for (const name of ONLY) {
    const runs: RunResult[] = [];
    for (const seed of SEEDS) runs.push(await run(configOf(name, seed)));
    const c = configOf(name, SEEDS[0]);
    const medianSteps = median(runs.map((r) => r.steps));
    const cpuMsPerStep = median(runs.map((r) => r.cpuMsPerStep))!;
    const result: RecipeResult = {
      name,
      config: { lr: c.optimizer.lr, beta2: c.optimizer.beta2, labelSmoothing: c.optimizer.labelSmoothing, schedule: c.schedule, batchSize: c.batchSize },
      every: EVERY,
      max: MAX,
      target: TARGET,
      runs,
      medianSteps,
      medianSentences: medianSteps === null ? null : medianSteps * c.batchSize,
      cpuMsPerStep,
    };
    recipes[name] = result;
    const sched = `${c.schedule.kind}/${c.schedule.warmup}${c.schedule.kind === 'cosine' ? `/${c.schedule.total ?? 10 * c.schedule.warmup}` : ''}`;
    const per = runs.map((r) => (r.diverged ? 'div' : show(r.steps))).join(' ');
    console.log(
      `${name.padEnd(20)} ${c.optimizer.lr.toExponential(0).padEnd(7)} ${sched.padEnd(16)} ${String(c.batchSize).padStart(5)} ${String(c.optimizer.labelSmoothing).padStart(4)} | ${per.padEnd(26)} | ${show(medianSteps).padStart(6)} ${(result.medianSentences ?? '–').toString().padStart(9)} ${cpuMsPerStep.toFixed(1).padStart(11)}`,
    );
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ ...load(path), machine: { loadavg: loadavg(), matmul: matmulKernel(), date: new Date().toISOString() }, [key]: recipes }, null, 2) + '\n');
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; written ${path}`);
  process.exit(0);
}

void main();
