// The walkthrough's computed state: the sentence asked for and everything computed from it
// (src/store/runtime does the work). Which stage, layer and head are shown lives in the URL,
// not here.
import { createWalkthroughRuntime, type RuntimeOptions, type RuntimeStatus, type WalkthroughRuntime } from '../runtime';
import type { WalkthroughProblem, WalkthroughResult } from '../runtime/types';
import { defineSlice } from '../slice';

export interface WalkthroughSlice {
  /** The sentence last asked for; null until the view asks. */
  text: string | null;
  /**
   * idle: nothing to compute (empty input); waiting: for the model or the GPU question;
   * running: computing `text`; ready: `result` is for `text`; error: see `problem`.
   */
  status: RuntimeStatus;
  /** The latest finished result; while running it is the previous sentence's. */
  result: WalkthroughResult | null;
  problem: WalkthroughProblem | null;
  /** The GPU's error when a device exists but this result had to come from the CPU. */
  gpuFailure: string | null;
  /** Ask for a sentence. Cheap to call repeatedly; equal text does nothing. */
  setText: (text: string) => void;
}

declare module '../slice' {
  interface AppState {
    walkthrough: WalkthroughSlice;
  }
}

export function createWalkthroughSlice(options: RuntimeOptions = {}) {
  return defineSlice('walkthrough', ({ set, store }) => {
    let runtime: WalkthroughRuntime | null = null; // started by the first request
    return {
      text: null,
      status: 'idle',
      result: null,
      problem: null,
      gpuFailure: null,
      setText: (text) => {
        set({ text });
        runtime ??= createWalkthroughRuntime(store, (patch) => set(patch), options);
        runtime.request(text);
      },
    };
  });
}

export default createWalkthroughSlice();
