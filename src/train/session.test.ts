// The session's device-loss path with stand-in devices: the engine built for a "GPU" is
// replaced, and the new one starts from the last good weights + Adam state + step, running
// again if it was running.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import type { GpuContext } from '../engine/webgpu/device';
import type { TrainerKind, TrainerSpec, TrainerHandle } from './events';
import { isFiniteState } from './guard';
import { TrainingSession, type DeviceTarget, type SessionState } from './session';
import { smallConfig } from './testing';
import { Trainer } from './trainer';

/** A CPU trainer that calls itself 'webgpu', so the session treats it as device-bound. */
function fakeGpuEngine(): TrainerHandle {
  const t = new Trainer({ backend: createCpuBackend(), kind: 'cpu', frameBudgetMs: 20 });
  Object.defineProperty(t, 'kind', { value: 'webgpu' satisfies TrainerKind });
  return t;
}

function harness() {
  let generation = 1;
  let restarts = 0;
  const engines: TrainerHandle[] = [];
  const starts: string[] = [];
  const specs: TrainerSpec[] = [];
  let state: Partial<SessionState> = {};
  const session = new TrainingSession({
    device: async (): Promise<DeviceTarget> => ({ kind: 'webgpu', ctx: {} as GpuContext, generation }),
    restartDevice: async (lost) => {
      expect(lost).toBe(generation);
      restarts++;
      generation++;
    },
    createTrainer: async () => {
      const e = fakeGpuEngine();
      const init = e.init.bind(e);
      e.init = (spec) => (starts.push(spec.start.kind), specs.push(spec), init(spec));
      engines.push(e);
      return e;
    },
    pretrained: async () => {
      throw new Error('not needed');
    },
    onState: (patch) => (state = { ...state, ...patch }),
  });
  return { session, engines, starts, specs, state: () => state, restarts: () => restarts, generation: () => generation };
}

describe('TrainingSession', () => {
  it('recovers from a lost device: last good state on a new engine, resumed', async () => {
    const h = harness();
    await h.session.configure(smallConfig({ cadence: { snapshotEvery: 2 } }), { keepModel: false });
    await h.session.step(6);
    await h.session.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.state().status).toBe('running');
    const good = await h.engines[0].lastGoodState();
    expect(good.step).toBeGreaterThanOrEqual(4);

    h.session.deviceChanged({ ready: false, generation: 1 });
    await h.session.recover(); // joins the recovery already under way
    expect(h.restarts()).toBe(1);
    expect(h.engines.length).toBe(2);
    expect(h.starts).toEqual(['scratch', 'state']);
    expect(h.state().notice).toMatchObject({ kind: 'device-recovered', engine: 'webgpu', resumed: true });
    expect(h.state().status).toBe('running');
    await h.session.pause();
    // The new engine began exactly at the restored step and kept training from there.
    const restored = (h.state().notice as { step: number }).step;
    expect(restored).toBeGreaterThanOrEqual(good.step);
    const start = h.specs[1].start;
    expect(start.kind === 'state' && start.state.step).toBe(restored);
    expect(start.kind === 'state' && isFiniteState(start.state)).toBe(true);
    expect(h.session.live.step).toBeGreaterThanOrEqual(restored);
    // A notification for the new device changes nothing.
    h.session.deviceChanged({ ready: true, generation: h.generation() });
    expect(h.engines.length).toBe(2);
    h.session.dispose();
  });

  it('knows when a config change would throw a model away', async () => {
    const h = harness();
    expect(h.session.hasModel()).toBe(false);
    await h.session.configure(smallConfig(), { keepModel: false });
    await h.session.step(2);
    expect(h.session.hasModel()).toBe(true);
    await h.session.reset();
    expect(h.session.hasModel()).toBe(false);
    expect(h.state().status).toBe('empty');
    h.session.dispose();
  });
});
