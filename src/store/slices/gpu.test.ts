import { describe, expect, it } from 'vitest';
import { createAppStore } from '..';
import gpuSlice from './gpu';

// Just enough of the WebGPU API for device.ts: an adapter that hands out devices whose
// loss and uncaptured errors the test triggers by hand.
class FakeDevice {
  destroyed = false;
  private resolveLost!: (info: { reason: string; message: string }) => void;
  readonly lost = new Promise<{ reason: string; message: string }>((r) => (this.resolveLost = r));
  private listeners = new Set<(ev: unknown) => void>();
  destroy() {
    this.destroyed = true;
    this.resolveLost({ reason: 'destroyed', message: 'Device was destroyed.' });
  }
  addEventListener(_type: string, fn: (ev: unknown) => void) {
    this.listeners.add(fn);
  }
  removeEventListener(_type: string, fn: (ev: unknown) => void) {
    this.listeners.delete(fn);
  }
  raise(message: string) {
    for (const fn of this.listeners) fn({ error: { message } });
  }
}

function fakeGpu(adapterAvailable: () => boolean = () => true) {
  const devices: FakeDevice[] = [];
  const adapter = {
    info: { vendor: 'test', architecture: 'fake-gpu' },
    limits: {},
    features: new Set<string>(),
    requestDevice: async () => {
      const d = new FakeDevice();
      devices.push(d);
      return d;
    },
  };
  const gpu = { requestAdapter: async () => (adapterAvailable() ? adapter : null) };
  return { gpu: gpu as unknown as GPU, devices };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function newStore() {
  const store = createAppStore([gpuSlice]);
  return { store, gpu: () => store.getState().gpu };
}

describe('gpu slice', () => {
  it('starts pending and becomes ready with the adapter name', async () => {
    const { gpu } = newStore();
    const fake = fakeGpu();
    expect(gpu().state.kind).toBe('pending');
    await gpu().init(fake.gpu);
    const state = gpu().state;
    expect(state.kind).toBe('ready');
    if (state.kind === 'ready') expect(state.ctx.info.name).toBe('test fake-gpu');
    expect(gpu().generation).toBe(1);
  });

  it('init is idempotent: a second call does not request another device', async () => {
    const { gpu } = newStore();
    const fake = fakeGpu();
    await Promise.all([gpu().init(fake.gpu), gpu().init(fake.gpu)]);
    expect(fake.devices).toHaveLength(1);
  });

  it('falls back with a reason when there is no adapter', async () => {
    const { gpu } = newStore();
    await gpu().init(fakeGpu(() => false).gpu);
    expect(gpu().state).toMatchObject({ kind: 'fallback', reason: 'no-adapter', afterFailure: false });
  });

  it('reports a lost device, and restart brings a new one', async () => {
    const { gpu } = newStore();
    const fake = fakeGpu();
    await gpu().init(fake.gpu);
    fake.devices[0].destroy();
    await flush();
    expect(gpu().state).toMatchObject({ kind: 'lost', failure: { kind: 'lost' } });

    const restarting = gpu().restart();
    expect(gpu().restart()).toBe(restarting); // a second click joins the first restart
    await restarting;
    expect(fake.devices).toHaveLength(2);
    expect(gpu().state.kind).toBe('ready');
    expect(gpu().restarting).toBe(false);
    expect(gpu().generation).toBe(2);
  });

  it('treats an uncaptured error as a failure once; restart destroys the old device', async () => {
    const { gpu } = newStore();
    const fake = fakeGpu();
    await gpu().init(fake.gpu);
    fake.devices[0].raise('validation failed in matmul.out');
    expect(gpu().state).toMatchObject({
      kind: 'lost',
      failure: { kind: 'error', message: 'validation failed in matmul.out' },
    });
    fake.devices[0].raise('a second error');
    expect(gpu().state).toMatchObject({ failure: { message: 'validation failed in matmul.out' } });

    await gpu().restart();
    expect(fake.devices[0].destroyed).toBe(true);
    await flush(); // the old device's loss arrives after the restart and must be ignored
    expect(gpu().state.kind).toBe('ready');
  });

  it('a restart that finds no adapter leaves a fallback marked as after a failure', async () => {
    const { gpu } = newStore();
    let available = true;
    const fake = fakeGpu(() => available);
    await gpu().init(fake.gpu);
    fake.devices[0].destroy();
    await flush();
    available = false;
    await gpu().restart();
    expect(gpu().state).toMatchObject({ kind: 'fallback', reason: 'no-adapter', afterFailure: true });
  });
});
