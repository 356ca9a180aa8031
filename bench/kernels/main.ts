// The kernel benchmark page for bench/run.mjs (npm run bench:kernels): src/bench/kernels.ts in
// Chromium. Query: ?reps=7, ?cpu=0 (no CPU column), ?only=softmax, ?tf=webgpu,webgl,wasm (the
// TensorFlow.js backends; default all three), ?size=tiny.
import { runKernelBench } from '../../src/bench/kernels';
import { runPage } from '../page';

runPage((env, options) => runKernelBench(env, options.kernels));
