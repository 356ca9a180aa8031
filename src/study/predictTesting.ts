// Test support for the predict cards: run one experiment seeded on the CPU engine for the
// steps by which its outcome already shows (or its full plan with EXPERIMENT_OUTCOMES=full)
// and measure what its outcome's checks read. The runs are split over two test files so the
// two vitest workers share them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { parseCheckpoint } from '../model/checkpoint';
import { parameterEntries } from '../model/parameters';
import { Translator } from '../model/translator';
import { EXPERIMENT_IDS, type ExperimentId } from '../train/experimentIds';
import { EXPERIMENT_OUTCOMES, outcomeFailures, type MeasuredOutcome, type OutcomeSide } from '../train/experimentOutcomes';
import { runExperiment, type ExperimentRole, type PretrainedWeights } from '../train/experimentRun';
import { EXPERIMENTS } from '../train/experiments';
import { Trainer } from '../train/trainer';

const FULL = process.env.EXPERIMENT_OUTCOMES === 'full';
const checkpoint = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
const shipped = (): PretrainedWeights => ({ config: checkpoint.config, weights: Object.fromEntries(checkpoint.weights), vocab: checkpoint.vocab });
const cpuTrainer = () => new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 20 });

async function measure(id: ExperimentId): Promise<{ steps: number; measured: MeasuredOutcome }> {
  const exp = EXPERIMENTS[id];
  const outcome = EXPERIMENT_OUTCOMES[id];
  if (exp.plan.mode === 'walkthrough') {
    // The decoding stage runs the shipped model's greedy loop; count its passes.
    const r = await runExperiment(exp, { createTrainer: cpuTrainer }).result;
    expect(r.stage).toBe(exp.change.stage);
    const check = outcome.checks.find((c) => c.kind === 'decoder-passes');
    const translator = Translator.fromCheckpoint(createCpuBackend(), checkpoint);
    const source = translator.prepare('i ate the apple yesterday .');
    if (!source.ok) throw new Error(`refused: ${source.error.code}`);
    const t = await translator.translate(source.source);
    expect(check && t.tokens.length).toBe(check?.kind === 'decoder-passes' ? check.tokens : undefined);
    return { steps: 0, measured: { rows: [], stopped: { baseline: false, variant: false }, decode: { tokens: t.tokens.length, passes: t.steps!.length } } };
  }
  const steps = FULL ? exp.plan.steps : (outcome.visibleBy ?? exp.plan.steps);
  const stopped: Record<OutcomeSide, boolean> = { baseline: false, variant: false };
  const onEvent = (role: ExperimentRole, e: { type: string }) => {
    if (e.type === 'divergence') stopped[role] = true;
  };
  const r = await runExperiment(exp, { createTrainer: cpuTrainer, pretrained: shipped(), steps, onEvent }).result;
  const count = (model: typeof checkpoint.config) => parameterEntries(model, { src: 1, tgt: 1 }).reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);
  return {
    steps: r.steps,
    measured: {
      rows: r.rows,
      stopped,
      parameters: r.baselineConfig && r.variantConfig ? { baseline: count(r.baselineConfig.model), variant: count(r.variantConfig.model) } : undefined,
      headsOff: r.headsOff ? { baseline: r.headsOff.baseline.exactMatch, heads: r.headsOff.heads.map((h) => h.exactMatch) } : undefined,
    },
  };
}

/** Runs every other experiment (`half` 0 or 1, in EXPERIMENT_IDS order) and checks its outcome. */
export function describeOutcomes(half: 0 | 1): void {
  const ids = EXPERIMENT_IDS.filter((_, i) => i % 2 === half);
  describe(`each experiment shows its outcome (seeded CPU runs${FULL ? ', full plans' : ''}, part ${half + 1} of 2)`, () => {
    for (const id of ids) {
      it(id, async () => {
        const { steps, measured } = await measure(id);
        const failures = outcomeFailures(EXPERIMENT_OUTCOMES[id], measured);
        expect(failures, `${id} after ${steps} steps: ${JSON.stringify(measured.rows)}`).toEqual([]);
      }, 600_000);
    }
  });
}
