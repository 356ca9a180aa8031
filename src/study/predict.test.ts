// Predict-then-see cards promise what the lab shows: each one quotes its experiment's expected
// outcome (src/train/experimentOutcomes.ts) word for word, and each experiment is run here —
// seeded, on the CPU engine, for the steps by which its outcome already shows — and the
// outcome's checks are applied to the measured numbers. Results depend on seeds and step
// counts only, never on timing. EXPERIMENT_OUTCOMES=full runs every plan's full step count
// instead (slow: minutes on two cores).
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
import { DECK } from './cards';

const FULL = process.env.EXPERIMENT_OUTCOMES === 'full';
const checkpoint = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
const shipped = (): PretrainedWeights => ({ config: checkpoint.config, weights: Object.fromEntries(checkpoint.weights), vocab: checkpoint.vocab });
const cpuTrainer = () => new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 20 });
const predictCards = DECK.filter((c) => c.kind === 'predict');

describe('predict cards state their experiment’s outcome', () => {
  it('every predict card quotes its experiment’s outcome in both languages', () => {
    for (const card of predictCards) {
      const says = EXPERIMENT_OUTCOMES[card.experiment!].says;
      expect(card.answer.en, card.id).toContain(says.en);
      expect(card.answer.zh, card.id).toContain(says.zh);
    }
  });

  it('every experiment has an outcome with at least one check', () => {
    for (const id of EXPERIMENT_IDS) {
      expect(EXPERIMENT_OUTCOMES[id].checks.length, id).toBeGreaterThan(0);
      expect(EXPERIMENT_OUTCOMES[id].visibleBy ?? 0, id).toBeLessThanOrEqual(EXPERIMENTS[id].plan.steps);
    }
  });
});

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

describe(`each experiment shows its outcome (seeded CPU runs${FULL ? ', full plans' : ''})`, () => {
  for (const id of EXPERIMENT_IDS) {
    it(id, async () => {
      const { steps, measured } = await measure(id);
      const failures = outcomeFailures(EXPERIMENT_OUTCOMES[id], measured);
      expect(failures, `${id} after ${steps} steps: ${JSON.stringify(measured.rows)}`).toEqual([]);
    }, 600_000);
  }
});
