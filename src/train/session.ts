// The Train view's current run, independent of any store: which trainer runs (the page on
// WebGPU, else a CPU worker), how it was started, the live record, and recovery when the GPU
// device is lost (restore the last good weights + Adam state + step on a new device or in the
// worker, and resume if it was running). The store's training slice wraps it.
import type { GpuContext } from '../engine/webgpu/device';
import type { DivergenceInfo, TrainerInfo, TrainerKind, ProbeInfo, RunSettingsPatch, StartFrom, TrainerErrorInfo, TrainerEvent, TrainerHandle } from './events';
import type { HostState } from './guard';
import { TrainingLive } from './live';
import { toErrorInfo, TrainerError } from './trainerError';
import type { PretrainedWeights } from './experimentRun';
import { DEFAULT_TRAINING_CONFIG, modelMatches, type TrainingConfig } from './trainingConfig';

export type SessionStatus = 'empty' | 'starting' | 'paused' | 'running' | 'diverged' | 'recovering' | 'failed';

/** Something the UI should tell the user (translated by kind; see i18n train.notice.*). */
export type SessionNotice =
  | { kind: 'divergence'; info: DivergenceInfo }
  | { kind: 'device-lost'; step: number }
  | { kind: 'device-recovered'; engine: TrainerKind; step: number; resumed: boolean }
  | { kind: 'finished'; step: number }
  | { kind: 'error'; error: TrainerErrorInfo };

export interface SessionState {
  status: SessionStatus;
  engineKind: TrainerKind | null;
  /** Steps trained (updated a few times a second while running). */
  step: number;
  info: TrainerInfo | null;
  probe: ProbeInfo | null;
  notice: SessionNotice | null;
}

export type DeviceTarget = { kind: 'webgpu'; ctx: GpuContext; generation: number } | { kind: 'cpu' };

/** Why the session asks for a device: a run being built (the app may measure the engines and
 * honour the user's choice), or a recovery after the WebGPU device was lost. */
export type DevicePurpose = 'start' | 'recover';

export interface SessionDeps {
  /** The device to train `config` on now (waits while the GPU question is still pending). */
  device(purpose: DevicePurpose, config: TrainingConfig): Promise<DeviceTarget>;
  /** Ask the app for a new device after losing `lostGeneration`; resolves when it has one or gave up. */
  restartDevice(lostGeneration: number | null): Promise<void>;
  createTrainer(target: DeviceTarget): Promise<TrainerHandle>;
  /** The shipped checkpoint's weights, for "start from the pretrained model". */
  pretrained(): Promise<PretrainedWeights>;
  baseUrl?: () => string | undefined;
  onState(patch: Partial<SessionState>): void;
  /** Every trainer event, after the live record took it (persistence hooks). */
  onEvent?(e: TrainerEvent): void;
}

/** How often the step counter reaches the store while running. */
const STEP_THROTTLE_MS = 200;

export class TrainingSession {
  readonly live = new TrainingLive();
  private trainer: TrainerHandle | null = null;
  private trainerGeneration: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private config: TrainingConfig = DEFAULT_TRAINING_CONFIG;
  private startFrom: StartFrom = { kind: 'scratch' };
  private probeText = '';
  private status: SessionStatus = 'empty';
  private lock: Promise<unknown> = Promise.resolve();
  private recovering: Promise<void> | null = null;
  private stepTimer: ReturnType<typeof setTimeout> | null = null;
  private wantRunning = false;

  constructor(private readonly deps: SessionDeps) {}

  get currentConfig(): TrainingConfig {
    return this.config;
  }

  get currentStatus(): SessionStatus {
    return this.status;
  }

  /** The trainer, if one is built (experiments measure it; tests inspect it). */
  get currentTrainer(): TrainerHandle | null {
    return this.trainer;
  }

  /** Whether there is a model worth asking about before it is thrown away. */
  hasModel(): boolean {
    return this.live.step > 0 || this.startFrom.kind !== 'scratch';
  }

  /** Serialise lifecycle changes (create, reset, load, recover). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  // ---- configuration and model ------------------------------------------------------------

  /** Replace the config; the caller decided the current model may go (see discardsModel). */
  async configure(config: TrainingConfig, opts: { keepModel: boolean }): Promise<void> {
    this.config = config;
    if (opts.keepModel && this.trainer) {
      const patch: RunSettingsPatch = { optimizer: config.optimizer, schedule: config.schedule, cadence: config.cadence, maxSteps: config.maxSteps };
      await this.trainer.update(patch);
      return;
    }
    if (!opts.keepModel) await this.reset();
  }

