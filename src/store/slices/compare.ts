// The "Compare families" view's computed state: the same English sentence through the three
// shipped families, one result per family (each like the walkthrough slice's). The work is done
// by the app's compare service (src/app/walkthrough/compareService.ts): one walkthrough compute
// per family, started on the first request. Which layer, head and block each column shows lives
// in the URL, not here.
import { FAMILY_IDS, type FamilyId } from '../../model/stageIds';
import { defineSlice } from '../slice';
import { missingService, type CompareCompute } from '../services';
import type { WalkthroughProblem, WalkthroughResult } from '../walkthroughResult';
import type { WalkthroughStatus } from './walkthrough';

export interface FamilyCompare {
  status: WalkthroughStatus;
  result: WalkthroughResult | null;
  problem: WalkthroughProblem | null;
}

/** What the compare view asks for: a sentence per family (the encoder-only one with its <mask>). */
export type CompareRequest = Record<FamilyId, string>;

export interface CompareSlice {
  request: CompareRequest | null;
  families: Record<FamilyId, FamilyCompare>;
  /** Ask for the sentences (cheap to repeat; an equal request does nothing). */
  setRequest: (request: CompareRequest) => void;
}

export type ComparePatch = Partial<FamilyCompare>;

const idle = (): FamilyCompare => ({ status: 'idle', result: null, problem: null });

export default defineSlice('compare', ({ set, store, services }) => {
  let compute: CompareCompute | null = null;
  return {
    request: null,
    families: { 'encoder-decoder': idle(), decoder: idle(), encoder: idle() },
    setRequest: (request) => {
      set({ request });
      if (!compute) {
        if (!services.compare) throw missingService('compare');
        compute = services.compare({
          store,
          write: (family, patch) => set((prev) => ({ families: { ...prev.families, [family]: { ...prev.families[family], ...patch } } })),
        });
      }
      for (const f of FAMILY_IDS) compute.request(f, request[f]);
    },
  };
});
