// Building a run before its first step: the data, the model and its shadow copy, the starting
// weights (fresh, a checkpoint's, or a saved state with Adam moments), and a warm-up so the
// first real step is not one long main-thread task.
import type { Backend } from '../engine/backend';
import { PAD_ID, type TatoebaFile } from '../data';
import { parameterEntries } from '../model/parameters';
import { Transformer } from '../model/transformer';
import { tatoebaData, toyData, type TrainingData } from './data';
import type { TrainerInfo, TrainerKind, TrainerSpec, ProbeInfo } from './events';
import { writeHostState } from './guard';
import { applyUpdate, forwardBackward } from './step';
import { TrainerError } from './trainerError';
import { checkTrainingConfig, type TrainingConfig } from './trainingConfig';

export interface RunParts {
  config: TrainingConfig;
  data: TrainingData;
  /** The model that trains. */
  model: Transformer;
  /** Same shape; evaluation and measurements run on a copy of the weights here. */
  shadow: Transformer;
  /** Updates already applied to the starting weights. */
  step: number;
}

export async function buildRun(be: Backend, spec: TrainerSpec, loadTatoeba?: (baseUrl?: string) => Promise<TatoebaFile>): Promise<RunParts> {
  const problems = checkTrainingConfig(spec.config);
  if (problems.length) throw new TrainerError('config', `training config: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  const config = spec.config;
  const data = await loadData(spec, loadTatoeba);
  const vocab = { src: data.vocabs.src.size, tgt: data.vocabs.tgt.size };
  const model = new Transformer(be, config.model, vocab, config.variant);
  const shadow = new Transformer(be, config.model, vocab, config.variant);
  const step = applyStart(model, data, spec);
  data.restartAt(step);
  return { config, data, model, shadow, step };
}

async function loadData(spec: TrainerSpec, loadTatoeba?: (baseUrl?: string) => Promise<TatoebaFile>): Promise<TrainingData> {
  if (spec.config.dataset === 'toy') return toyData(spec.config);
  if (!loadTatoeba) throw new TrainerError('data', 'this engine cannot load the Tatoeba file');
  try {
    return tatoebaData(await loadTatoeba(spec.baseUrl), spec.config);
  } catch (e) {
    throw new TrainerError('data', `loading Tatoeba: ${(e as Error).message}`);
  }
}

const sameTokens = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** Fill the model as the spec says; returns the step count it starts at. */
function applyStart(model: Transformer, data: TrainingData, spec: TrainerSpec): number {
  const start = spec.start;
  switch (start.kind) {
    case 'scratch':
      model.initialize(spec.config.seed);
      return 0;
    case 'weights': {
      const { src, tgt } = data.vocabs;
      // A one-stack family's checkpoint lists its one vocabulary on its own side only.
      const family = model.family;
      const srcOk = family === 'decoder' || sameTokens(start.vocab.src, src.tokens);
      const tgtOk = family === 'encoder' || sameTokens(start.vocab.tgt, tgt.tokens);
      if (!srcOk || !tgtOk) {
        throw new TrainerError(
          'pretrained-mismatch',
          `the checkpoint's vocabulary (${start.vocab.src.length}/${start.vocab.tgt.length} tokens) differs from the ${spec.config.dataset} data's (${src.size}/${tgt.size})`,
        );
      }
      try {
        model.setWeights(new Map(Object.entries(start.weights)));
      } catch (e) {
        throw new TrainerError('pretrained-mismatch', (e as Error).message);
      }
      return start.step;
    }
    case 'state':
      writeHostState(model, start.state);
      return start.state.step;
  }
}

/**
 * Encode one step's kinds of work on the shadow model, a phase per task: the first use of
 * every kernel (pipelines, bind groups, buffers, JIT) would otherwise make the first real step
 * one long main-thread task. The shadow's weights are overwritten before it is ever read.
 */
export async function warmUp(be: Backend, shadow: Transformer, data: TrainingData, config: TrainingConfig): Promise<void> {
  if (!data.validation.length) return;
  const batch = data.sampleBatch(Math.min(config.batchSize, data.validation.length));
  const opt = { ...config.optimizer, lr: 0 };
  const firstHalf = () => (shadow.family === 'decoder' ? undefined : void shadow.encode(shadow.context(), batch));
  const phases = [
    () => be.scope(firstHalf),
    () => be.scope(() => void shadow.forward(shadow.context(), batch)),
    () => be.scope(() => void forwardBackward(shadow, batch, opt, PAD_ID, 1)),
    () => be.scope(() => void applyUpdate(shadow, opt)),
  ];
  for (const phase of phases) {
    phase();
    be.flush();
    await new Promise((r) => setTimeout(r, 0));
  }
}

export function runInfo(run: RunParts, kind: TrainerKind, device: string, probe: ProbeInfo): TrainerInfo {
  const { data, config, step } = run;
  const vocab = { src: data.vocabs.src.size, tgt: data.vocabs.tgt.size };
  return {
    kind,
    device,
    step,
    vocab,
    vocabTokens: { src: [...data.vocabs.src.tokens], tgt: [...data.vocabs.tgt.tokens] },
    trainSize: data.trainSize,
    validationSize: data.validation.length,
    parameters: parameterEntries(config.model, vocab).reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0),
    probe,
  };
}
