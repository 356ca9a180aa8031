// One sentence pair → one real training step, recorded for the training-step walkthrough:
//   1. prepare  the pair as a batch of one (unknown words and over-long sentences refused)
//   2. step     forward, loss and the training backward with every named point and its
//               gradient recorded, profiled (kernel names and GPU times) on the main engine
//   3. update   clip + Adam on a copy of the model, then the same pair through the copy
//   4. compare  the same step on the CPU engine, and the per-name differences
// The shown model is never changed here.
import type { Transformer } from '../../model/transformer';
import type { BackwardRequest, BackwardResult, BackwardProblem } from '../../store/backwardResult';
import { flowNorms, flowPoints } from '../../train/gradientFlow';
import { DEFAULT_OPTIMIZER, type OptimizerSettings } from '../../train/step';
import { traceStep, type StepTrace } from '../../train/stepTrace';
import { previewUpdate } from '../../train/stepUpdate';
import { entryDiff, traceDiffs } from '../walkthrough/diff';
import { parameterSet } from '../walkthrough/parameters';
import type { QueuedTranslator, TranslatorChoice } from '../walkthrough/translators';
import { preparePair } from './prepare';

export type BackwardOutcome = { ok: true; result: BackwardResult } | { ok: false; problem: BackwardProblem };

export interface BackwardRunOptions {
  /** Give the UI thread a turn between phases (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  /** False once a newer request replaced this one. */
  isCurrent?: () => boolean;
}

/** Thrown between phases when the run is no longer wanted. */
export class BackwardSuperseded extends Error {
  constructor() {
    super('backward: superseded by a newer request');
    this.name = 'BackwardSuperseded';
  }
}

/** The optimiser settings of the update stage: the trainer's defaults with the learner's lr. */
export function stepOptimizer(req: Pick<BackwardRequest, 'lr' | 'smoothing'>): OptimizerSettings {
  return { ...DEFAULT_OPTIMIZER, lr: req.lr, labelSmoothing: req.smoothing, dropout: 0 };
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function rows(step: StepTrace): number[] {
  return Array.from(step.trace.get('loss.rows').data);
}

export async function computeBackward(req: BackwardRequest, translators: TranslatorChoice, modelId: string, opts: BackwardRunOptions = {}): Promise<BackwardOutcome> {
  const yieldToUi = opts.yieldToUi ?? macrotask;
  const isCurrent = opts.isCurrent ?? (() => true);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const phase = async (name: string) => {
    timings[name] = performance.now() - t0;
    await yieldToUi();
    if (!isCurrent()) throw new BackwardSuperseded();
    t0 = performance.now();
  };

  const { main, cpu } = translators;
  const tr = main.translator;
  const pair = preparePair(req.text, req.target, tr);
  if (!pair.ok) return { ok: false, problem: pair.problem };
  const { batch } = pair;
  const spec = { labelSmoothing: req.smoothing, padId: tr.special.pad };
  const optimizer = stepOptimizer(req);
  await phase('prepare');

  return main.exclusive(async () => {
    const model: Transformer = tr.model;
    const step = await traceStep(model, batch, { ...spec, profile: true });
    await phase('step');

    const preview = await previewUpdate(model, step.paramGrads, optimizer);
    let afterStep: StepTrace;
    try {
      afterStep = await traceStep(preview.updated, batch, spec);
    } finally {
      preview.updated.dispose();
    }
    await phase('update');

    const sameBackend = main === cpu;
    const byName = sameBackend ? {} : await compareOnCpu(cpu, step, batch, spec);
    if (!sameBackend) await phase('compare');

    const points = flowPoints(model.config);
    const result: BackwardResult = {
      key: `${main.key}|${JSON.stringify(req)}`,
      request: req,
      modelId,
      config: model.config,
      variant: model.variant,
      vocabSizes: { src: tr.vocabs.src.size, tgt: tr.vocabs.tgt.size },
      vocabTokens: { src: tr.vocabs.src.tokens, tgt: tr.vocabs.tgt.tokens },
      backend: main.info,
      labels: pair.labels,
      targetIds: pair.targetIds,
      trace: step.trace,
      loss: step.loss,
      lossRows: rows(step),
      nTokens: step.nTokens,
      paramGrads: step.paramGrads,
      parameters: parameterSet(main.checkpoint),
      gradNorm: step.gradNorm,
      update: { settings: optimizer, clipScale: preview.clipScale, adamStep: 1, after: preview.after, ratios: preview.ratios },
      after: { loss: afterStep.loss, lossRows: rows(afterStep), trace: afterStep.trace },
      flow: { points, norms: flowNorms(step.trace, points) },
      comparison: { sameBackend, byName },
      dispatches: { records: step.records, timed: main.info.hasTimestamps && step.records.some((r) => r.gpuMs !== undefined) },
      timings,
    };
    return { ok: true as const, result };
  });
}

/** The same step on the CPU engine: differences per trace name and per parameter gradient. */
async function compareOnCpu(cpu: QueuedTranslator, step: StepTrace, batch: Parameters<typeof traceStep>[1], spec: { labelSmoothing: number; padId: number }) {
  const ref = await cpu.exclusive(() => traceStep(cpu.translator.model, batch, spec));
  const byName = traceDiffs(step.trace, ref.trace);
  for (const [name, g] of step.paramGrads) byName[`param:${name}`] = entryDiff(g, ref.paramGrads.get(name)!);
  return byName;
}
