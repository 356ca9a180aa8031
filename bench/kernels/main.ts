// The kernel benchmark page: for every case in cases.ts, time our WebGPU kernel, the same op
// in TensorFlow.js (WebGPU backend by default: same adapter, same run) and our CPU backend;
// check that ours and TensorFlow.js agree; publish the rows on window.__bench for bench/run.mjs.
// Query: ?reps=7 (samples per median), ?cpu=0 (skip the CPU column), ?only=softmax,
// ?tf=webgpu|webgl|wasm (the TensorFlow.js backend to compare with).
import type { Backend, Tensor } from '../../src/engine/backend';
import { createCpuBackend } from '../../src/engine/cpu';
import { createWebGPUBackend, requestGpu } from '../../src/engine/webgpu';
import { CASES, type KernelCase } from './cases';
import { compareMs } from './timing';
import { startTf, tf, tfBackendFromQuery, tfFinish } from '../tfjs';

export interface KernelRow {
  kernel: string;
  shape: string;
  oursMs: number;
  tfjsMs: number;
  cpuMs: number | null;
  /** oursMs / tfjsMs (below 1: ours is faster). */
  ratio: number;
  /** max |ours − tfjs| / max |tfjs| on the first invocation: a sanity check of the comparison. */
  maxRelDiff: number;
}

interface BenchState {
  status: 'running' | 'done' | 'error';
  result?: { adapter: string; tfjsBackend: string; rows: KernelRow[] };
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchState;
  }
}

const params = new URLSearchParams(location.search);
const REPS = Number(params.get('reps') ?? 7);
const WITH_CPU = params.get('cpu') !== '0';
const ONLY = params.get('only');

function log(line: string): void {
  console.log(line);
  document.getElementById('log')!.textContent += `${line}\n`;
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

/** Our backend running the case; first() gives one result for the agreement check. */
function oursRunner(be: Backend, c: KernelCase, data: Float32Array[]) {
  const xs = c.inputs.map((shape, i) => be.tensor(shape, data[i], 'f32', `in${i}`));
  return {
    run: () => be.scope(() => void c.ours(be, xs)),
    sync: async () => {
      be.flush();
      await be.sync();
    },
    first: async () => {
      const y = c.ours(be, xs);
      const out = (await be.read(y)) as Float32Array;
      for (const x of [...xs, y]) be.dispose(x);
      return out;
    },
  };
}

function tfRunner(c: KernelCase, data: Float32Array[]) {
  const xs = c.inputs.map((shape, i) => tf.tensor(data[i], shape));
  return {
    run: () => tf.tidy(() => void c.tf(tf, xs)),
    sync: tfFinish,
    first: async () => {
      const y = c.tf(tf, xs);
      const out = (await y.data()) as Float32Array;
      tf.dispose([...xs, y]);
      return out;
    },
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

async function main(): Promise<void> {
  window.__bench = { status: 'running' };
  const tfBackend = tfBackendFromQuery(params);
  const req = await requestGpu();
  if (!req.ok) throw new Error(`no WebGPU: ${req.reason} (${req.detail})`);
  const ours = createWebGPUBackend(req.ctx);
  const cpu = createCpuBackend();
  await startTf(tfBackend);
  log(`adapter: ${req.ctx.info.name}; TensorFlow.js ${tf.version_core} on ${tf.getBackend()}; ${REPS} samples per median`);

  const rows: KernelRow[] = [];
  for (const [i, c] of CASES.entries()) {
    if (ONLY && !c.kernel.includes(ONLY)) continue;
    const data = c.inputs.map((shape, j) => randomData(shape.reduce((a, b) => a * b, 1), 1000 * i + j + 1));
    const o = oursRunner(ours, c, data);
    const t = tfRunner(c, data);
    const [ot, tt] = await compareMs([o, t], REPS);
    const [oOut, tOut] = [await o.first(), await t.first()];
    let cpuMs: number | null = null;
    if (WITH_CPU) {
      const xs: Tensor[] = c.inputs.map((shape, j) => cpu.tensor(shape, data[j]));
      const [ct] = await compareMs([{ run: () => cpu.scope(() => void c.ours(cpu, xs)), sync: async () => {} }], Math.min(REPS, 3));
      cpuMs = ct.ms;
    }
    const row: KernelRow = {
      kernel: c.kernel,
      shape: c.shape,
      oursMs: ot.ms,
      tfjsMs: tt.ms,
      cpuMs,
      ratio: ot.ms / tt.ms,
      maxRelDiff: relDiff(oOut, tOut),
    };
    rows.push(row);
    log(
      `${c.kernel} ${c.shape}: ours ${row.oursMs.toFixed(3)} ms (×${ot.iters}), tfjs ${row.tfjsMs.toFixed(3)} ms (×${tt.iters}), ` +
        `cpu ${cpuMs?.toFixed(3) ?? '-'} ms, ratio ${row.ratio.toFixed(2)}, diff ${row.maxRelDiff.toExponential(1)}`,
    );
  }
  ours.destroy();
  window.__bench = { status: 'done', result: { adapter: req.ctx.info.name, tfjsBackend: tf.getBackend(), rows } };
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  log(`error: ${msg}`);
  window.__bench = { status: 'error', error: msg };
});
