// The in-page training engine: one model on one backend, stepped by a run loop that never
// waits for the device. Each pump encodes steps until a time budget (default 8 ms) is spent or
// `maxInFlight` steps are still on the device, then yields to the event loop; step numbers come
// back later through readback tickets. Evaluation and attention snapshots run on a shadow copy
// of the weights (one queued copy, so they never see a half-updated model) while training goes
// on. The same class runs inside the Web Worker on the CPU engine, there optionally data
// parallel (dataParallel.ts): a step then finishes when the helper workers have answered, so
// one step is in flight at a time and nothing reads the model until its update is applied.
import type { Backend } from '../engine/backend';
import { PAD_ID, type TatoebaFile } from '../data';
import { stepSeed } from '../random';
import type { Transformer } from '../model/transformer';
import type { DataParallel } from './dataParallel';
import type { TrainingData } from './data';
import type { DivergenceInfo, TrainerInfo, TrainerKind, TrainerSpec, ProbeInfo, RunSettingsPatch, TrainerEvent, TrainerStatus, TrainerHandle } from './events';
import { DivergenceGuard, explodedLoss, isFiniteState, readHostState, writeHostState, type HostState } from './guard';
import { measureQuality, type QualityReport } from './measure';
import { runMeasure, type MeasureRequest, type MeasureResult } from './measureRequests';
import { defaultProbeText, prepareProbe, snapshotProbe, type Probe } from './probe';
import { learningRate } from './schedule';
import { buildRun, runInfo, warmUp } from './runSetup';
import { trainStep, type StepTickets } from './step';
import { TrainerError, toErrorInfo } from './trainerError';
import { checkTrainingConfig, type TrainingConfig } from './trainingConfig';

export interface TrainerOptions {
  backend: Backend;
  kind: TrainerKind;
  /** JS time per pump before yielding (ms). */
  frameBudgetMs?: number;
  /** Steps encoded but not yet reported before the loop waits (the readback ring holds 2 per step). */
  maxInFlight?: number;
  /** Loads the Tatoeba file (browser: loadTatoeba; tests: from disk). */
  loadTatoeba?: (baseUrl?: string) => Promise<TatoebaFile>;
  now?: () => number;
  /** Destroy the backend with the trainer (when the trainer made it). */
  ownsBackend?: boolean;
  /**
   * Called by init once the run's config is known, before the warm-up compiles its kernels: the
   * engine's own preparation for that config (WebGPU: measuring which matmul form is faster).
   */
  prepare?: (config: TrainingConfig) => Promise<void>;
  /** Data-parallel steps for this run (CPU engine only), or null for one thread; called by init. */
  parallel?: (config: TrainingConfig) => DataParallel | null;
}

export class Trainer implements TrainerHandle {
  readonly kind: TrainerKind;
  private readonly be: Backend;
  private readonly budget: number;
  private readonly maxInFlight: number;
  private readonly now: () => number;
  private listeners = new Set<(e: TrainerEvent) => void>();

  private config!: TrainingConfig;
  private data!: TrainingData;
  private model!: Transformer;
  private shadow!: Transformer;
  private guard!: DivergenceGuard;
  private probe!: Probe;

  private status: TrainerStatus = 'paused';
  private stepCount = 0;
  /** Bumped on every rollback/restore: results of older steps are ignored. */
  private epoch = 0;
  private inFlight = new Set<Promise<void>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiting = false;
  private elapsedBefore = 0;
  private runningSince: number | null = null;
  private jobChain: Promise<unknown> = Promise.resolve();
  private pendingJobs = { probe: false, eval: false };
  private shadowBusy = false;
  private parallel: DataParallel | null = null;
  /** A data-parallel step whose update is not applied yet (the model must not be read). */
  private updating: Promise<unknown> | null = null;

  constructor(private readonly opts: TrainerOptions) {
    this.kind = opts.kind;
    this.be = opts.backend;
    this.budget = opts.frameBudgetMs ?? 8;
    this.maxInFlight = opts.maxInFlight ?? 2;
    this.now = opts.now ?? (() => performance.now());
  }

  // ---- setup ------------------------------------------------------------------------------

