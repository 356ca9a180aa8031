// The engine picker against a stand-in GPU and stand-in trainers on a fake clock: the first run
// measures both engines and takes the faster, later runs of the same shape on the same adapter
// reuse the stored measurement, another shape or adapter measures again, the user's override
// survives a "reload" (a new picker on the same storage), and experiments never measure.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store';
import gpuSlice from '../../store/slices/gpu';
import { createTrainingSlice } from '../../store/slices/training';
import type { TrainerEvent, TrainerHandle } from '../../train/events';
import type { DeviceTarget } from '../../train/session';
import { smallConfig } from '../../train/testing';
import { withConfig } from '../../train/trainingConfig';
import { memoryEngineStore } from '../persistence/engineStore';
import { createEnginePicker } from './enginePicker';

type Saved = NonNullable<Parameters<typeof memoryEngineStore>[0]>;

/** navigator.gpu enough for requestGpu: one adapter with the given identity. */
function fakeGpu(info: { vendor: string; architecture: string; isFallbackAdapter?: boolean }): GPU {
  const device = { lost: new Promise(() => undefined), addEventListener: () => undefined, removeEventListener: () => undefined, destroy: () => undefined };
  const adapter = {
    info: { description: '', device: '', ...info },
    limits: new Proxy({}, { get: () => 1024 }),
    features: new Set<string>(),
    requestDevice: async () => device,
  };
  return { requestAdapter: async () => adapter } as unknown as GPU;
}

/** Trainers whose steps cost `ms[engine]` on a shared fake clock. */
function fakeTrainers(ms: { webgpu: number; cpu: number }) {
  const clock = { t: 0 };
  const built: string[] = [];
  const create = async (target: DeviceTarget): Promise<TrainerHandle> => {
    const engine = target.kind;
    built.push(engine);
    const listeners = new Set<(e: TrainerEvent) => void>();
    return {
      kind: engine === 'webgpu' ? 'webgpu' : 'cpu-worker',
      init: async () => {
        setTimeout(() => listeners.forEach((l) => l({ type: 'eval', report: {} as never, samples: [] })), 0);
        return {} as never;
      },
      step: async (n = 1) => void (clock.t += n * ms[engine]),
      subscribe: (l: (e: TrainerEvent) => void) => (listeners.add(l), () => listeners.delete(l)),
      dispose: () => undefined,
    } as unknown as TrainerHandle;
  };
  return { clock, built, create };
}

async function setup(storage: Saved, adapter: { vendor: string; architecture: string; isFallbackAdapter?: boolean } = { vendor: 'acme', architecture: 'slowgpu' }, ms = { webgpu: 200, cpu: 50 }) {
  const store = createAppStore([gpuSlice, createTrainingSlice({ autoInit: false })]);
  await store.getState().gpu.init(fakeGpu(adapter));
  const trainers = fakeTrainers(ms);
  const slice = store.getState;
  const picker = createEnginePicker(
    { store, get: () => slice().training, set: (patch) => store.setState((s) => ({ training: { ...s.training, ...(typeof patch === 'function' ? patch(s.training) : patch) } })) },
    { openStore: async () => memoryEngineStore(storage), createTrainer: trainers.create, calibration: { now: () => trainers.clock.t, budgetMs: 700 } },
  );
  return { picker, trainers, engine: () => store.getState().training.engine };
}

describe('engine picker', () => {
  it('measures once per adapter and run shape, takes the faster engine and says why', async () => {
    const storage = new Map() as Saved;
    const a = await setup(storage);
    const config = smallConfig();
    expect(await a.picker.target('start', config)).toEqual({ kind: 'cpu' });
    expect(a.trainers.built).toEqual(['webgpu', 'cpu']);
    expect(a.engine()).toMatchObject({ source: 'measured', calibrating: null, decision: { engine: 'cpu', reason: 'faster', faster: 'cpu', ratio: 4 } });
    expect(a.engine().adapter).toMatchObject({ name: expect.stringContaining('acme'), fallback: false });

    // The same shape again (another optimizer setting): the stored measurement, no trainers.
    expect(await a.picker.target('start', withConfig(config, { optimizer: { lr: 1e-2 } }))).toEqual({ kind: 'cpu' });
    expect(a.trainers.built.length).toBe(2);
    expect(a.engine()).toMatchObject({ source: 'cached', decision: { engine: 'cpu', ratio: 4 } });

    // Another shape is measured anew.
    await a.picker.target('start', withConfig(config, { batchSize: 32 }));
    expect(a.trainers.built.length).toBe(4);

    // A reload on the same machine: still cached. Another adapter: measured, and a fast one wins.
    const again = await setup(storage);
    await again.picker.target('start', config);
    expect(again.trainers.built).toEqual([]);
    const fast = await setup(storage, { vendor: 'acme', architecture: 'fastgpu' }, { webgpu: 10, cpu: 50 });
    const target = await fast.picker.target('start', config);
    expect(target.kind).toBe('webgpu');
    expect(fast.trainers.built).toEqual(['webgpu', 'cpu']);
    expect(fast.engine().decision).toMatchObject({ engine: 'webgpu', reason: 'faster', ratio: 5 });

    // After forgetting, the next run measures again.
    await a.picker.forgetMeasurements();
    await a.picker.target('start', config);
    expect(a.trainers.built.length).toBe(6);
  });

  it('the override is remembered per adapter across a reload and needs no measurement', async () => {
    const storage = new Map() as Saved;
    const first = await setup(storage);
    await first.picker.load();
    expect(first.engine().preference).toBe('auto');
    await first.picker.setPreference('webgpu');

    const reloaded = await setup(storage);
    await reloaded.picker.load();
    expect(reloaded.engine().preference).toBe('webgpu');
    expect((await reloaded.picker.target('start', smallConfig())).kind).toBe('webgpu');
    expect(reloaded.trainers.built).toEqual([]);
    expect(reloaded.engine().decision).toMatchObject({ engine: 'webgpu', reason: 'override' });

    // Another adapter has its own choice.
    const other = await setup(storage, { vendor: 'other', architecture: 'gpu' });
    await other.picker.load();
    expect(other.engine().preference).toBe('auto');
  });

  it('experiments never measure; a fallback adapter with nothing measured gets the CPU', async () => {
    const soft = await setup(new Map() as Saved, { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true });
    expect(await soft.picker.quickTarget(smallConfig())).toEqual({ kind: 'cpu' });
    const hard = await setup(new Map() as Saved);
    expect((await hard.picker.quickTarget(smallConfig())).kind).toBe('webgpu');
    expect([...soft.trainers.built, ...hard.trainers.built]).toEqual([]);
  });

  it('a device loss is recovered on the new device without measuring', async () => {
    const a = await setup(new Map() as Saved);
    expect((await a.picker.target('recover', smallConfig())).kind).toBe('webgpu');
    expect(a.trainers.built).toEqual([]);
  });
});
