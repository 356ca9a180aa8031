// What the training session needs from the rest of the app: the GPU device (gpu slice), a new
// device after a loss, trainers (loaded on demand), and the shipped checkpoint (model slice).
import type { StoreApi } from 'zustand/vanilla';
import type { DeviceTarget, SessionDeps } from '../../train/session';
import type { PretrainedWeights } from '../../train/experimentRun';
import type { TrainerHandle } from '../../train/events';
import { TrainerError } from '../../train/trainerError';
import type { AppState } from '../../store/slice';

/** Resolves once the gpu slice is neither pending nor restarting. */
export function settledGpu(store: StoreApi<AppState>): Promise<AppState['gpu']> {
  const settled = (s: AppState) => s.gpu.state.kind !== 'pending' && !s.gpu.restarting;
  void store.getState().gpu.init();
  return new Promise((resolve) => {
    if (settled(store.getState())) return resolve(store.getState().gpu);
    const stop = store.subscribe((s) => {
      if (!settled(s)) return;
      stop();
      resolve(s.gpu);
    });
  });
}

export async function deviceTarget(store: StoreApi<AppState>): Promise<DeviceTarget> {
  const gpu = await settledGpu(store);
  return gpu.state.kind === 'ready' ? { kind: 'webgpu', ctx: gpu.state.ctx, generation: gpu.generation } : { kind: 'cpu' };
}

/** A trainer for a device (train/trainerFactory loads on first use). */
export async function trainerFor(target: DeviceTarget): Promise<TrainerHandle> {
  const { createTrainer } = await import('../../train/trainerFactory');
  return createTrainer(target.kind === 'webgpu' ? { kind: 'webgpu', ctx: target.ctx } : { kind: 'cpu' });
}

/** The shipped checkpoint's weights, through the model slice (which fetches it once). */
export async function shippedWeights(store: StoreApi<AppState>): Promise<PretrainedWeights> {
  const model = store.getState().model;
  await model.loadShipped();
  const shipped = store.getState().model.shipped;
  if (!shipped) throw new TrainerError('pretrained-mismatch', 'the shipped model could not be loaded');
  const cp = shipped.checkpoint;
  return { config: cp.config, weights: Object.fromEntries(cp.weights), vocab: cp.vocab };
}

export function sessionDeps(store: StoreApi<AppState>, hooks: Pick<SessionDeps, 'onState' | 'onEvent'> & Partial<Pick<SessionDeps, 'device'>>): SessionDeps {
  return {
    device: () => deviceTarget(store),
    restartDevice: async (lostGeneration) => {
      const gpu = await settledGpu(store);
      // Still on the lost device (its loss not reported yet), or lost: ask for a new one.
      if (gpu.state.kind === 'lost' || (gpu.state.kind === 'ready' && gpu.generation === lostGeneration)) await gpu.restart();
    },
    createTrainer: trainerFor,
    pretrained: () => shippedWeights(store),
    baseUrl: () => (typeof document !== 'undefined' ? document.baseURI : undefined),
    ...hooks,
  };
}
