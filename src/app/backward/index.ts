// The training-step walkthrough's service, public face (src/app/services.ts and the UI import from here).
export { backwardComputeService as lazyBackwardComputeService } from './lazy';
export { backwardComputeService, createBackwardCompute, gradientOf, FLOW_SEED, CHECK_H, CHECK_LARGEST, CHECK_RANDOM, type BackwardComputeOptions } from './service';
export { computeBackward, stepOptimizer, BackwardSuperseded, type BackwardOutcome, type BackwardRunOptions } from './compute';
export { preparePair, type PairOutcome } from './prepare';
export { agrees, agreement, AGREE_ABS, AGREE_REL } from './agreement';
