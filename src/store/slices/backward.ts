// The training-step walkthrough's computed state (#/backward): the sentence pair asked for, the
// recorded step for it, and what the learner asked for on top (the residual comparison, numeric
// checks, steps applied to a working copy of the model). The work is done by the app's backward
// service (src/app/backward), started on the first setRequest and writing back through `write`.
// Stage, layer and head live in the URL, not here.
import { defineSlice } from '../slice';
import { missingService, type BackwardCompute } from '../services';
import type { BackwardProblem, BackwardRequest, BackwardResult, FlowComparisonView, NumericCheckView } from '../backwardResult';

export type BackwardStatus = 'idle' | 'waiting' | 'running' | 'ready' | 'error';

/** Progress of an on-request computation (the flow comparison, a numeric check). */
export type OnRequestStatus = 'idle' | 'running' | 'done' | 'failed';

export interface FlowComparisonState {
  status: OnRequestStatus;
  view: FlowComparisonView | null;
  error: string | null;
}

export interface NumericCheckState {
  status: OnRequestStatus;
  view: NumericCheckView | null;
  error: string | null;
}

export interface BackwardSlice {
  /** The pair last asked for; null until the view asks. */
  request: BackwardRequest | null;
  /**
   * idle: nothing to compute (see `problem`); waiting: for the model or the GPU question;
   * running: computing `request`; ready: `result` is for `request`; error: see `problem`.
   */
  status: BackwardStatus;
  /**
   * The latest finished step. While running, and when the new request has a problem, it is the
   * previous pair's (or a CPU preview of this one): a problem never wipes what was shown.
   */
  result: BackwardResult | null;
  problem: BackwardProblem | null;
  /** The GPU's error when a device exists but this result had to come from the CPU. */
  gpuFailure: string | null;
  /** Post-norm vs pre-norm vs no residual, for the shown result (reset when it changes). */
  flow: FlowComparisonState;
  /** Numeric checks of the shown result, by the checked name ('grad:…' or 'param:…'). */
  checks: Readonly<Record<string, NumericCheckState>>;
  /** Steps applied to the working copy of the active model (0: the model as loaded). */
  appliedSteps: number;
  /** Ask for a sentence pair. Cheap to call repeatedly; an equal request does nothing. */
  setRequest: (req: BackwardRequest) => void;
  /** Run the residual comparison with `layers` on each side (the model's own count, or deeper). */
  requestFlowComparison: (layers: number) => void;
  /** Compare a few entries of a shown gradient with central finite differences. */
  checkNumerically: (name: string) => void;
  /** The shown update becomes the working model's weights; the next result starts from them. */
  applyStep: () => void;
  /** Back to the model as loaded. */
  resetSteps: () => void;
}

/** What the backward service writes into the slice. */
export type BackwardPatch = Partial<Pick<BackwardSlice, 'status' | 'result' | 'problem' | 'gpuFailure' | 'flow' | 'checks' | 'appliedSteps'>>;

export const IDLE_FLOW: FlowComparisonState = { status: 'idle', view: null, error: null };

export default defineSlice('backward', ({ set, get, store, services }) => {
  let compute: BackwardCompute | null = null; // started by the first request
  const service = (): BackwardCompute => {
    if (!compute) {
      if (!services.backward) throw missingService('backward');
      compute = services.backward({ store, write: (patch) => set(patch) });
    }
    return compute;
  };
  return {
    request: null,
    status: 'idle',
    result: null,
    problem: null,
    gpuFailure: null,
    flow: IDLE_FLOW,
    checks: {},
    appliedSteps: 0,
    setRequest: (req) => {
      const prev = get().request;
      if (prev && prev.text === req.text && prev.target === req.target && prev.smoothing === req.smoothing && prev.lr === req.lr) return;
      const compute = service(); // throws before anything changes when none is installed
      // Running until the service says otherwise (it may answer at once: a cached step, a problem).
      set({ request: { ...req }, status: 'running' });
      compute.request(req);
    },
    requestFlowComparison: (layers) => service().flowComparison(layers),
    checkNumerically: (name) => service().check(name),
    applyStep: () => service().applyStep(),
    resetSteps: () => service().resetSteps(),
  };
});
