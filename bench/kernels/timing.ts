// Fair timing for GPU work: many invocations encoded back to back, then one wait for the
// queue, repeated; the median of the per-invocation times. Invocations per sample adapt so
// each sample lasts about TARGET_MS.
const TARGET_MS = 150;
const MAX_ITERS = 200;

export interface Timing {
  ms: number;
  iters: number;
  samples: number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** run() encodes one invocation; sync() waits until everything encoded has run. */
export async function medianMs(run: () => void, sync: () => Promise<void>, reps: number): Promise<Timing> {
  // warm-up: pipelines compile, buffers and bind groups are created
  for (let i = 0; i < 2; i++) {
    run();
    await sync();
  }
  const t0 = performance.now();
  run();
  await sync();
  const once = Math.max(performance.now() - t0, 0.01);
  const iters = Math.max(3, Math.min(MAX_ITERS, Math.round(TARGET_MS / once)));
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    for (let i = 0; i < iters; i++) run();
    await sync();
    samples.push((performance.now() - start) / iters);
  }
  return { ms: median(samples), iters, samples };
}
