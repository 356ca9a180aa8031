// Benchmark hooks (bench:train calls them through the window test API): train for a while and
// report what a user would feel — steps/s and tokens/s as the page sees them, and the longest
// main-thread task meanwhile (PerformanceObserver 'longtask', Chromium only). Numbers are
// reported, never asserted.
import type { TrainerHandle } from './events';
import type { TrainingLive } from './live';

export interface TrainBenchReport {
  engine: TrainerHandle['kind'];
  seconds: number;
  steps: number;
  stepsPerSec: number;
  tokensPerSec: number;
  /** Longest main-thread task (ms) while training, null where 'longtask' is not observable. */
  longestTaskMs: number | null;
  /** Tasks over 50 ms while training. */
  longTasks: number;
  firstLoss: number | null;
  lastLoss: number | null;
}

/** Observe long tasks until stop() (a no-op outside browsers that support it). */
export function watchLongTasks(): { stop(): { longest: number | null; count: number } } {
  const supported = typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');
  if (!supported) return { stop: () => ({ longest: null, count: 0 }) };
  let longest = 0;
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longest = Math.max(longest, e.duration);
      count++;
    }
  });
  observer.observe({ type: 'longtask' });
  return {
    stop: () => {
      for (const e of observer.takeRecords()) {
        longest = Math.max(longest, e.duration);
        count++;
      }
      observer.disconnect();
      return { longest, count };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run `trainer` (already initialised) for `seconds`, then pause and report. */
export async function benchTraining(trainer: TrainerHandle, live: TrainingLive, seconds: number): Promise<TrainBenchReport> {
  const startStep = live.step;
  const startElapsed = live.elapsedMs;
  const startTokens = live.tokensSeen;
  const watch = watchLongTasks();
  trainer.start();
  await sleep(seconds * 1000);
  await trainer.pause();
  const tasks = watch.stop();
  const steps = live.step - startStep;
  const ms = Math.max(1, live.elapsedMs - startElapsed);
  const losses = live.loss.values;
  const firstIndex = live.loss.steps.findIndex((s) => s > startStep);
  return {
    engine: trainer.kind,
    seconds,
    steps,
    stepsPerSec: (steps * 1000) / ms,
    tokensPerSec: ((live.tokensSeen - startTokens) * 1000) / ms,
    longestTaskMs: tasks.longest,
    longTasks: tasks.count,
    firstLoss: firstIndex >= 0 ? losses[firstIndex] : null,
    lastLoss: losses.length ? losses[losses.length - 1] : null,
  };
}

/** Train until validation exact match reaches `target` (or `maxSeconds`); the step it happened at. */
export async function benchStepsToExactMatch(trainer: TrainerHandle, live: TrainingLive, target: number, maxSeconds: number): Promise<{ step: number | null; seconds: number; best: number }> {
  const t0 = performance.now();
  trainer.start();
  let found: number | null = null;
  while (performance.now() - t0 < maxSeconds * 1000) {
    const hit = live.evals.find((r) => r.exactMatch >= target);
    if (hit) {
      found = hit.step;
      break;
    }
    await sleep(250);
  }
  await trainer.pause();
  return { step: found, seconds: (performance.now() - t0) / 1000, best: Math.max(0, ...live.evals.map((r) => r.exactMatch)) };
}
