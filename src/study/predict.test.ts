// Predict-then-see cards promise what the lab shows: each one quotes its experiment's expected
// outcome (src/train/experimentOutcomes.ts) word for word, and each experiment is run —
// seeded, on the CPU engine, for the steps by which its outcome already shows — and the
// outcome's checks are applied to the measured numbers (predictOutcomesA/B.test.ts, through
// predictTesting.ts). Results depend on seeds and step counts only, never on timing.
// EXPERIMENT_OUTCOMES=full runs every plan's full step count instead (slow: minutes on two cores).
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_IDS } from '../train/experimentIds';
import { EXPERIMENT_OUTCOMES } from '../train/experimentOutcomes';
import { EXPERIMENTS } from '../train/experiments';
import { DECK } from './cards';

// The cards seen in an experiment (those seen in the compare view: src/ui/compare/comparePredict.test.ts).
const predictCards = DECK.filter((c) => c.kind === 'predict' && c.experiment !== undefined);

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
