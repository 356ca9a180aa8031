// TensorFlow.js for the benchmark pages: the core (ops, gradients, optimizers) and the backends
// we compare against — WebGPU (the default, same adapter as ours), WebGL and WebAssembly — not
// the whole @tensorflow/tfjs bundle (layers, converter, data are never used here).
// A page picks the backend with ?tf=webgpu|webgl|wasm and calls startTf() before its first op.
import * as tf from '@tensorflow/tfjs-core';
// The union bundle registers these too; tfjs-core alone does not.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-webgpu';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Vite copies the .wasm binaries into the bench build and gives their URLs (the wasm backend
// would otherwise fetch them next to the page's script, where they are not).
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export { tf };

export const TF_BACKENDS = ['webgpu', 'webgl', 'wasm'] as const;
export type TfBackendName = (typeof TF_BACKENDS)[number];

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});

/** The backend named by ?tf= (webgpu when absent), one of `allowed`. */
export function tfBackendFromQuery(params: URLSearchParams, allowed: readonly TfBackendName[] = TF_BACKENDS): TfBackendName {
  const name = params.get('tf') ?? 'webgpu';
  if (!(allowed as readonly string[]).includes(name)) throw new Error(`?tf=${name}: this page compares with ${allowed.join(', ')}`);
  return name as TfBackendName;
}

/** Switches TensorFlow.js to `name` and waits until it is ready; throws if it cannot start. */
export async function startTf(name: TfBackendName): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js could not start its ${name} backend`);
  await tf.ready();
}

/** The parts of TensorFlow.js's WebGPU backend used to flush it the way it flushes itself. */
type TfWebGpu = {
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
  device: GPUDevice;
};

/** Waits until the work TensorFlow.js has queued so far is done, on the current backend. */
export async function tfFinish(): Promise<void> {
  const name = tf.getBackend();
  if (name === 'webgpu') {
    const backend = tf.backend() as unknown as TfWebGpu;
    backend.ensureCommandEncoderReady();
    backend.endComputePassEncoder();
    backend.submitQueue();
    await backend.device.queue.onSubmittedWorkDone();
  } else if (name === 'webgl') {
    (tf.backend() as MathBackendWebGL).gpgpu.gl.finish();
  }
  // wasm and cpu run each op to the end before it returns.
}
