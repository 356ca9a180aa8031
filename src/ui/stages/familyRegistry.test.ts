// Each family's stage list against a real result of that family's shipped model: formulas
// typeset and name only recorded trace entries, for every layer and head the family has.
import { describe, expect, it } from 'vitest';
import { FAMILY_STAGE_IDS } from '../../model/stageIds';
import { familyResult } from './familyTesting';
import { renderTex } from '../../viz/renderTex';
import { readParams } from '../walkthrough/params';
import { buildStageContext, familySides } from '../walkthrough/stageContext';
import { ALL_STAGES, familyStages, stageById, stageTexts } from '.';
import { STAGE_TITLES } from './titles';
import { layerCount } from './shared/names';

describe('stages of every family', () => {
  it('have texts in both languages and their titles in STAGE_TITLES (fill-mask included)', () => {
    for (const s of ALL_STAGES) {
      expect(STAGE_TITLES[s.id], s.id).toBe(s.title);
      for (const b of [s.title, s.explain.what, s.explain.why, s.explain.problem]) {
        expect(b.en.trim(), s.id).not.toBe('');
        expect(b.zh, s.id).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('family texts of a stage', () => {
  it('give the overview its own title and explanations for the one-stack families, in both languages', () => {
    const overview = stageById('overview');
    expect(stageTexts(overview, 'encoder-decoder').title).toBe(overview.title);
    for (const f of ['decoder', 'encoder'] as const) {
      const t = stageTexts(overview, f);
      expect(t.title).not.toBe(overview.title);
      for (const b of [t.title, t.explain.what, t.explain.why, t.explain.problem]) expect(b.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(stageTexts(overview, 'encoder').explain.what.en).toContain('<mask>');
    expect(stageTexts(overview, 'decoder').explain.what.en).toContain('<sep>');
  });
});

describe.each([
  ['decoder', 'did the big dog drink the water at home last night ?'],
  ['encoder', 'did the big <mask> drink the water at <mask> last night ?'],
  ['encoder-decoder', 'the cat sat .'],
] as const)('the %s family', (family, text) => {
  it('has its own stage list, in order', () => {
    expect(familyStages(family).map((s) => s.id)).toEqual([...FAMILY_STAGE_IDS[family]]);
  });

  it('typesets every formula and names only recorded trace entries, for every layer and head', async () => {
    const r = await familyResult(family, text);
    expect(r.family).toBe(family);
    const route = { view: 'walkthrough' as const, stage: 'overview' as const, query: [] };
    for (const stage of familyStages(family)) {
      for (const side of stage.pickers.side ? familySides(family) : [familySides(family)[0]]) {
        const params0 = { ...readParams(route), side };
        const ctx0 = buildStageContext(r, stage, params0, 'en', () => undefined);
        const layers = stage.pickers.layer ? layerCount(r.config, ctx0.side) : 1;
        for (let layer = 0; layer < layers; layer++) {
          for (let head = 0; head < (stage.pickers.head ? r.config.nHeads : 1); head++) {
            const ctx = buildStageContext(r, stage, { ...params0, layer, head }, 'en', () => undefined);
            const tex = stage.formula(ctx);
            expect(renderTex(tex, true).ok, `${stage.id} ${ctx.side}.${layer}.${head}: ${tex}`).toBe(true);
            for (const name of stage.traceNames(ctx)) expect(r.trace.has(name), `${stage.id}: ${name}`).toBe(true);
          }
        }
      }
    }
  });
});
