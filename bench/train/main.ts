// The training benchmark page for bench/run.mjs (npm run bench:train): src/bench/train.ts in
// Chromium. Query: ?steps=20 (ours, WebGPU), ?cpuSteps=5 (the tab's CPU path: the worker),
// ?tfSteps=20 and ?tfSeconds=60 (per TensorFlow.js backend), ?tf=webgpu,webgl,wasm,
// ?toEM=auto|webgpu|cpu|0 (steps to 95% exact match), ?toEMSeconds=900, ?evalEvery=25, ?size=tiny.
import { runTrainBench } from '../../src/bench/train';
import { runPage } from '../page';

runPage((env, options) => runTrainBench(env, options.train));
