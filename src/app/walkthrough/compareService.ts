// The compare view's service: the same walkthrough computation as the walkthrough's, once per
// family, each with its own models (the family's shipped model, or the active model when it is
// of that family), cache and GPU/CPU handling, writing into its own part of the compare slice.
import type { StartCompareCompute } from '../../store/services';
import { FAMILY_IDS, type FamilyId } from '../../model/stageIds';
import { createWalkthroughCompute, type WalkthroughComputeOptions } from './service';
import type { WalkthroughCompute } from '../../store/services';

export function compareComputeService(opts: WalkthroughComputeOptions = {}): StartCompareCompute {
  return ({ store, write }) => {
    const perFamily = new Map<FamilyId, WalkthroughCompute>();
    for (const family of FAMILY_IDS) {
      perFamily.set(
        family,
        createWalkthroughCompute(
          {
            store,
            // The compare columns show the result and its problem; a GPU failure shows as the engine.
            write: ({ gpuFailure: _ignored, ...patch }) => write(family, patch),
          },
          { cacheSize: 4, ...opts },
        ),
      );
    }
    return {
      request(family, text) {
        perFamily.get(family)!.request(text, family);
      },
      dispose() {
        for (const c of perFamily.values()) c.dispose();
      },
    };
  };
}
