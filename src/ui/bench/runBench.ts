// Runs the benchmarks of src/bench for the #/bench page on the app's own WebGPU device: the
// modules (and TensorFlow.js, with its .wasm files from this site) load only now, kernels
// then training, one progress fraction over both. Options come from the page's query as they
// would from the bench runner's flags (src/bench/options.ts: #/bench?size=tiny for tests),
// narrowed by the page's checkboxes.
import type { GpuContext } from '../../engine/webgpu/device';
import type { BenchEnv } from '../../bench/env';
import type { KernelBenchResult } from '../../bench/kernels';
import type { TrainBenchResult } from '../../bench/train';

export interface BenchChoice {
  kernels: boolean;
  train: boolean;
  tfjs: boolean;
  toEM: boolean;
}

export interface BenchResults {
  kernels: KernelBenchResult | null;
  train: TrainBenchResult | null;
}

export async function runBench(opts: {
  choice: BenchChoice;
  query: URLSearchParams;
  gpu: GpuContext | null;
  signal: AbortSignal;
  onProgress: (fraction: number, label: string) => void;
}): Promise<BenchResults> {
  const { choice, gpu, signal, onProgress } = opts;
  const [{ parseBenchOptions }, kernelsModule, trainModule, tf] = await Promise.all([
    import('../../bench/options'),
    choice.kernels ? import('../../bench/kernels') : null,
    choice.train ? import('../../bench/train') : null,
    choice.tfjs ? import('../../bench/tfjsBrowser').then((m) => m.browserTfPeer()) : null,
  ]);
  const options = parseBenchOptions(opts.query);
  // Kernels are quick next to training: a third of the bar when both run.
  const kernelShare = choice.kernels && choice.train ? 1 / 3 : choice.kernels ? 1 : 0;
  const env = (from: number, share: number): BenchEnv => ({
    runner: 'app',
    gpu,
    tf,
    log: (line) => console.debug(`[bench] ${line}`),
    progress: (p) => onProgress(from + share * (p.total ? p.done / p.total : 0), p.label),
  });
  const results: BenchResults = { kernels: null, train: null };
  if (kernelsModule) results.kernels = await kernelsModule.runKernelBench(env(0, kernelShare), { ...options.kernels, signal, ...(choice.tfjs ? {} : { peers: [] }) });
  if (trainModule) {
    results.train = await trainModule.runTrainBench(env(kernelShare, 1 - kernelShare), {
      ...options.train,
      signal,
      ...(choice.tfjs ? {} : { peers: [] }),
      ...(choice.toEM ? {} : { toEM: 'off' as const }),
    });
  }
  onProgress(1, '');
  return results;
}
