// The walkthrough runtime's public face (the walkthrough slice and the UI import from here).
export { createWalkthroughRuntime, type WalkthroughRuntime, type RuntimePatch, type RuntimeStatus, type RuntimeOptions } from './service';
export { computeWalkthrough, Superseded, type RunOptions, type RunOutcome } from './compute';
export { EnginePool, Engine, type EngineChoice, type GpuHandle } from './engines';
export { entryDiff, traceDiffs, worstDiff } from './diff';
export { familyOf, kernelUsage, type KernelUsage } from './kernels';
export { prepareSentence, referenceCheck, type PrepareOutcome } from './prepare';
export { LruCache } from './cache';
export { parameterSet, parameterView, trainingMeta, type ParameterSet, type ParameterView, type TrainingMeta } from './parameters';
export type * from './types';
