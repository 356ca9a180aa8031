// The kernel benchmark, one module for its three front ends (bench/kernels page, Node on Dawn,
// the app's #/bench): every case of kernelCases.ts timed on our WebGPU backend, on each
// TensorFlow.js backend the environment offers (WebGPU, WebGL, WASM) — ours and the peer taking
// their samples in turn, so load slows both alike — and on our CPU backend; ours checked against
// each peer. The result is bench/results/kernels.json's format.
import type { Backend, Tensor } from '../engine/backend';
import { createCpuBackend } from '../engine/cpu';
import { createWebGPUBackend, tuneMatmulBlocksOnce, type MatmulBlocks, type MatmulTuning } from '../engine/webgpu';
import { tuneShapeOf } from '../train/tuneShape';
import { DEFAULT_TRAINING_CONFIG } from '../train/trainingConfig';
import type { BenchEnv } from './env';
import { CASES, TINY_CASES, type KernelCase } from './kernelCases';
import { compareMs, type Runner } from './timing';
import { TF_BACKENDS, type TfBackendName, type TfPeer } from './tfjsPeer';

export interface KernelPeerTiming {
  ms: number;
  /** Ours over this peer, from the samples taken in turn with it (below 1: ours is faster). */
  ratio: number;
  /** max |ours − peer| / max |peer| on one invocation: a sanity check of the comparison. */
  maxRelDiff: number;
}

export interface KernelRow {
  kernel: string;
  shape: string;
  /** Our WebGPU kernel, ms per invocation (null without WebGPU). */
  oursMs: number | null;
  /** Our CPU backend, ms per invocation (null when skipped). */
  cpuMs: number | null;
  /** Each TensorFlow.js backend: its time, or null (not available here, or failed: see tfjsErrors). */
  tfjs: Record<TfBackendName, KernelPeerTiming | null>;
  /** The fastest TensorFlow.js backend for this kernel, and its time. */
  fastestPeer: TfBackendName | null;
  tfjsMs: number | null;
  /** oursMs over the fastest peer's (below 1: ours is faster). */
  ratio: number | null;
  maxRelDiff: number | null;
}

export interface KernelBenchResult {
  /** Where it ran: the bench runner's Chromium, Node (Dawn), or the app's #/bench page. */
  runner: BenchEnv['runner'];
  adapter: string | null;
  /** TensorFlow.js version and, per backend tried, what it reported or why it did not run. */
  tfjs: { version: string | null; backends: Partial<Record<TfBackendName, Record<string, string | number | boolean>>>; errors: Partial<Record<TfBackendName, string>> };
  reps: number;
  /** matmul_direct4's blocks per invocation in our rows, measured as the Train view's trainer does. */
  matmulBlocks?: MatmulBlocks;
  matmulTuning?: MatmulTuning;
  rows: KernelRow[];
}

export interface KernelBenchOptions {
  /** Samples per median (default 7). */
  reps?: number;
  /** Also time our CPU backend (default true). */
  cpu?: boolean;
  /** Only kernels whose name contains this. */
  only?: string | null;
  /** TensorFlow.js backends to compare with (default: all the environment offers). */
  peers?: readonly TfBackendName[];
  /** 'tiny': toy shapes (tests, quick checks). */
  size?: 'full' | 'tiny';
  signal?: AbortSignal;
}

function randomData(n: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** Our backend running a case; first() gives one result for the agreement check. */
function oursRunner(be: Backend, c: KernelCase, data: Float32Array[]) {
  const xs = c.inputs.map((shape, i) => be.tensor(shape, data[i], 'f32', `in${i}`));
  return {
    run: () => be.scope(() => void c.ours(be, xs)),
    sync: async () => {
      be.flush();
      await be.sync();
    },
    first: async () => {
      const y = be.scope(() => c.ours(be, xs)); // a fused kernel's other outputs go with the scope
      const out = (await be.read(y)) as Float32Array;
      be.dispose(y);
      return out;
    },
    dispose: () => xs.forEach((x) => be.dispose(x)),
  };
}

function tfRunner(peer: TfPeer, c: KernelCase, data: Float32Array[]) {
  const tf = peer.tf;
  const xs = c.inputs.map((shape, i) => tf.tensor(data[i], shape));
  return {
    run: () => tf.tidy(() => void c.tf(tf, xs)),
    sync: () => peer.finish(),
    first: async () => {
      const y = c.tf(tf, xs);
      const out = (await y.data()) as Float32Array;
      y.dispose();
      return out;
    },
    dispose: () => tf.dispose(xs),
  };
}

function relDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return d / Math.max(s, 1e-6);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

const aborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new DOMException('the benchmark was cancelled', 'AbortError');
};

