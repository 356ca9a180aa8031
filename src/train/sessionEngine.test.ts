// The session asks the app which engine to build for each run ('start', with the config) and,
// when the user's choice changes, moves the model there: same weights, Adam state and step,
// running again if it was running.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import type { GpuContext } from '../engine/webgpu/device';
import type { TrainerHandle, TrainerKind, TrainerSpec } from './events';
import { TrainingSession, type DevicePurpose, type DeviceTarget } from './session';
import { smallConfig } from './testing';
import { Trainer } from './trainer';
import type { TrainingConfig } from './trainingConfig';

function engine(kind: TrainerKind): TrainerHandle {
  const t = new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 20 });
  Object.defineProperty(t, 'kind', { value: kind });
  return t;
}

describe('TrainingSession engine choice', () => {
  it('asks for a device per run with its purpose and config, and moves the model when the choice changes', async () => {
    let want: 'webgpu' | 'cpu' = 'webgpu';
    const asked: [DevicePurpose, TrainingConfig][] = [];
    const specs: TrainerSpec[] = [];
    const built: TrainerHandle[] = [];
    const session = new TrainingSession({
      device: async (purpose, config): Promise<DeviceTarget> => {
        asked.push([purpose, config]);
        return want === 'webgpu' ? { kind: 'webgpu', ctx: {} as GpuContext, generation: 1 } : { kind: 'cpu' };
      },
      restartDevice: async () => undefined,
      createTrainer: async (target) => {
        const e = engine(target.kind === 'webgpu' ? 'webgpu' : 'cpu-worker');
        const init = e.init.bind(e);
        e.init = (spec) => (specs.push(spec), init(spec));
        built.push(e);
        return e;
      },
      pretrained: async () => {
        throw new Error('not needed');
      },
      onState: () => undefined,
    });
    const config = smallConfig();
    await session.configure(config, { keepModel: false });
    await session.step(3);
    expect(asked).toEqual([['start', config]]);
    expect(session.currentTrainer?.kind).toBe('webgpu');

    // Same choice: nothing is rebuilt.
    await session.switchEngine();
    expect(built.length).toBe(1);

    await session.start();
    want = 'cpu';
    await session.switchEngine();
    expect(built.length).toBe(2);
    expect(session.currentTrainer?.kind).toBe('cpu-worker');
    const moved = specs[1].start;
    expect(moved.kind).toBe('state');
    const movedAt = moved.kind === 'state' ? moved.state.step : -1;
    expect(movedAt).toBeGreaterThanOrEqual(3);
    expect(session.currentStatus).toBe('running'); // it was running: it runs again
    await new Promise((r) => setTimeout(r, 50));
    await session.pause();
    expect(session.live.step).toBeGreaterThanOrEqual(movedAt);
    session.dispose();
  });
});
