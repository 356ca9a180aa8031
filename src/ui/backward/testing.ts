// For tests of the training-step stages: a real BackwardResult (one step of the shipped model,
// or of a pre-norm GELU model with seeded weights, on the CPU) and a BackwardStageContext over it
// like the one the frame builds (param/grad read from the result, no-op navigation).
import { readFileSync } from 'node:fs';
import { computeBackward } from '../../app/backward/compute';
import { parameterView } from '../../app/walkthrough/parameters';
import { TranslatorPool } from '../../app/walkthrough/translators';
import type { Language } from '../../i18n/language';
import { parseCheckpoint, type Checkpoint } from '../../model/checkpoint';
import type { ModelConfig, ModelVariant } from '../../model/config';
import { initialValue, parameterEntries, seededRandom } from '../../model/parameters';
import type { BackwardRequest, BackwardResult } from '../../store/backwardResult';
import type { Side } from '../stages/types';
import type { BackwardStageContext } from './types';

export const SHIPPED_PATH = 'public/checkpoints/en-zh-toy.json';
export const PAIR: BackwardRequest = { text: 'The cat sat.', target: '猫 坐 了 。', smoothing: 0.1, lr: 1e-3 };
/** The same sentence with a wrong translation: a large gradient. */
export const WRONG_PAIR: BackwardRequest = { ...PAIR, target: '狗 坐 了 。' };

let shipped: Checkpoint | null = null;
export function shippedCheckpoint(): Checkpoint {
  shipped ??= parseCheckpoint(readFileSync(SHIPPED_PATH, 'utf8'));
  return shipped;
}

/** The shipped vocabulary with another config (and variant) and freshly initialised (seeded) weights. */
export function variantCheckpoint(config: Partial<ModelConfig>, seed = 11, variant: Partial<ModelVariant> = {}): Checkpoint {
  const base = shippedCheckpoint();
  const c: ModelConfig = { ...base.config, ...config };
  const rand = seededRandom(seed);
  const entries = parameterEntries(c, { src: base.vocab.src.length, tgt: base.vocab.tgt.length });
  return { ...base, config: c, variant: { ...base.variant, ...variant }, weights: new Map(entries.map((e) => [e.name, initialValue(e, c, rand)])) };
}

/** One recorded training step on the CPU. */
export async function stepResult(req: BackwardRequest = PAIR, cp: Checkpoint = shippedCheckpoint(), modelId = 'shipped'): Promise<BackwardResult> {
  const pool = new TranslatorPool();
  try {
    const o = await computeBackward(req, pool.choose(modelId, cp, null), modelId, { yieldToUi: () => Promise.resolve() });
    if (!o.ok) throw new Error(`backward refused: ${JSON.stringify(o.problem)}`);
    return o.result;
  } finally {
    pool.destroy();
  }
}

export interface Picks {
  side: Side;
  layer: number;
  head: number;
  lang: Language;
}

/** A stage context over a result, as the frame would build it for these picks. */
export function backwardContext(result: BackwardResult, picks: Partial<Picks> = {}): BackwardStageContext {
  return {
    result,
    trace: result.trace,
    config: result.config,
    lang: picks.lang ?? 'en',
    side: picks.side ?? 'dec',
    layer: picks.layer ?? 0,
    head: picks.head ?? 0,
    labels: result.labels,
    param: (name) => parameterView(result.parameters, name),
    grad: (name) => {
      const data = result.paramGrads.get(name);
      const shape = result.parameters.shapes.get(name);
      return data && shape ? { name, shape, data } : null;
    },
    goToStage: () => undefined,
    forwardHref: (id) => `#/walkthrough/${id}`,
    flowComparison: { status: 'idle', view: null, error: null },
    requestFlowComparison: () => undefined,
    appliedSteps: 0,
    applyStep: () => undefined,
    resetSteps: () => undefined,
  };
}
