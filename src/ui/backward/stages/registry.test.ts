// The training-step registry against a real step of the shipped model: every stage in order,
// texts in both languages, formulas that typeset, trace names and check targets that exist in
// the step, for every side, layer and head the stage's pickers offer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradientOf } from '../../../app/backward/service';
import { computeBackward } from '../../../app/backward/compute';
import { TranslatorPool } from '../../../app/walkthrough/translators';
import { parseCheckpoint } from '../../../model/checkpoint';
import { BACKWARD_STAGE_IDS, isStageId } from '../../../model/stageIds';
import type { BackwardRequest, BackwardResult } from '../../../store/backwardResult';
import { renderTex } from '../../../viz/renderTex';
import { parseHash, type BackwardRoute } from '../../common/route';
import { layerCount } from '../../stages/shared/names';
import type { Side } from '../../stages/types';
import { buildBackwardContext, type ContextExtras } from '../context';
import { readBackwardParams } from '../params';
import { BACKWARD_STAGES, backwardStageById } from '.';

const cp = parseCheckpoint(readFileSync('public/checkpoints/en-zh-toy.json', 'utf8'));

async function step(req: BackwardRequest): Promise<BackwardResult> {
  const pool = new TranslatorPool();
  const o = await computeBackward(req, pool.choose('shipped', cp, null), 'shipped', { yieldToUi: () => Promise.resolve() });
  pool.destroy();
  if (!o.ok) throw new Error(`refused: ${JSON.stringify(o.problem)}`);
  return o.result;
}

const extras: ContextExtras = {
  goToStage: () => undefined,
  flowComparison: { status: 'idle', view: null, error: null },
  requestFlowComparison: () => undefined,
  appliedSteps: 0,
  applyStep: () => undefined,
  resetSteps: () => undefined,
};

describe('training-step stage registry', () => {
  it('has one stage per id, in order, with texts in both languages', () => {
    expect(BACKWARD_STAGES.map((s) => s.id)).toEqual([...BACKWARD_STAGE_IDS]);
    for (const s of BACKWARD_STAGES) {
      expect(backwardStageById(s.id)).toBe(s);
      expect(isStageId(s.forwardStage), s.id).toBe(true);
      for (const b of [s.title, s.explain.what, s.explain.why, s.explain.problem]) {
        expect(b.en.trim(), s.id).not.toBe('');
        expect(b.zh.trim(), s.id).not.toBe('');
        expect(b.zh, s.id).toMatch(/[\u4e00-\u9fff]/); // written in Chinese, not copied English
      }
    }
  });

  it('typesets every formula and names only recorded gradients and checkable targets, for every side, layer and head', async () => {
    const r = await step({ text: 'did the big dog drink the water at home last night ?', target: '大 狗 昨晚 在 家 喝 了 水 吗 ？', smoothing: 0.1, lr: 1e-3 });
    const route = parseHash('#/backward/loss').route as BackwardRoute;
    for (const stage of BACKWARD_STAGES) {
      const sides: Side[] = stage.pickers.side ? ['enc', 'dec'] : ['enc'];
      for (const side of sides) {
        const layers = stage.pickers.layer ? layerCount(cp.config, stage.pickers.layer === 'side' ? side : stage.pickers.layer) : 1;
        for (let layer = 0; layer < layers; layer++) {
          for (let head = 0; head < (stage.pickers.head ? cp.config.nHeads : 1); head++) {
            const ctx = buildBackwardContext(r, stage, { ...readBackwardParams(route), side, layer, head }, route, 'en', extras);
            const where = `${stage.id} ${side}.${layer}.${head}`;
            const tex = stage.formula(ctx);
            expect(renderTex(tex, true).ok, `${where}: ${tex}`).toBe(true);
            for (const name of stage.traceNames(ctx)) {
              const known = name.startsWith('param:') ? r.paramGrads.has(name.slice('param:'.length)) : r.trace.has(name);
              expect(known, `${where}: ${name}`).toBe(true);
            }
            for (const check of stage.checks(ctx)) {
              expect(gradientOf(r, check.name), `${where}: check ${check.name}`).not.toBeNull();
              expect(check.label.zh, `${where}: ${check.name}`).toMatch(/[\u4e00-\u9fff∂]/);
            }
            const scopes = stage.scopes(ctx);
            // Each scope names dispatches of the step, matched as kernelUsage matches them.
            const dispatched = (s: string) => r.dispatches.records.some((d) => d.scope === s || d.scope.startsWith(`${s}/`) || d.scope.startsWith(`${s}.`));
            if (scopes) for (const s of scopes) expect(dispatched(s), `${where}: scope ${s}`).toBe(true);
          }
        }
      }
    }
  });

  it('states live shapes: the loss formula follows the pair and ε', async () => {
    const r = await step({ text: 'the cat sat .', target: '猫 坐 了 。', smoothing: 0.25, lr: 1e-3 });
    const route = parseHash('#/backward/loss').route as BackwardRoute;
    const ctx = buildBackwardContext(r, backwardStageById('loss'), readBackwardParams(route), route, 'en', extras);
    const tex = backwardStageById('loss').formula(ctx);
    expect(tex).toContain('T{=}5');
    expect(tex).toContain(`V{=}${cp.vocab.tgt.length}`);
    expect(tex).toContain('\\varepsilon = 0.25');
    expect(backwardStageById('logits-grad').formula(ctx)).toContain('N = 5');
  });
});