export async function runKernelBench(env: BenchEnv, options: KernelBenchOptions = {}): Promise<KernelBenchResult> {
  const reps = options.reps ?? 7;
  const cases = (options.size === 'tiny' ? TINY_CASES : CASES).filter((c) => !options.only || c.kernel.includes(options.only));
  const wanted = options.peers ?? TF_BACKENDS;
  const peers = env.tf ? wanted.filter((b) => env.tf!.available.includes(b)) : [];
  const ours = env.gpu ? createWebGPUBackend(env.gpu) : null;
  const cpu = options.cpu === false ? null : createCpuBackend();
  const result: KernelBenchResult = { runner: env.runner, adapter: env.gpu?.info.name ?? null, tfjs: { version: env.tf?.tf.version_core ?? null, backends: {}, errors: {} }, reps, rows: [] };
  if (ours) {
    // the matmul form training would use on this device (the Train view's defaults); one
    // measurement per device and shape, shared with the training benchmark and the Train view
    result.matmulTuning = await tuneMatmulBlocksOnce(env.gpu!, ours, tuneShapeOf(DEFAULT_TRAINING_CONFIG));
    result.matmulBlocks = result.matmulTuning.blocks;
  }
  for (const b of wanted) if (!peers.includes(b)) result.tfjs.errors[b] = env.tf ? `not available in this environment (${env.runner})` : 'TensorFlow.js not loaded';
  const data = cases.map((c, i) => c.inputs.map((shape, j) => randomData(shape.reduce((a, b) => a * b, 1), 1000 * i + j + 1)));
  const oursSamples: number[][] = cases.map(() => []);
  const rows: KernelRow[] = cases.map((c) => ({ kernel: c.kernel, shape: c.shape, oursMs: null, cpuMs: null, tfjs: { webgpu: null, webgl: null, wasm: null }, fastestPeer: null, tfjsMs: null, ratio: null, maxRelDiff: null }));
  const units = cases.length * (Math.max(1, peers.length) + (cpu ? 1 : 0));
  let done = 0;
  const tick = (label: string) => env.progress?.({ done: ++done, total: units, label });

  try {
    // Per peer backend (switching TensorFlow.js backends is slow): each case, ours and the peer in turn.
    for (const backend of peers.length ? peers : [null]) {
      if (backend) {
        aborted(options.signal);
        try {
          await env.tf!.start(backend);
          result.tfjs.backends[backend] = await env.tf!.describe();
        } catch (e) {
          result.tfjs.errors[backend] = e instanceof Error ? e.message : String(e);
          for (const _ of cases) tick(`TF.js ${backend}: unavailable`);
          continue;
        }
      }
      env.log(backend ? `TensorFlow.js ${env.tf!.tf.version_core} on ${backend}` : 'no TensorFlow.js backend to compare with');
      for (const [i, c] of cases.entries()) {
        aborted(options.signal);
        const runners: (Runner & { first(): Promise<Float32Array>; dispose(): void })[] = [];
        const o = ours ? oursRunner(ours, c, data[i]) : null;
        const t = backend ? tfRunner(env.tf!, c, data[i]) : null;
        if (o) runners.push(o);
        if (t) runners.push(t);
        try {
          if (runners.length) {
            const timings = await compareMs(runners, reps);
            if (o) oursSamples[i].push(timings[0].ms);
            if (t) {
              const tMs = timings[runners.length - 1].ms;
              const [oOut, tOut] = [o ? await o.first() : null, await t.first()];
              rows[i].tfjs[backend!] = { ms: tMs, ratio: o ? timings[0].ms / tMs : NaN, maxRelDiff: oOut ? relDiff(oOut, tOut) : NaN };
            }
          }
        } catch (e) {
          if (backend) result.tfjs.errors[backend] = `${c.kernel} ${c.shape}: ${e instanceof Error ? e.message : String(e)}`;
        } finally {
          runners.forEach((r) => r.dispose());
        }
        const peer = backend ? rows[i].tfjs[backend] : null;
        env.log(`${c.kernel} ${c.shape}: ours ${o ? oursSamples[i].at(-1)?.toFixed(3) : '-'} ms${backend ? `, ${backend} ${peer?.ms.toFixed(3) ?? '-'} ms` : ''}`);
        tick(`${c.kernel} ${c.shape}${backend ? ` · TF.js ${backend}` : ''}`);
      }
    }
    if (cpu) {
      for (const [i, c] of cases.entries()) {
        aborted(options.signal);
        const xs: Tensor[] = c.inputs.map((shape, j) => cpu.tensor(shape, data[i][j]));
        const [ct] = await compareMs([{ run: () => cpu.scope(() => void c.ours(cpu, xs)), sync: async () => undefined }], Math.min(reps, 3));
        xs.forEach((x) => cpu.dispose(x));
        rows[i].cpuMs = ct.ms;
        tick(`${c.kernel} ${c.shape} · CPU`);
      }
    }
  } finally {
    ours?.destroy();
  }

  for (const [i, row] of rows.entries()) {
    row.oursMs = oursSamples[i].length ? median(oursSamples[i]) : null;
    let best: TfBackendName | null = null;
    for (const b of TF_BACKENDS) if (row.tfjs[b] && (!best || row.tfjs[b]!.ms < row.tfjs[best]!.ms)) best = b;
    if (best) {
      const p = row.tfjs[best]!;
      Object.assign(row, { fastestPeer: best, tfjsMs: p.ms, ratio: Number.isFinite(p.ratio) ? p.ratio : null, maxRelDiff: Number.isFinite(p.maxRelDiff) ? p.maxRelDiff : null });
    }
  }
  result.rows = rows;
  return result;
}
