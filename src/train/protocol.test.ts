// The worker protocol end to end without a Worker: the client talks to the worker's handler
// through a fake port that structured-clones every message, as postMessage does.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../engine/cpu';
import type { TrainerEvent } from './events';
import { createWorkerHandler, type WorkerMessage, type WorkerRequest } from './protocol';
import { smallConfig } from './testing';
import { Trainer } from './trainer';
import { TrainerError } from './trainerError';
import { WorkerTrainerClient, type WorkerPort } from './workerClient';

function loopbackPort(): { port: WorkerPort; seen: WorkerRequest[] } {
  const trainer = new Trainer({ backend: createCpuBackend(), kind: 'cpu-worker', frameBudgetMs: 0 });
  const listeners: Array<(e: MessageEvent<WorkerMessage>) => void> = [];
  const seen: WorkerRequest[] = [];
  const handle = createWorkerHandler(trainer, (msg) => {
    const copy = structuredClone(msg);
    setTimeout(() => listeners.forEach((l) => l({ data: copy } as MessageEvent<WorkerMessage>)), 0);
  });
  const port: WorkerPort = {
    postMessage: (req) => {
      const copy = structuredClone(req);
      seen.push(copy);
      setTimeout(() => void handle(copy), 0);
    },
    addEventListener: (type: 'message' | 'error', fn: never) => {
      if (type === 'message') listeners.push(fn);
    },
    terminate: () => trainer.dispose(),
  };
  return { port, seen };
}

describe('worker protocol (client ↔ handler, structured clone)', () => {
  it('round-trips init, step, evaluate, state and events', async () => {
    const { port, seen } = loopbackPort();
    const client = new WorkerTrainerClient(port);
    const events: TrainerEvent[] = [];
    client.subscribe((e) => events.push(e));
    const info = await client.init({ config: smallConfig(), start: { kind: 'scratch' }, probe: 'the cat sat .' });
    expect(info.kind).toBe('cpu-worker');
    expect(info.probe).toMatchObject({ ok: true, srcTokens: ['the', 'cat', 'sat', '.'], target: 'reference' });
    await client.step(3);
    const state = await client.exportState();
    expect(state.step).toBe(3);
    expect(state.params).toBeInstanceOf(Float32Array);
    const report = await client.evaluate();
    expect(report.step).toBe(3);
    expect(report.n).toBeGreaterThan(0);
    const probe = await client.setProbe('');
    expect(probe).toMatchObject({ ok: false, problem: { code: 'empty' } });
    const weights = await client.weights();
    expect(weights['out.bias']).toBeInstanceOf(Float32Array);
    expect(events.filter((e) => e.type === 'steps').flatMap((e) => (e.type === 'steps' ? e.points.map((p) => p.step) : []))).toEqual([1, 2, 3]);
    expect(events.some((e) => e.type === 'eval' && e.report.step === 3)).toBe(true);
    expect(seen.map((r) => r.command.op)).toEqual(['init', 'step', 'export-state', 'evaluate', 'set-probe', 'weights']);
    client.dispose();
    await expect(client.evaluate()).rejects.toThrow(/after dispose/);
  });

  it('turns engine errors into typed rejections', async () => {
    const { port } = loopbackPort();
    const client = new WorkerTrainerClient(port);
    const bad = smallConfig({ model: { nHeads: 3 } }); // 3 does not divide 16
    const err = await client.init({ config: bad, start: { kind: 'scratch' }, probe: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainerError);
    expect((err as TrainerError).code).toBe('config');
    expect((err as TrainerError).message).toMatch(/nHeads = 3 does not divide dModel = 16/);
    client.dispose();
  });
});
