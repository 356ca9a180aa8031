// The Train view per family: the setup form's family choice (toy data, no pretrained start, the
// absent stack at 0, the family's sequence length), the experiments each family keeps, each
// family's metric names, and experiment configs built for a family — with one short run each
// on the CPU engine.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../engine/cpu';
import { modelFamily } from '../../model/config';
import { runExperiment } from '../../train/experimentRun';
import { experimentConfigs } from '../../train/experimentRun';
import { EXPERIMENTS } from '../../train/experiments';
import { Trainer } from '../../train/trainer';
import { DEFAULT_TRAINING_CONFIG, discardsModel } from '../../train/trainingConfig';
import { en } from '../../i18n/en';
import { experimentsFor, FAMILY_EXPERIMENTS, metricKeys } from './familyTrain';
import { draftFromConfig, modelFieldsFor, readDraft, withFamily, withPretrained } from './setupForm';

const base = DEFAULT_TRAINING_CONFIG;

describe('the setup form’s family', () => {
  it('trains a decoder-only model on the toy data, without an encoder, with room for both sentences', () => {
    const d = withFamily({ ...draftFromConfig(base), dataset: 'tatoeba', fromPretrained: true }, 'decoder');
    expect(d).toMatchObject({ family: 'decoder', dataset: 'toy', fromPretrained: false });
    expect(modelFieldsFor('decoder')).not.toContain('nEncoderLayers');
    const r = readDraft(d, base);
    expect(r.problems).toEqual([]);
    expect(r.config!.model).toMatchObject({ family: 'decoder', nEncoderLayers: 0, nDecoderLayers: 2, maxLen: 34 });
    expect(discardsModel(base, r.config!)).toBe(true);
    // Back to the translator: both stacks, the config's own family field as it was.
    const back = readDraft(withFamily(draftFromConfig(r.config!), 'encoder-decoder'), r.config!);
    expect(back.config!.model).toMatchObject({ family: 'encoder-decoder', nEncoderLayers: 2, nDecoderLayers: 2, maxLen: 24 });
  });

  it('trains an encoder-only model without a decoder; the pretrained start brings the translator back', () => {
    const d = withFamily(draftFromConfig(base), 'encoder');
    expect(modelFieldsFor('encoder')).not.toContain('nDecoderLayers');
    expect(readDraft(d, base).config!.model).toMatchObject({ family: 'encoder', nDecoderLayers: 0, nEncoderLayers: 2 });
    expect(withPretrained(d, true).family).toBe('encoder-decoder');
    expect(readDraft(draftFromConfig(base), base).config).toEqual(base);
  });
});

describe('experiments per family', () => {
  it('keeps what applies: no causal mask to remove in an encoder, no shipped translator to fine-tune', () => {
    expect(FAMILY_EXPERIMENTS.decoder).toContain('causal-mask-off');
    expect(FAMILY_EXPERIMENTS.encoder).not.toContain('causal-mask-off');
    expect(FAMILY_EXPERIMENTS.encoder).not.toContain('decode-steps');
    for (const f of ['decoder', 'encoder'] as const) {
      expect(experimentsFor({ family: f })).not.toContain('positions-off');
      expect(experimentsFor({ family: f })).not.toContain('head-off');
      for (const id of FAMILY_EXPERIMENTS[f]) expect(EXPERIMENTS[id].plan.init === 'scratch' || EXPERIMENTS[id].plan.mode === 'walkthrough', id).toBe(true);
    }
  });

  it('builds each family’s model from a plan, and the variant differs only by the experiment’s change', () => {
    const { baseline, variant } = experimentConfigs(EXPERIMENTS['causal-mask-off'], null, 5, 'decoder');
    expect(baseline.model).toMatchObject({ family: 'decoder', nEncoderLayers: 0, nDecoderLayers: 1, dModel: 32, maxLen: 34 });
    expect(variant.variant.causalMask).toBe(false);
    expect(experimentConfigs(EXPERIMENTS['one-head'], null, 5, 'encoder').baseline.model).toMatchObject({ family: 'encoder', nDecoderLayers: 0, nEncoderLayers: 1 });
    expect(modelFamily(experimentConfigs(EXPERIMENTS['one-head'], null, 5).baseline.model)).toBe('encoder-decoder');
  });

  it.each([
    ['decoder', 'causal-mask-off'],
    ['encoder', 'one-head'],
  ] as const)('runs on the %s model (%s, a few steps on the CPU)', async (family, id) => {
    const cpuTrainer = () => new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 20 });
    const r = await runExperiment(EXPERIMENTS[id], { createTrainer: cpuTrainer, steps: 4, family }).result;
    expect(r.steps).toBe(4);
    expect(modelFamily(r.baselineConfig!.model)).toBe(family);
    expect(r.rows.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('each family’s metric', () => {
  it('names the accuracy chart’s series by what is measured', () => {
    const word = (k: string) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en);
    expect(word(metricKeys('decoder').exact)).toBe('prompted exact match');
    expect(word(metricKeys('encoder').exact)).toBe('masked-word top-1');
    expect(word(metricKeys('encoder-decoder').exact)).toBe('exact match');
  });
});
