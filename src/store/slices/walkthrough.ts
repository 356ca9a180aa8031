// The walkthrough's computed state: the sentence asked for and everything computed from it.
// The work is done by the app's walkthrough compute service (src/app/walkthrough), started on
// the first setText and writing back through `write`. Which stage, layer and head are shown
// lives in the URL, not here.
import type { FamilyId } from '../../model/stageIds';
import { defineSlice } from '../slice';
import { missingService, type WalkthroughCompute } from '../services';
import type { WalkthroughProblem, WalkthroughResult } from '../walkthroughResult';

export type WalkthroughStatus = 'idle' | 'waiting' | 'running' | 'ready' | 'error';

export interface WalkthroughSlice {
  /** The sentence last asked for; null until the view asks. */
  text: string | null;
  /** The family whose model computes it (the walkthrough's family switch). */
  family: FamilyId;
  /**
   * idle: nothing to compute (empty input); waiting: for the model or the GPU question;
   * running: computing `text`; ready: `result` is for `text`; error: see `problem`.
   */
  status: WalkthroughStatus;
  /** The latest finished result; while running it is the previous sentence's. */
  result: WalkthroughResult | null;
  problem: WalkthroughProblem | null;
  /** The GPU's error when a device exists but this result had to come from the CPU. */
  gpuFailure: string | null;
  /**
   * Ask for a sentence, on a family's model (default: the translator). Cheap to call
   * repeatedly; equal text and family do nothing.
   */
  setText: (text: string, family?: FamilyId) => void;
}

/** What the compute service writes into the slice. */
export type WalkthroughPatch = Partial<Pick<WalkthroughSlice, 'status' | 'result' | 'problem' | 'gpuFailure'>>;

export default defineSlice('walkthrough', ({ set, store, services }) => {
  let compute: WalkthroughCompute | null = null; // started by the first request
  return {
    text: null,
    family: 'encoder-decoder',
    status: 'idle',
    result: null,
    problem: null,
    gpuFailure: null,
    setText: (text, family = 'encoder-decoder') => {
      set({ text, family });
      if (!compute) {
        if (!services.walkthrough) throw missingService('walkthrough');
        compute = services.walkthrough({ store, write: (patch) => set(patch) });
      }
      compute.request(text, family);
    },
  };
});