  /** Drop the model and its history; the next start builds a fresh one. */
  reset(): Promise<void> {
    return this.exclusive(async () => {
      this.dropTrainer();
      this.startFrom = { kind: 'scratch' };
      this.live.reset();
      this.setState({ status: 'empty', engineKind: null, step: 0, info: null, notice: null });
    });
  }

  /**
   * Make a saved model current: its config, where its weights start, and (after a reload) its
   * history. The trainer is built lazily, on the next start/step/measure.
   * `opts.onlyIfEmpty`: do nothing (resolve false) when a model is current by the time the load
   * runs (a start that came first wins). `opts.beforeShow` runs in the same synchronous step as
   * the status change, so no observer sees the new status without the caller's own state
   * (a restored session that is 'paused' but not yet marked restored).
   */
  load(
    config: TrainingConfig,
    start: StartFrom,
    history?: Parameters<TrainingLive['restore']>[0],
    opts: { onlyIfEmpty?: boolean; beforeShow?: () => void } = {},
  ): Promise<boolean> {
    return this.exclusive(async () => {
      if (opts.onlyIfEmpty && this.status !== 'empty') return false;
      this.dropTrainer();
      this.config = config;
      this.startFrom = start;
      const step = start.kind === 'state' ? start.state.step : start.kind === 'weights' ? start.step : 0;
      if (history) {
        this.live.restore(history);
        this.live.apply({ type: 'rewind', step }); // the history may run past the saved weights
      } else {
        this.live.reset();
        this.live.step = step;
      }
      opts.beforeShow?.();
      this.setState({ status: 'paused', engineKind: null, step, info: null, notice: null });
      return true;
    });
  }

  setProbeText(text: string): Promise<ProbeInfo | null> {
    this.probeText = text;
    return this.trainer ? this.trainer.setProbe(text).then((p) => (this.setState({ probe: p }), p)) : Promise.resolve(null);
  }

  // ---- control ----------------------------------------------------------------------------

  async start(): Promise<void> {
    this.wantRunning = true;
    const trainer = await this.ensureTrainer();
    // A pause pressed while the trainer was being built wins.
    if (this.status === 'recovering' || !this.wantRunning) return;
    trainer.start();
  }

  async pause(): Promise<void> {
    this.wantRunning = false;
    await this.trainer?.pause();
    this.flushStep();
  }

  async step(n = 1): Promise<void> {
    const trainer = await this.ensureTrainer();
    await trainer.step(n);
    this.flushStep();
  }

  /** The trainer, built and initialised if needed. */
  ensureTrainer(): Promise<TrainerHandle> {
    if (this.trainer && this.status !== 'failed') return Promise.resolve(this.trainer);
    return this.exclusive(async () => {
      if (this.trainer && this.status !== 'failed') return this.trainer;
      this.dropTrainer();
      let start: StartFrom;
      try {
        start = await this.resolveStart();
      } catch (e) {
        this.setState({ status: 'failed', notice: { kind: 'error', error: toErrorInfo(e) } });
        throw e;
      }
      return this.build(start, 'start');
    });
  }

  private async resolveStart(): Promise<StartFrom> {
    if (this.startFrom.kind !== 'scratch' || !this.config.fromPretrained) return this.startFrom;
    const p = await this.deps.pretrained();
    if (this.config.dataset !== 'toy' || !modelMatches(p.config, this.config.model)) {
      throw new TrainerError('pretrained-mismatch', 'the pretrained model fits only the toy dataset with the shipped model size');
    }
    return { kind: 'weights', weights: p.weights, vocab: p.vocab, step: 0 };
  }

  private async build(start: StartFrom, purpose: DevicePurpose): Promise<TrainerHandle> {
    this.setState({ status: 'starting' });
    return this.buildOn(await this.deps.device(purpose, this.config), start);
  }

  private async buildOn(target: DeviceTarget, start: StartFrom): Promise<TrainerHandle> {
    this.setState({ status: 'starting' });
    const trainer = await this.deps.createTrainer(target);
    this.trainer = trainer;
    this.trainerGeneration = target.kind === 'webgpu' ? target.generation : null;
    this.unsubscribe = trainer.subscribe((e) => this.onTrainerEvent(trainer, e));
    try {
      const info = await trainer.init({ config: this.config, start, probe: this.probeText, baseUrl: this.deps.baseUrl?.() });
      this.startFrom = start;
      this.setState({ status: 'paused', engineKind: trainer.kind, info, probe: info.probe, step: info.step });
      return trainer;
    } catch (e) {
      this.dropTrainer();
      const error = toErrorInfo(e);
      this.setState({ status: 'failed', engineKind: null, notice: { kind: 'error', error } });
      throw e;
    }
  }

