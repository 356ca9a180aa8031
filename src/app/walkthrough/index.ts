// The walkthrough compute service's public face (src/app/services.ts and the UI import from here).
export { createWalkthroughCompute, walkthroughComputeService, type WalkthroughComputeOptions } from './service';
export { computeWalkthrough, Superseded, type RunOptions, type RunOutcome } from './compute';
export { TranslatorPool, QueuedTranslator, type TranslatorChoice, type GpuHandle } from './translators';
export { entryDiff, traceDiffs, worstDiff } from './diff';
export { familyOf, fusedOps, kernelUsage, type KernelUsage } from './kernels';
export { prepareSentence, referenceCheck, type PrepareOutcome } from './prepare';
export { LruCache } from './cache';
export { parameterSet, parameterView, trainingMeta, type ParameterView } from './parameters';
