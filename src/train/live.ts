// The page-side record of a run, fed by engine events: metric series (typed, bounded),
// evaluation points, attention snapshots for the replay slider, sample translations and
// throughput. It is mutable on purpose: charts subscribe and redraw on their own schedule
// (one animation frame), so a training step never re-renders the app.
import type { AttentionSnapshot } from './attention';
import { SnapshotHistory } from './attention';
import type { DivergenceInfo, StepPoint, TrainerEvent } from './events';
import type { QualityReport, TranslationSample } from './measure';
import { Series, type SeriesJson } from './series';

/** Points used for the steps/s and tokens/s estimates. */
const RATE_WINDOW = 20;

export interface LiveRates {
  stepsPerSec: number;
  tokensPerSec: number;
}

/** The persisted form: compact series, evaluations, the snapshots (typed arrays: IndexedDB keeps them as is). */
export interface LiveHistory {
  train: { loss: SeriesJson; gradNorm: SeriesJson; lr: SeriesJson };
  evals: QualityReport[];
  attention: AttentionSnapshot[];
  samples: TranslationSample[];
  elapsedMs: number;
  step: number;
}

export class TrainingLive {
  /** Bumped on every change: a cheap "did anything happen" for subscribers. */
  version = 0;
  /** Last step reported by the engine (status or step result). */
  step = 0;
  elapsedMs = 0;
  /** Target tokens of every reported step (throughput). */
  tokensSeen = 0;
  readonly loss = new Series();
  readonly gradNorm = new Series();
  readonly lr = new Series();
  /** Every evaluation, in step order (exact match, validation loss, entropy…). */
  evals: QualityReport[] = [];
  samples: TranslationSample[] = [];
  readonly attention: SnapshotHistory;
  lastDivergence: DivergenceInfo | null = null;
  private recent: StepPoint[] = [];
  private listeners = new Set<() => void>();

  constructor(snapshotCapacity = 48) {
    this.attention = new SnapshotHistory(snapshotCapacity);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Fold one engine event in. */
  apply(e: TrainerEvent): void {
    switch (e.type) {
      case 'status':
        this.step = e.step;
        break;
      case 'steps':
        for (const p of e.points) this.addPoint(p);
        break;
      case 'eval':
        this.evals = [...this.evals.filter((r) => r.step < e.report.step), e.report];
        this.samples = e.samples;
        break;
      case 'attention':
        this.attention.add(e.snapshot);
        break;
      case 'divergence':
        this.lastDivergence = e.info;
        break;
      case 'rewind':
        this.rewind(e.step);
        break;
      case 'finished':
        this.step = e.step;
        break;
      case 'error':
        break;
    }
    this.changed();
  }

  private addPoint(p: StepPoint): void {
    this.loss.push(p.step, p.loss);
    this.gradNorm.push(p.step, p.gradNorm);
    this.lr.push(p.step, p.lr);
    this.step = Math.max(this.step, p.step);
    this.elapsedMs = p.elapsedMs;
    this.tokensSeen += p.tokens;
    this.recent.push(p);
    if (this.recent.length > RATE_WINDOW) this.recent.shift();
  }

  private rewind(step: number): void {
    for (const s of [this.loss, this.gradNorm, this.lr]) s.truncateAfter(step);
    this.evals = this.evals.filter((r) => r.step <= step);
    this.attention.truncateAfter(step);
    this.recent = [];
    this.step = step;
  }

  /** Steps and target tokens per second over the last few reported steps. */
  rates(): LiveRates {
    const r = this.recent;
    if (r.length < 2) return { stepsPerSec: 0, tokensPerSec: 0 };
    const ms = r[r.length - 1].elapsedMs - r[0].elapsedMs;
    if (ms <= 0) return { stepsPerSec: 0, tokensPerSec: 0 };
    const steps = r[r.length - 1].step - r[0].step;
    const tokens = r.slice(1).reduce((a, p) => a + p.tokens, 0);
    return { stepsPerSec: (steps * 1000) / ms, tokensPerSec: (tokens * 1000) / ms };
  }

  lastEval(): QualityReport | null {
    return this.evals[this.evals.length - 1] ?? null;
  }

  /** Forget everything (a new model). */
  reset(): void {
    for (const s of [this.loss, this.gradNorm, this.lr]) s.clear();
    this.evals = [];
    this.samples = [];
    this.attention.clear();
    this.lastDivergence = null;
    this.recent = [];
    this.step = 0;
    this.elapsedMs = 0;
    this.tokensSeen = 0;
    this.changed();
  }

  toHistory(maxPoints = 1024): LiveHistory {
    return {
      train: { loss: this.loss.toJSON(maxPoints), gradNorm: this.gradNorm.toJSON(maxPoints), lr: this.lr.toJSON(maxPoints) },
      evals: this.evals,
      attention: [...this.attention.list()],
      samples: this.samples,
      elapsedMs: this.elapsedMs,
      step: this.step,
    };
  }

  /** Replace the contents with a saved history (after a reload). */
  restore(h: LiveHistory): void {
    this.reset();
    this.loss.load(h.train.loss);
    this.gradNorm.load(h.train.gradNorm);
    this.lr.load(h.train.lr);
    this.evals = [...h.evals];
    this.attention.replace(h.attention);
    this.samples = [...h.samples];
    this.elapsedMs = h.elapsedMs;
    this.step = h.step;
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
