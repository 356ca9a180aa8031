// What the two benchmark pages share (bench/kernels, bench/train, served by bench/run.mjs): the
// page contract (window.__bench), the log, the environment (WebGPU through the app's own
// device code, TensorFlow.js with its WebGPU, WebGL and WASM backends) and the options from
// the query. The benchmarks themselves live in src/bench, shared with Node and the app's #/bench.
import { requestGpu } from '../src/engine/webgpu';
import type { BenchEnv } from '../src/bench/env';
import { parseBenchOptions, type BenchOptions } from '../src/bench/options';
import { browserTfPeer } from '../src/bench/tfjsBrowser';

type BenchState = { status: 'running' | 'done' | 'error'; result?: unknown; error?: string };
const publish = (state: BenchState) => ((window as unknown as { __bench: BenchState }).__bench = state);

function log(line: string): void {
  console.log(line);
  document.getElementById('log')!.textContent += `${line}\n`;
}

/** Runs `bench` with the page's environment and options; publishes its result for bench/run.mjs. */
export function runPage(bench: (env: BenchEnv, options: BenchOptions) => Promise<unknown>): void {
  publish({ status: 'running' });
  (async () => {
    const options = parseBenchOptions(new URLSearchParams(location.search));
    const gpu = await requestGpu();
    if (!gpu.ok) log(`no WebGPU: ${gpu.reason} (${gpu.detail}); our WebGPU engine and TF.js's are skipped`);
    const env: BenchEnv = { runner: 'chromium', gpu: gpu.ok ? gpu.ctx : null, tf: browserTfPeer(), log };
    publish({ status: 'done', result: await bench(env, options) });
  })().catch((e: unknown) => {
    const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    log(`error: ${msg}`);
    publish({ status: 'error', error: msg });
  });
}
