// The stage registry against a real result of the shipped model: every stage in order, texts
// in both languages, formulas that typeset, and trace names that exist, for every picker value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../model/checkpoint';
import { STAGE_IDS } from '../../model/stageIds';
import { computeWalkthrough } from '../../app/walkthrough/compute';
import { TranslatorPool } from '../../app/walkthrough/translators';
import { renderTex } from '../../viz/renderTex';
import { readParams } from '../walkthrough/params';
import { buildStageContext } from '../walkthrough/stageContext';
import { STAGES } from '.';
import { STAGE_TITLES } from './titles';
import { layerCount } from './shared/names';
import { texText } from './shared/tex';
import type { Side } from './types';

const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));

async function result(text: string) {
  const pool = new TranslatorPool();
  const o = await computeWalkthrough(text, pool.choose('shipped', cp, null), 'shipped', { yieldToUi: () => Promise.resolve() });
  pool.destroy();
  if (!o.ok) throw new Error('refused');
  return o.result;
}

describe('stage registry', () => {
  it('has one stage per id, in order, with texts in both languages', () => {
    expect(STAGES.map((s) => s.id)).toEqual([...STAGE_IDS]);
    for (const s of STAGES) {
      for (const b of [s.title, s.explain.what, s.explain.why, s.explain.problem]) {
        expect(b.en.trim(), s.id).not.toBe('');
        expect(b.zh.trim(), s.id).not.toBe('');
        expect(b.zh, s.id).toMatch(/[\u4e00-\u9fff]/); // written in Chinese, not copied English
      }
    }
  });

  it('lists every title without the panels, for other views (STAGE_TITLES)', () => {
    for (const s of STAGES) expect(STAGE_TITLES[s.id], s.id).toBe(s.title);
  });

  it('typesets every formula and names only recorded trace entries, for every side, layer and head', async () => {
    const r = await result('did the big dog drink the water at home last night ?');
    const route = { view: 'walkthrough' as const, stage: 'overview' as const, query: [] };
    for (const stage of STAGES) {
      const sides: Side[] = stage.pickers.side ? ['enc', 'dec'] : ['enc'];
      for (const side of sides) {
        const layers = stage.pickers.layer ? layerCount(cp.config, stage.pickers.layer === 'side' ? side : stage.pickers.layer) : 1;
        for (let layer = 0; layer < layers; layer++) {
          for (let head = 0; head < (stage.pickers.head ? cp.config.nHeads : 1); head++) {
            const params = { ...readParams(route), side, layer, head };
            const ctx = buildStageContext(r, stage, params, 'en', () => undefined);
            const tex = stage.formula(ctx);
            const rendered = renderTex(tex, true);
            expect(rendered.ok, `${stage.id} ${side}.${layer}.${head}: ${tex}`).toBe(true);
            for (const name of stage.traceNames(ctx)) expect(r.trace.has(name), `${stage.id}: ${name}`).toBe(true);
          }
        }
      }
    }
  });

  it('states live shapes: the scores formula follows the sentence and the side', async () => {
    const r = await result('the cat sat .');
    const scores = STAGES.find((s) => s.id === 'scores')!;
    const route = { view: 'walkthrough' as const, stage: 'scores' as const, query: [] };
    const enc = buildStageContext(r, scores, { ...readParams(route), side: 'enc' }, 'en', () => undefined);
    expect(scores.formula(enc)).toContain('S{=}5');
    expect(scores.formula(enc)).toContain('\\sqrt{12}');
    const dec = buildStageContext(r, scores, { ...readParams(route), side: 'dec' }, 'en', () => undefined);
    expect(scores.formula(dec)).toContain('T{=}5');
  });

  it('escapes TeX specials in user text', () => {
    expect(renderTex(`\\text{${texText('a_b {c} $x$ 50% #1 ~ ^ \\')}}`).ok).toBe(true);
  });
});
