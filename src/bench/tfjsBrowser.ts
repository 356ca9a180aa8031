// TensorFlow.js in a page (the bench pages and the app's #/bench, loaded on demand): the core
// with its gradients and the three backends we compare with — WebGPU, WebGL and WebAssembly —
// not the whole @tensorflow/tfjs bundle. Vite copies the .wasm binaries into the build and gives
// their URLs, so the WASM backend loads them from this site, never from the network.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { TF_BACKENDS, tfPeer, type TfPeer } from './tfjsPeer';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});

export function browserTfPeer(): TfPeer {
  return tfPeer(tf, TF_BACKENDS);
}
