// Runs one experiment at a time for the training slice: the main run pauses, a baseline and a
// variant train on their own engines (WebGPU in the page, or two CPU workers), each with its
// own live record for the charts, and the result lands in `experiment`.
import type { StoreApi } from 'zustand/vanilla';
import type { ExperimentId } from '../../train/experimentIds';
import type { ExperimentResult, ExperimentRole, ExperimentRun } from '../../train/experimentRun';
import { getExperiment } from '../../train/experiments';
import { TrainingLive } from '../../train/live';
import type { DeviceTarget, TrainingSession } from '../../train/session';
import { toErrorInfo } from '../../train/trainerError';
import type { AppState, SliceTools } from '../../store/slice';
import type { ExperimentState } from '../../store/slices/training';
import { deviceTarget, shippedWeights } from './sessionDeps';

interface Ctx {
  session: TrainingSession;
  set: SliceTools<'training'>['set'];
  get: SliceTools<'training'>['get'];
  store: StoreApi<AppState>;
  /** The engine experiments train on (default: WebGPU when there is a device). */
  target?: () => Promise<DeviceTarget>;
}

export function createExperimentRunner({ session, set, get, store, target: targetFor = () => deviceTarget(store) }: Ctx) {
  let current: ExperimentRun | null = null;
  let onWebGpu = false;

  const update = (patch: Partial<ExperimentState>) => {
    const e = get().experiment;
    if (e) set({ experiment: { ...e, ...patch } });
  };

  function cancel(): void {
    if (!current) return;
    current.cancel();
    current = null;
    if (get().experiment?.status === 'running') update({ status: 'cancelled' });
  }

  async function run(id: ExperimentId, opts: { steps?: number } = {}): Promise<ExperimentResult | null> {
    cancel();
    const exp = getExperiment(id);
    const lives: Record<ExperimentRole, TrainingLive> = { baseline: new TrainingLive(), variant: new TrainingLive() };
    set({ experiment: { id, status: 'running', baseline: lives.baseline, variant: lives.variant, result: null, error: null, startedAt: Date.now() } });
    try {
      await session.pause();
      const [{ runExperiment, createTrainer }, target] = await Promise.all([import('../../train/trainerFactory'), targetFor()]);
      onWebGpu = target.kind === 'webgpu';
      const needsPretrained = exp.plan.init === 'pretrained' && (exp.plan.mode === 'train-both' || !session.hasModel());
      const pretrained = needsPretrained ? await shippedWeights(store) : null;
      const run = runExperiment(exp, {
        createTrainer: () => createTrainer(target.kind === 'webgpu' ? { kind: 'webgpu', ctx: target.ctx } : { kind: 'cpu' }),
        pretrained,
        current: exp.plan.mode === 'inference' && session.hasModel() ? await session.ensureTrainer() : null,
        steps: opts.steps,
        probe: get().probeText,
        baseUrl: typeof document !== 'undefined' ? document.baseURI : undefined,
        onEvent: (role, e) => lives[role].apply(e),
      });
      current = run;
      const result = await run.result;
      if (current !== run) return null;
      current = null;
      update({ status: 'done', result });
      return result;
    } catch (e) {
      if (get().experiment?.id === id && get().experiment?.status === 'running') update({ status: 'failed', error: toErrorInfo(e) });
      current = null;
      return null;
    }
  }

  return {
    run,
    cancel,
    /** Experiments on WebGPU engines cannot outlive their device (lost, replaced). */
    deviceChanged(): void {
      if (onWebGpu && current) {
        current.cancel();
        current = null;
        update({ status: 'failed', error: { code: 'device', message: 'the GPU device was lost during the experiment' } });
      }
    },
  };
}
