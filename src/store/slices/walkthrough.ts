// The walkthrough's computed state: the sentence asked for and everything computed from it.
// The work is done by the app's walkthrough compute service (src/app/walkthrough), started on
// the first setText and writing back through `write`. Which stage, layer and head are shown
// lives in the URL, not here.
import { defineSlice } from '../slice';
import { missingService, type WalkthroughCompute } from '../services';
import type { SampleRequest, SampledTranslationView, WalkthroughProblem, WalkthroughResult } from '../walkthroughResult';

export type WalkthroughStatus = 'idle' | 'waiting' | 'running' | 'ready' | 'error';

/** The decoding stage's sampled translation, computed on request beside the greedy `result`. */
export interface SampledState {
  /** idle: none asked for; running: computing `request`; ready: `view` is for `request`; error: see `error`. */
  status: 'idle' | 'running' | 'ready' | 'error';
  request: SampleRequest | null;
  /** The latest finished run; while running it may be the previous request's. */
  view: SampledTranslationView | null;
  error: string | null;
}

export const NO_SAMPLE: SampledState = { status: 'idle', request: null, view: null, error: null };

/** Two requests ask for the same run. */
export function sameSampleRequest(a: SampleRequest | null, b: SampleRequest | null): boolean {
  if (a === null || b === null) return a === b;
  return a.text === b.text && a.temperature === b.temperature && a.topK === b.topK && a.topP === b.topP && a.seed === b.seed;
}

export interface WalkthroughSlice {
  /** The sentence last asked for; null until the view asks. */
  text: string | null;
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
  /** Ask for a sentence. Cheap to call repeatedly; equal text does nothing. */
  setText: (text: string) => void;
  sampled: SampledState;
  /** Ask for a sampled translation (null: none). Cheap to call repeatedly; an equal request does nothing. */
  sample: (request: SampleRequest | null) => void;
}

/** What the compute service writes into the slice. */
export type WalkthroughPatch = Partial<Pick<WalkthroughSlice, 'status' | 'result' | 'problem' | 'gpuFailure' | 'sampled'>>;

export default defineSlice('walkthrough', ({ set, store, services }) => {
  let compute: WalkthroughCompute | null = null; // started by the first request
  let wanted: SampleRequest | null = null;
  const started = (): WalkthroughCompute => {
    if (!compute) {
      if (!services.walkthrough) throw missingService('walkthrough');
      compute = services.walkthrough({ store, write: (patch) => set(patch) });
    }
    return compute;
  };
  return {
    text: null,
    status: 'idle',
    result: null,
    problem: null,
    gpuFailure: null,
    sampled: NO_SAMPLE,
    setText: (text) => {
      set({ text });
      started().request(text);
    },
    sample: (request) => {
      if (sameSampleRequest(request, wanted)) return;
      wanted = request;
      started().sample(request);
    },
  };
});