  async init(spec: TrainerSpec): Promise<TrainerInfo> {
    const run = await buildRun(this.be, spec, this.opts.loadTatoeba);
    ({ config: this.config, data: this.data, model: this.model, shadow: this.shadow, step: this.stepCount } = run);
    const initial = await readHostState(this.model, this.stepCount);
    if (!isFiniteState(initial)) throw new TrainerError('config', 'the starting weights contain NaN or infinity');
    this.guard = new DivergenceGuard(initial);
    await this.opts.prepare?.(this.config);
    await warmUp(this.be, this.shadow, this.data, this.config);
    this.probe = prepareProbe(spec.probe || defaultProbeText(this.data), this.data, this.config.model.maxLen);
    this.parallel = this.opts.parallel?.(this.config) ?? null;
    this.emit({ type: 'status', status: this.status, step: this.stepCount });
    // Where the run starts from: the first points of the charts and the replay.
    this.captureProbe(this.stepCount);
    this.queueJob('eval');
    return { ...runInfo(run, this.kind, this.be.info.name, this.probe.info), workers: this.parallel?.workers ?? 1 };
  }

  // ---- control ----------------------------------------------------------------------------

  start(): void {
    if (this.status !== 'paused' && this.status !== 'diverged') return;
    if (this.config.maxSteps > 0 && this.stepCount >= this.config.maxSteps) return;
    this.setStatus('running');
    this.runningSince = this.now();
    this.schedule();
  }

  async pause(): Promise<void> {
    if (this.status === 'running') this.stopRunning('paused');
    await this.settled();
  }

  async step(n = 1): Promise<void> {
    if (this.status !== 'paused' && this.status !== 'diverged') return;
    this.setStatus('paused');
    const since = this.now();
    for (let i = 0; i < n && this.status === 'paused'; i++) {
      this.encodeStep();
      if (this.inFlight.size >= this.inFlightLimit) await Promise.race(this.inFlight);
    }
    await this.settled();
    this.elapsedBefore += this.now() - since;
  }

