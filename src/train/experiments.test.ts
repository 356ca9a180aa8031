// The experiments registry covers every id with texts in both languages and plans that change
// something; short runs on the CPU engine produce the numbers each experiment is about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import { parseCheckpoint } from '../model/checkpoint';
import { isStageId } from '../model/stageIds';
import { EXPERIMENT_IDS } from './experimentIds';
import { experimentConfigs, runExperiment, type PretrainedWeights } from './experimentRun';
import { EXPERIMENTS, experimentList } from './experiments';
import { swappedPairs } from './measureRequests';
import { Trainer } from './trainer';

const CJK = /[\u4e00-\u9fff]/u;

function shipped(): PretrainedWeights {
  const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));
  return { config: cp.config, weights: Object.fromEntries(cp.weights), vocab: cp.vocab };
}

const cpuEngine = () => new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 20 });

describe('experiments registry', () => {
  it('has one entry per experiment id, in order, with English and Chinese texts', () => {
    expect(experimentList().map((e) => e.id)).toEqual([...EXPERIMENT_IDS]);
    for (const e of experimentList()) {
      expect(EXPERIMENTS[e.id].id).toBe(e.id);
      for (const text of [e.title, e.explain, e.expect]) {
        expect(text.en.trim().length, `${e.id} en`).toBeGreaterThan(0);
        expect(text.zh, `${e.id} zh`).toMatch(CJK);
      }
      expect(e.topics.length).toBeGreaterThan(0);
    }
  });

  it('every training plan changes the config, measures something and stays short', () => {
    const pre = shipped();
    for (const e of experimentList()) {
      if (e.plan.mode === 'walkthrough') {
        expect(isStageId(e.change.stage ?? '')).toBe(true);
        continue;
      }
      expect(e.measure.length).toBeGreaterThan(0);
      expect(e.plan.steps).toBeLessThanOrEqual(300);
      if (e.plan.mode !== 'train-both') continue;
      const { baseline, variant } = experimentConfigs(e, pre);
      expect(JSON.stringify(variant), e.id).not.toBe(JSON.stringify(baseline));
      expect(baseline.maxSteps).toBe(e.plan.steps);
      expect(baseline.model.dModel).toBeLessThanOrEqual(48);
    }
  });

  it('swapped pairs are grammatical twins with the same words in another order', () => {
    const pairs = swappedPairs(3, 10);
    expect(pairs.length).toBe(10);
    for (const [a, b] of pairs) {
      expect([...a.en].sort()).toEqual([...b.en].sort());
      expect(a.en.join(' ')).not.toBe(b.en.join(' '));
      expect(a.zh.join(' ')).not.toBe(b.zh.join(' '));
    }
  });
});

describe('experiment runs (CPU engine, a few steps)', () => {
  it('lr-too-high: the variant is stopped by the guard, the baseline is not', async () => {
    const r = await runExperiment(EXPERIMENTS['lr-too-high'], { createTrainer: cpuEngine, steps: 8 }).result;
    const row = r.rows.find((x) => x.metric === 'divergedAtStep')!;
    expect(row.baseline).toBeNull();
    expect(row.variant).toBeGreaterThan(0);
    expect(r.divergence?.restoredFinite).toBe(true);
    expect(r.divergence!.restoredStep).toBeLessThan(r.divergence!.step);
  });

  it('positions-off: without positions, swapped sentences cannot be told apart', async () => {
    const r = await runExperiment(EXPERIMENTS['positions-off'], { createTrainer: cpuEngine, pretrained: shipped(), steps: 2 }).result;
    const distinct = r.rows.find((x) => x.metric === 'orderDistinct')!;
    expect(distinct.baseline).toBeGreaterThan(0.5); // the shipped model tells them apart
    expect(distinct.variant).toBe(0); // a bag of words: identical translations
    // The examples the Train view shows: swapped sources, the variant's outputs identical.
    const [example] = r.order!.variant!.examples!;
    expect(example.sources[0]).not.toEqual(example.sources[1]);
    expect([...example.sources[0]].sort()).toEqual([...example.sources[1]].sort());
    expect(example.outputs[0]).toEqual(example.outputs[1]);
    expect(r.order!.baseline!.examples!.length).toBe(r.order!.variant!.examples!.length);
  });

  it('head-off: exact match with each cross-attention head switched off', async () => {
    const r = await runExperiment(EXPERIMENTS['head-off'], { createTrainer: cpuEngine, pretrained: shipped() }).result;
    expect(r.headsOff!.heads.map((h) => h.head)).toEqual(['dec.0.cross.0', 'dec.0.cross.1', 'dec.0.cross.2', 'dec.0.cross.3', 'dec.1.cross.0', 'dec.1.cross.1', 'dec.1.cross.2', 'dec.1.cross.3']);
    expect(r.headsOff!.baseline.exactMatch).toBeGreaterThan(0.9);
    const worst = r.rows.find((x) => x.metric === 'headOffWorstExactMatch')!;
    expect(worst.variant).toBeLessThan(worst.baseline!);
  });

  it('decode-steps only points to the decoding stage', async () => {
    const r = await runExperiment(EXPERIMENTS['decode-steps'], { createTrainer: cpuEngine }).result;
    expect(r).toMatchObject({ mode: 'walkthrough', stage: 'decoding', rows: [] });
  });
});
