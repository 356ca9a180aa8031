// The kernel and training benchmarks in Node on Dawn (the `webgpu` package): no browser, any
// machine with a GPU and a Vulkan driver (SwiftShader's ICD works too; nodeGpu.ts points the
// loader at Chromium's when VK_ICD_FILENAMES is unset). bench/run.mjs loads this through Vite's
// server-side module loader (so `?raw` shaders and TensorFlow.js's ES modules resolve as in the
// pages) and calls main() when given --node:
//   npm run bench:train -- --node [--steps=2 …]     npm run bench:kernels -- --node [--reps=1 …]
// Same options as the pages (src/bench/options.ts), same benchmark module (src/bench), same
// result format; written to bench/results/<name>-node.json (--out=<file> elsewhere).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchEnv } from '../src/bench/env';
import { runKernelBench } from '../src/bench/kernels';
import { parseBenchOptions } from '../src/bench/options';
import { runTrainBench } from '../src/bench/train';
import { createNodeGpu } from '../src/engine/webgpu/testing/nodeGpu';
import { nodeTfPeer } from './node/tfjsNode';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs one benchmark; resolves false on failure (after saying why). */
export async function main(argv: string[]): Promise<boolean> {
  try {
    await run(argv);
    return true;
  } catch (e) {
    console.error(e instanceof Error ? e.stack : e);
    return false;
  }
}

async function run(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name !== 'kernels' && name !== 'train') throw new Error('usage: npm run bench:kernels|bench:train -- --node [--key=value …]');
  const params = new URLSearchParams();
  for (const a of rest) {
    if (!a.startsWith('--')) continue;
    const [k, v = '1'] = a.slice(2).split('=');
    params.set(k, v);
  }
  const options = parseBenchOptions(params);
  const made = await createNodeGpu();
  if (!made.ok) console.log(`no WebGPU device: ${made.reason}; our WebGPU engine and TF.js's are skipped`);
  const gpu = made.ok ? made.gpu.ctx : null;
  console.log(`bench ${name} (node): ${gpu ? gpu.info.name : 'no adapter'}${process.env.VK_ICD_FILENAMES ? ` (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES})` : ''}`);
  const tf = params.get('tf') === 'none' ? null : await nodeTfPeer(!!gpu);
  const env: BenchEnv = { runner: 'node', gpu, tf, log: (line) => console.log(line) };
  const startLoad = loadavg();
  const bench = name === 'kernels' ? await runKernelBench(env, options.kernels) : await runTrainBench(env, options.train);
  // How busy the machine was: timings on a shared machine are only as good as this.
  const result = { ...bench, machine: { cpus: cpus().length, loadAverage: { start: startLoad, end: loadavg() } } };
  const out = params.get('out') ? resolve(params.get('out')!) : join(root, 'bench', 'results', `${name}-node.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  (await import(/* @vite-ignore */ pathToFileURL(join(root, 'bench', name, 'report.mjs')).href)).report(result);
  console.log(`\nwrote ${out}`);
}
