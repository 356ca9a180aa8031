// Fair timing for GPU work: many invocations encoded back to back, then one wait for the
// queue; the median over several samples of the per-invocation time. Engines compared in one
// row take their samples in turn (A, B, A, B, …), so a busy machine slows both alike.
// Invocations per sample adapt so each sample lasts about TARGET_MS.
const TARGET_MS = 150;
const MAX_ITERS = 200;

export interface Timing {
  ms: number;
  iters: number;
  samples: number[];
}

/** run() encodes one invocation; sync() waits until everything encoded has run. */
export interface Runner {
  run(): void;
  sync(): Promise<void>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function sample(r: Runner, iters: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iters; i++) r.run();
  await r.sync();
  return (performance.now() - start) / iters;
}

/** Median ms per invocation of each runner, samples interleaved across runners. */
export async function compareMs(runners: Runner[], reps: number): Promise<Timing[]> {
  const iters: number[] = [];
  for (const r of runners) {
    // warm-up: pipelines compile, buffers and bind groups are created
    await sample(r, 1);
    await sample(r, 1);
    const once = Math.max(await sample(r, 1), 0.01);
    iters.push(Math.max(3, Math.min(MAX_ITERS, Math.round(TARGET_MS / once))));
  }
  const samples: number[][] = runners.map(() => []);
  for (let rep = 0; rep < reps; rep++) {
    for (const [i, r] of runners.entries()) samples[i].push(await sample(r, iters[i]));
  }
  return samples.map((s, i) => ({ ms: median(s), iters: iters[i], samples: s }));
}