  private dropTrainer(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.trainer?.dispose();
    this.trainer = null;
    this.trainerGeneration = null;
  }

  // ---- trainer events ----------------------------------------------------------------------

  private onTrainerEvent(trainer: TrainerHandle, e: TrainerEvent): void {
    if (trainer !== this.trainer) return;
    this.live.apply(e);
    switch (e.type) {
      case 'status':
        if (e.status === 'running' || e.status === 'paused' || e.status === 'diverged') this.setState({ status: e.status, step: e.step });
        break;
      case 'steps':
        this.throttleStep();
        break;
      case 'divergence':
        this.setState({ notice: { kind: 'divergence', info: e.info }, step: e.info.restoredStep });
        break;
      case 'finished':
        this.setState({ notice: { kind: 'finished', step: e.step }, step: e.step });
        break;
      case 'error':
        if (e.error.code === 'device' && trainer.kind === 'webgpu') void this.recover().catch(() => undefined); // failure shows in the state
        else this.setState({ status: 'failed', notice: { kind: 'error', error: e.error } });
        break;
    }
    this.deps.onEvent?.(e);
  }

  private throttleStep(): void {
    if (this.stepTimer !== null) return;
    this.stepTimer = setTimeout(() => this.flushStep(), STEP_THROTTLE_MS);
  }

  private flushStep(): void {
    if (this.stepTimer !== null) clearTimeout(this.stepTimer);
    this.stepTimer = null;
    this.setState({ step: this.live.step });
  }

  // ---- device loss ------------------------------------------------------------------------

  /** The app's GPU changed (lost, restarted, fell back): a WebGPU trainer on an old device must move. */
  deviceChanged(target: { ready: boolean; generation: number }): void {
    if (!this.trainer || this.trainer.kind !== 'webgpu' || this.recovering) return;
    if (!target.ready || target.generation !== this.trainerGeneration) void this.recover();
  }

  /** Restore the last good state on a new device (or the worker) and resume if it was running. */
  recover(): Promise<void> {
    this.recovering ??= this.exclusive(async () => {
      const old = this.trainer;
      if (!old) return;
      const wasRunning = this.status === 'running';
      const step = this.live.step;
      this.setState({ status: 'recovering', notice: { kind: 'device-lost', step } });
      // Host memory: needs no device. Without it, start again from how the run began.
      const good: HostState | null = await old.lastGoodState().catch(() => null);
      const lost = this.trainerGeneration;
      this.dropTrainer();
      await this.deps.restartDevice(lost);
      const trainer = await this.build(good ? { kind: 'state', state: good } : this.startFrom, 'recover');
      if (good) this.live.apply({ type: 'rewind', step: good.step });
      if (wasRunning) trainer.start();
      const restored = good?.step ?? 0;
      this.setState({ step: restored, notice: { kind: 'device-recovered', engine: trainer.kind, step: restored, resumed: wasRunning } });
    }).finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  // ---- engine choice ----------------------------------------------------------------------

  /**
   * The app's engine choice changed (the user's override): move the current model to the
   * engine the app now names — same weights, Adam state and step — and resume if it was
   * running. Nothing to do without a trainer (the next build asks anyway) or when it already
   * runs there.
   */
  switchEngine(): Promise<void> {
    return this.exclusive(async () => {
      const old = this.trainer;
      if (!old || this.status === 'failed' || this.status === 'recovering') return;
      const wasRunning = this.status === 'running';
      await old.pause();
      const state = await old.exportState();
      const target = await this.deps.device('start', this.config);
      const same = (target.kind === 'webgpu') === (old.kind === 'webgpu') && (target.kind !== 'webgpu' || target.generation === this.trainerGeneration);
      if (same) {
        if (wasRunning && this.wantRunning) old.start();
        return;
      }
      this.dropTrainer();
      this.startFrom = { kind: 'state', state }; // where a retry starts if the new engine fails
      const trainer = await this.buildOn(target, { kind: 'state', state });
      if (wasRunning && this.wantRunning) trainer.start();
    });
  }

  // ---- passthroughs -----------------------------------------------------------------------

  async update(patch: RunSettingsPatch): Promise<void> {
    await this.trainer?.update(patch);
  }

  dismissNotice(): void {
    this.setState({ notice: null });
  }

  dispose(): void {
    this.dropTrainer();
    if (this.stepTimer !== null) clearTimeout(this.stepTimer);
  }

  private setState(patch: Partial<SessionState>): void {
    if (patch.status) this.status = patch.status;
    this.deps.onState(patch);
  }
}
