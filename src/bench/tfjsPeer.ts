// TensorFlow.js as the benchmarks' peer, whichever way it was loaded (tfjsBrowser.ts in a page;
// bench/node/tfjsNode.ts in Node): which of its backends this environment offers, switching to
// one, waiting for its queued work, and what is worth reporting about it (WASM: SIMD, threads).
import type * as tfjs from '@tensorflow/tfjs-core';

export const TF_BACKENDS = ['webgpu', 'webgl', 'wasm'] as const;
export type TfBackendName = (typeof TF_BACKENDS)[number];

export interface TfPeer {
  tf: typeof tfjs;
  /** The backends this environment can try (Node has no WebGL; no WebGPU without a device). */
  available: readonly TfBackendName[];
  /** Switch to `name` and wait until it is ready; throws if it cannot start. */
  start(name: TfBackendName): Promise<void>;
  /** Wait until the work queued so far is done, on the current backend. */
  finish(): Promise<void>;
  /** Facts about the current backend worth a line in the results. */
  describe(): Promise<Record<string, string | number | boolean>>;
}

/** The parts of TensorFlow.js's WebGPU backend used to flush it the way it flushes itself. */
type TfWebGpu = { ensureCommandEncoderReady(): void; endComputePassEncoder(): void; submitQueue(): void; device: GPUDevice };
/** A fence in its command stream (WebGL's finish() need not wait for the GPU process). */
type TfWebGl = { gpgpu: { createAndWaitForFence(): Promise<void> } };

export function tfPeer(tf: typeof tfjs, available: readonly TfBackendName[]): TfPeer {
  return {
    tf,
    available,
    start: async (name) => {
      if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js could not start its ${name} backend`);
      await tf.ready();
    },
    finish: async () => {
      const name = tf.getBackend();
      if (name === 'webgpu') {
        const backend = tf.backend() as unknown as TfWebGpu;
        backend.ensureCommandEncoderReady();
        backend.endComputePassEncoder();
        backend.submitQueue();
        await backend.device.queue.onSubmittedWorkDone();
      } else if (name === 'webgl') {
        await (tf.backend() as unknown as TfWebGl).gpgpu.createAndWaitForFence();
      }
      // wasm and cpu run each op to the end before it returns.
    },
    describe: async () => {
      const out: Record<string, string | number | boolean> = { version: tf.version_core };
      if (tf.getBackend() === 'wasm') {
        out.simd = !!(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
        out.threads = !!(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
      }
      return out;
    },
  };
}
