// The typed messages between the page and the training worker, and the worker's side of the
// conversation as a plain function (so it is tested without a real Worker). Requests carry an
// id; the worker answers each with one reply, and streams the engine's events in between.
import type { TrainerInfo, TrainerSpec, ProbeInfo, RunSettingsPatch, TrainerErrorInfo, TrainerEvent, TrainerHandle } from './events';
import type { HostState } from './guard';
import type { QualityReport } from './measure';
import type { MeasureRequest, MeasureResult } from './measureRequests';
import { toErrorInfo } from './trainerError';

export type WorkerCommand =
  | { op: 'init'; spec: TrainerSpec }
  | { op: 'start' }
  | { op: 'pause' }
  | { op: 'step'; n: number }
  | { op: 'update'; patch: RunSettingsPatch }
  | { op: 'set-probe'; text: string }
  | { op: 'evaluate' }
  | { op: 'measure'; req: MeasureRequest }
  | { op: 'export-state' }
  | { op: 'last-good-state' }
  | { op: 'weights' }
  | { op: 'dispose' };

export type WorkerOp = WorkerCommand['op'];

/** What each command resolves with. */
export interface WorkerResults {
  init: TrainerInfo;
  start: null;
  pause: null;
  step: null;
  update: null;
  'set-probe': ProbeInfo;
  evaluate: QualityReport;
  measure: MeasureResult;
  'export-state': HostState;
  'last-good-state': HostState;
  weights: Record<string, Float32Array>;
  dispose: null;
}

export interface WorkerRequest {
  id: number;
  command: WorkerCommand;
}

export type WorkerReply =
  | { kind: 'reply'; id: number; ok: true; value: WorkerResults[WorkerOp] }
  | { kind: 'reply'; id: number; ok: false; error: TrainerErrorInfo };

export type WorkerMessage = WorkerReply | { kind: 'event'; event: TrainerEvent };

/** Run one command on the engine. */
async function execute(engine: TrainerHandle, c: WorkerCommand): Promise<WorkerResults[WorkerOp]> {
  switch (c.op) {
    case 'init':
      return engine.init(c.spec);
    case 'start':
      engine.start();
      return null;
    case 'pause':
      await engine.pause();
      return null;
    case 'step':
      await engine.step(c.n);
      return null;
    case 'update':
      await engine.update(c.patch);
      return null;
    case 'set-probe':
      return engine.setProbe(c.text);
    case 'evaluate':
      return engine.evaluate();
    case 'measure':
      return engine.measure(c.req);
    case 'export-state':
      return engine.exportState();
    case 'last-good-state':
      return engine.lastGoodState();
    case 'weights':
      return engine.weights();
    case 'dispose':
      engine.dispose();
      return null;
  }
}

/**
 * The worker's message handler: forwards every engine event, answers every request (errors
 * as data with their code). Returns the function to call with each incoming request.
 */
export function createWorkerHandler(engine: TrainerHandle, post: (msg: WorkerMessage) => void): (req: WorkerRequest) => Promise<void> {
  engine.subscribe((event) => post({ kind: 'event', event }));
  return async (req) => {
    try {
      const value = await execute(engine, req.command);
      post({ kind: 'reply', id: req.id, ok: true, value });
    } catch (e) {
      post({ kind: 'reply', id: req.id, ok: false, error: toErrorInfo(e) });
    }
  };
}
