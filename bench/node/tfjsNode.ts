// TensorFlow.js in Node for the benchmarks: the core with its gradients, the WASM backend (its
// .wasm files read from node_modules, never the network) and the WebGPU backend on Dawn (the
// `webgpu` package, offered to TensorFlow.js as navigator.gpu). No WebGL in Node. Node has no
// navigator: one is made for TensorFlow.js before its WebGPU backend loads.
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { create, globals } from 'webgpu';
import type * as tfjs from '@tensorflow/tfjs-core';
import { tfPeer, type TfBackendName, type TfPeer } from '../../src/bench/tfjsPeer';

const require = createRequire(import.meta.url);
/** Dawn instances live as long as the process (see nodeGpu.ts). */
const keep: GPU[] = [];

export async function nodeTfPeer(withWebGpu: boolean): Promise<TfPeer> {
  const available: TfBackendName[] = ['wasm'];
  if (withWebGpu) {
    Object.assign(globalThis, globals);
    const gpu = create([]);
    keep.push(gpu);
    const nav = ((globalThis as { navigator?: object }).navigator ??= {}) as { gpu?: GPU };
    if (!nav.gpu) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
    available.unshift('webgpu');
  }
  // The packages' Node builds (CommonJS). The gradients exist only as ES modules, which call
  // require() when they see Node; they register into TensorFlow.js's global registry, which
  // every copy of the core shares.
  const tf = require('@tensorflow/tfjs-core') as typeof tfjs;
  (globalThis as { require?: NodeJS.Require }).require ??= require;
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  if (withWebGpu) require('@tensorflow/tfjs-backend-webgpu');
  return tfPeer(tf, available);
}
