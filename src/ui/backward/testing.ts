// For tests of the training-step stages: a real BackwardResult (one training step on the CPU
// engine, as the app computes it, of the shipped model or of another config with seeded
// weights) and a BackwardStageContext around it like the one the frame builds, whose actions
// are stand-ins a test can replace with spies. Node only (reads the checkpoint from disk);
// nothing in the app imports this file.
import { readFileSync } from 'node:fs';
import { computeBackward } from '../../app/backward/compute';
import { parameterView } from '../../app/walkthrough/parameters';
import { TranslatorPool } from '../../app/walkthrough/translators';
import { placeholders, type Bilingual } from '../../i18n/text';
import { parseCheckpoint, type Checkpoint } from '../../model/checkpoint';
import type { ModelConfig, ModelVariant } from '../../model/config';
import { initialValue, parameterEntries, seededRandom } from '../../model/parameters';
import type { BackwardRequest, BackwardResult } from '../../store/backwardResult';
import type { BackwardStageContext } from './types';

export const SHIPPED_PATH = 'public/checkpoints/en-zh-toy.json';
/** A pair the shipped model knows: a tiny gradient. */
export const PAIR: BackwardRequest = { text: 'The cat sat.', target: '猫 坐 了 。', smoothing: 0.1, lr: 1e-3 };
/** The same sentence with a wrong translation: a large gradient. */
export const WRONG_PAIR: BackwardRequest = { ...PAIR, target: '狗 坐 了 。' };

let shipped: Checkpoint | null = null;

/** The shipped checkpoint, parsed once. */
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

/** One recorded training step of `cp` (default: the shipped model) on a pair, on the CPU. */
export async function backwardResult(req: Partial<BackwardRequest> = {}, cp: Checkpoint = shippedCheckpoint(), modelId = 'shipped'): Promise<BackwardResult> {
  const pool = new TranslatorPool();
  try {
    const outcome = await computeBackward({ ...PAIR, ...req }, pool.choose(modelId, cp, null), modelId, { yieldToUi: () => Promise.resolve() });
    if (!outcome.ok) throw new Error(`backward refused: ${JSON.stringify(outcome.problem)}`);
    return outcome.result;
  } finally {
    pool.destroy();
  }
}

/** A stage context around a result, as the frame builds it (side/layer/head/lang and actions overridable). */
export function backwardContext(result: BackwardResult, overrides: Partial<BackwardStageContext> = {}): BackwardStageContext {
  const set = result.parameters;
  return {
    result,
    trace: result.trace,
    config: result.config,
    lang: 'en',
    side: 'dec',
    layer: 0,
    head: 0,
    labels: result.labels,
    param: (name) => parameterView(set, name),
    grad: (name) => {
      const data = result.paramGrads.get(name);
      const shape = set.shapes.get(name);
      return data && shape ? { name, shape, data } : null;
    },
    goToStage: () => {},
    forwardHref: (id) => `#/walkthrough/${id}`,
    flowComparison: { status: 'idle', view: null, error: null },
    requestFlowComparison: () => {},
    appliedSteps: 0,
    applyStep: () => {},
    resetSteps: () => {},
    ...overrides,
  };
}

/** Does the step record what a stage names? 'param:<name>' → a parameter gradient, else a trace entry. */
export function recorded(result: BackwardResult, name: string): boolean {
  return name.startsWith('param:') ? result.paramGrads.has(name.slice('param:'.length)) : result.trace.has(name);
}

/**
 * Every { en, zh } record reachable from a module's exports whose English and Chinese use
 * different {{placeholders}} (English-only 'plural' allowed), as 'path: en vs zh' lines.
 */
export function placeholderMismatches(module: Record<string, unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const b = value as Partial<Bilingual>;
    if (typeof b.en === 'string' && typeof b.zh === 'string') {
      const en = placeholders(b.en).filter((n) => n !== 'plural');
      const zh = placeholders(b.zh).filter((n) => n !== 'plural');
      if (en.join() !== zh.join() || /(?<!\{)\{\s*[A-Za-z]\w*\s*\}(?!\})/.test(b.en + b.zh)) out.push(`${path}: ${en} vs ${zh}`);
      return;
    }
    for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  visit(module, 'module');
  return out;
}
