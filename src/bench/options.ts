// The benchmarks' options as the three front ends spell them: the bench pages' query
// (npm run bench:train -- --steps=2 → ?steps=2), Node's --key=value flags (the same names), and
// the app's #/bench?size=tiny. One parser, so a name means the same everywhere.
import type { KernelBenchOptions } from './kernels';
import type { TrainBenchOptions } from './train';
import { TF_BACKENDS, type TfBackendName } from './tfjsPeer';

export interface BenchOptions {
  kernels: KernelBenchOptions;
  train: TrainBenchOptions;
}

function num(params: URLSearchParams, key: string): number | undefined {
  const v = params.get(key);
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${key}=${v}: expected a number ≥ 0`);
  return n;
}

/** ?tf=webgpu,wasm (or 'none'): which TensorFlow.js backends to compare with; all by default. */
function peers(params: URLSearchParams): readonly TfBackendName[] | undefined {
  const v = params.get('tf');
  if (v === null) return undefined;
  if (v === 'none' || v === '0') return [];
  const names = v.split(',').map((s) => s.trim());
  for (const n of names) if (!(TF_BACKENDS as readonly string[]).includes(n)) throw new Error(`--tf=${v}: the backends are ${TF_BACKENDS.join(', ')} (or none)`);
  return names as TfBackendName[];
}

/** ?blocks=1|2: force matmul_direct4's blocks per invocation (default: measured). */
function blocksOf(params: URLSearchParams): 1 | 2 | undefined {
  const v = params.get('blocks');
  if (v === null) return undefined;
  if (v !== '1' && v !== '2') throw new Error(`--blocks=${v}: expected 1 (4 × 4 outputs per invocation) or 2 (8 × 8)`);
  return Number(v) as 1 | 2;
}

export function parseBenchOptions(params: URLSearchParams): BenchOptions {
  const size = params.get('size') === 'tiny' ? 'tiny' : 'full';
  const toEMRaw = params.get('toEM');
  const toEM = toEMRaw === null ? undefined : toEMRaw === '0' || toEMRaw === 'off' ? 'off' : toEMRaw === 'webgpu' || toEMRaw === 'cpu' || toEMRaw === 'auto' ? toEMRaw : undefined;
  if (toEMRaw !== null && toEM === undefined) throw new Error(`--toEM=${toEMRaw}: expected auto, webgpu, cpu or 0`);
  const tf = peers(params);
  return {
    kernels: { size, reps: num(params, 'reps') ?? (size === 'tiny' ? 1 : undefined), cpu: params.get('cpu') !== '0', only: params.get('only'), peers: tf },
    train: {
      size,
      peers: tf,
      steps: num(params, 'steps'),
      cpuSteps: num(params, 'cpuSteps'),
      tfSteps: num(params, 'tfSteps'),
      tfSeconds: num(params, 'tfSeconds'),
      toEM,
      toEMSeconds: num(params, 'toEMSeconds'),
      evalEvery: num(params, 'evalEvery'),
      blocks: blocksOf(params),
    },
  };
}