  async update(patch: RunSettingsPatch): Promise<void> {
    const c = this.config;
    const next: TrainingConfig = {
      ...c,
      optimizer: { ...c.optimizer, ...patch.optimizer },
      schedule: { ...c.schedule, ...patch.schedule },
      cadence: { ...c.cadence, ...patch.cadence },
      maxSteps: patch.maxSteps ?? c.maxSteps,
    };
    const problems = checkTrainingConfig(next);
    if (problems.length) throw new TrainerError('config', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.config = next;
  }

  async setProbe(text: string): Promise<ProbeInfo> {
    await this.updating;
    const probe = prepareProbe(text, this.data, this.config.model.maxLen);
    if (probe.info.ok) {
      this.probe = probe;
      this.captureProbe(this.stepCount);
    }
    return probe.info;
  }

  evaluate(): Promise<QualityReport> {
    return this.onShadow((step, epoch) => this.evaluateShadow(step, epoch));
  }

  measure(req: MeasureRequest): Promise<MeasureResult> {
    return this.onShadow((step) => runMeasure(this.shadow, this.data, step, this.config.optimizer.labelSmoothing, req));
  }

  async exportState(): Promise<HostState> {
    await this.settled();
    return readHostState(this.model, this.stepCount);
  }

  async lastGoodState(): Promise<HostState> {
    return this.guard.lastGood();
  }

  async weights(): Promise<Record<string, Float32Array>> {
    await this.settled();
    return Object.fromEntries(await this.model.getWeights());
  }

  subscribe(listener: (e: TrainerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    if (this.status === 'disposed') return;
    this.stopRunning('disposed');
    this.epoch++;
    this.listeners.clear();
    this.parallel?.dispose();
    this.model?.dispose();
    this.shadow?.dispose();
    if (this.opts.ownsBackend) this.be.destroy();
  }

  /** Steps encoded so far (tests, benchmarks). */
  get steps(): number {
    return this.stepCount;
  }

  get currentStatus(): TrainerStatus {
    return this.status;
  }

  // ---- the run loop -----------------------------------------------------------------------

  private schedule(): void {
    if (this.timer !== null || this.status !== 'running') return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, 0);
  }

  /**
   * Steps allowed in flight: one while a shadow job waits on reads, so they come back sooner,
   * and always one when data parallel (the next step needs this one's update).
   */
  private get inFlightLimit(): number {
    return this.shadowBusy || this.parallel ? 1 : this.maxInFlight;
  }

  private pump(): void {
    const t0 = this.now();
    while (this.status === 'running' && this.inFlight.size < this.inFlightLimit) {
      this.encodeStep();
      if (this.config.maxSteps > 0 && this.stepCount >= this.config.maxSteps) {
        this.stopRunning('paused');
        const step = this.stepCount;
        void this.settled().then(() => this.emit({ type: 'finished', step }));
        return;
      }
      if (this.now() - t0 >= this.budget) break;
    }
    if (this.status !== 'running') return;
    if (this.inFlight.size < this.inFlightLimit) this.schedule();
    else if (!this.waiting) {
      // Wake when the oldest step reports, not on a timer: the device sets the pace.
      this.waiting = true;
      void Promise.race(this.inFlight).then(() => {
        this.waiting = false;
        this.schedule();
      });
    }
  }

  private encodeStep(): void {
    const step = this.stepCount + 1;
    const { optimizer, schedule, seed } = this.config;
    const lr = learningRate({ ...schedule, peak: optimizer.lr }, step);
    let tickets: StepTickets | Promise<StepTickets>;
    let tokens: number;
    try {
      const batch = this.data.nextBatch();
      tokens = batch.nTokens;
      tickets = this.parallel
        ? this.parallel.step(this.model, batch, { ...optimizer, lr }, PAD_ID, stepSeed(seed, step))
        : trainStep(this.model, batch, { ...optimizer, lr }, PAD_ID, stepSeed(seed, step));
    } catch (e) {
      this.fail(e);
      return;
    }
    this.stepCount = step;
    const epoch = this.epoch;
    let done: Promise<void>;
    if (tickets instanceof Promise) {
      const updated = tickets.then((t) => {
        if (epoch === this.epoch) this.afterUpdate(step);
        return t;
      });
      const settledUpdate = updated.catch(() => undefined);
      this.updating = settledUpdate;
      void settledUpdate.then(() => {
        if (this.updating === settledUpdate) this.updating = null;
      });
      done = updated.then(
        (t) => this.report(step, epoch, lr, tokens, t),
        (e) => void (epoch === this.epoch && this.fail(e)),
      );
    } else {
      done = this.report(step, epoch, lr, tokens, tickets);
      this.afterUpdate(step);
    }
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** What follows step `step`'s update: host copy, probe, evaluation, on their cadence. */
  private afterUpdate(step: number): void {
    const { cadence } = this.config;
    if (step % cadence.snapshotEvery === 0) this.takeSnapshot(step);
    if (step % cadence.attentionEvery === 0) this.captureProbe(step);
    if (step % cadence.evalEvery === 0) this.queueJob('eval');
  }

  /** Wait for a step's tickets and report (or catch divergence). Never rejects. */
  private async report(step: number, epoch: number, lr: number, tokens: number, t: StepTickets): Promise<void> {
    try {
      if (!t.lossSum && !t.gradSumSquares) return void (await this.be.sync()); // both dropped: no numbers
      const [l, g] = await Promise.all([t.lossSum?.data, t.gradSumSquares?.data]);
      if (epoch !== this.epoch) return;
      const loss = l ? l[0] / Math.max(1, tokens) : NaN;
      const gradNorm = g ? Math.sqrt(g[0]) : NaN;
      const finite = (!l || Number.isFinite(loss)) && (!g || Number.isFinite(gradNorm));
      const exploded = finite && !!l && loss > explodedLoss(this.model.vocab.tgt);
      if (!this.guard.observe(step, finite && !exploded)) {
        return void this.diverge({ reason: finite ? 'exploded' : 'non-finite', step, loss, gradNorm, lr });
      }
      if (l) this.emit({ type: 'steps', points: [{ step, loss, gradNorm, lr, tokens, elapsedMs: this.elapsedMs() }] });
    } catch (e) {
      if (epoch === this.epoch) this.fail(e);
    }
  }

  private takeSnapshot(step: number): void {
    const epoch = this.epoch;
    readHostState(this.model, step).then(
      (s) => epoch === this.epoch && this.guard.offer(s),
      (e) => epoch === this.epoch && this.fail(e),
    );
  }

  /** Pause, roll back to the last good state, and say so. */
  private async diverge(what: Omit<DivergenceInfo, 'restoredStep' | 'restoredFinite'>): Promise<void> {
    this.stopRunning('diverged');
    this.epoch++;
    await this.settled();
    const good = this.guard.lastGood();
    this.restore(good);
    this.emit({ type: 'divergence', info: { ...what, restoredStep: good.step, restoredFinite: isFiniteState(good) } });
    this.emit({ type: 'status', status: this.status, step: this.stepCount });
  }

  private restore(state: HostState): void {
    writeHostState(this.model, state);
    this.stepCount = state.step;
    this.data.restartAt(state.step);
    this.guard.reset(state);
    this.emit({ type: 'rewind', step: state.step });
  }

  // ---- shadow jobs (evaluation, probe attention) ------------------------------------------

  private queueJob(kind: 'probe' | 'eval'): void {
    if (this.pendingJobs[kind]) return;
    this.pendingJobs[kind] = true;
    void this.onShadow(async (step, epoch) => {
      this.pendingJobs[kind] = false;
      if (kind === 'eval') await this.evaluateShadow(step, epoch);
      else {
        const snapshot = await snapshotProbe(this.shadow, this.probe, this.data, step);
        if (snapshot && epoch === this.epoch) this.emit({ type: 'attention', snapshot });
      }
    }).catch((e) => this.fail(e));
  }

  /** The validation report on the shadow's weights (of `step`), also as an 'eval' event. */
  private async evaluateShadow(step: number, epoch: number): Promise<QualityReport> {
    const { optimizer, cadence } = this.config;
    const r = await measureQuality(this.shadow, step, this.data.validation, this.data.vocabs, { labelSmoothing: optimizer.labelSmoothing }, cadence.samples);
    if (epoch === this.epoch) this.emit({ type: 'eval', report: r.report, samples: r.samples });
    return r.report;
  }

  /** Run fn on the shadow model, after copying the current weights into it; one job at a time. */
  private onShadow<T>(fn: (step: number, epoch: number) => Promise<T>): Promise<T> {
    const run = async () => {
      await this.updating;
      if (this.status === 'disposed' || this.status === 'failed') throw new TrainerError('internal', 'the trainer is no longer usable');
      this.be.copy(this.model.arena.params, this.shadow.arena.params);
      this.shadowBusy = true;
      try {
        return await fn(this.stepCount, this.epoch);
      } finally {
        this.shadowBusy = false;
      }
    };
    const job = this.jobChain.then(run, run);
    this.jobChain = job.catch(() => undefined);
    return job;
  }

  /**
   * Snapshot the probe's attention at `step`. With a reference target this runs on the
   * training model itself: the pass is encoded right here, between two steps, so it sees
   * exactly this step's weights without waiting for anything. Without one the model's own
   * translation is needed first (several reads), so it goes to the shadow.
   */
  private captureProbe(step: number): void {
    if (!this.probe.reference) return this.queueJob('probe');
    const epoch = this.epoch;
    snapshotProbe(this.model, this.probe, this.data, step).then(
      (snapshot) => snapshot && epoch === this.epoch && this.emit({ type: 'attention', snapshot }),
      (e) => epoch === this.epoch && this.fail(e),
    );
  }

  // ---- bookkeeping ------------------------------------------------------------------------

  private async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
  }

  private stopRunning(status: TrainerStatus): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.runningSince !== null) this.elapsedBefore += this.now() - this.runningSince;
    this.runningSince = null;
    this.setStatus(status);
  }

  private setStatus(status: TrainerStatus): void {
    if (this.status === status || this.status === 'disposed') return;
    this.status = status;
    this.emit({ type: 'status', status, step: this.stepCount });
  }

  private elapsedMs(): number {
    return this.elapsedBefore + (this.runningSince !== null ? this.now() - this.runningSince : 0);
  }

  private fail(e: unknown): void {
    if (this.status === 'failed' || this.status === 'disposed') return;
    this.stopRunning('failed');
    this.emit({ type: 'error', error: toErrorInfo(e, 'device') });
  }

  private emit(e: TrainerEvent): void {
    for (const l of this.listeners) l(e);
  }
}
