// Everything behind the training slice's actions: the session (engines, device-loss recovery),
// the model library, experiments and the test API. The slice loads this module with its first
// action (the Train view's `init`), so the first screen — the walkthrough — never fetches it.
import type { StoreApi } from 'zustand/vanilla';
import type { TrainingLive } from '../../train/live';
import { TrainingSession, type SessionDeps } from '../../train/session';
import { checkTrainingConfig, discardsModel, withConfig, type TrainingConfigPatch } from '../../train/trainingConfig';
import type { ModelLibrary } from '../persistence/modelLibrary';
import type { AppState, SliceTools } from '../slice';
import type { SetConfigResult } from '../slices/training';
import { createExperimentRunner } from './experimentsRunner';
import { createLibraryActions } from './libraryActions';
import { sessionDeps } from './sessionDeps';
import { installTrainingTestApi } from './testApi';

/** A session that records into the slice's live object, which exists before this code loads. */
class SliceSession extends TrainingSession {
  constructor(
    deps: SessionDeps,
    override readonly live: TrainingLive,
  ) {
    super(deps);
  }
}

export interface TrainingActionsContext {
  set: SliceTools<'training'>['set'];
  get: SliceTools<'training'>['get'];
  store: StoreApi<AppState>;
  live: TrainingLive;
  openLibrary?: () => Promise<ModelLibrary>;
}

export function createTrainingActions({ set, get, store, live, openLibrary }: TrainingActionsContext) {
  const session = new SliceSession(
    sessionDeps(store, {
      onState: ({ step, ...rest }) => set(step === undefined ? rest : { ...rest, steps: step }),
      onEvent: (e) => library.onEngineEvent(e),
    }),
    live,
  );
  const library = createLibraryActions({ session, set, get, store, openLibrary });
  const experiments = createExperimentRunner({ session, set, get, store });

  // A WebGPU engine must move when the device it was built on goes away.
  store.subscribe((s, prev) => {
    if (s.gpu.state !== prev.gpu.state || s.gpu.generation !== prev.gpu.generation) {
      session.deviceChanged({ ready: s.gpu.state.kind === 'ready', generation: s.gpu.generation });
      experiments.deviceChanged();
    }
  });

  const setConfig = async (patch: TrainingConfigPatch, opts: { confirm?: boolean } = {}): Promise<SetConfigResult> => {
    const prev = get().config;
    const next = withConfig(prev, patch);
    const problems = checkTrainingConfig(next);
    if (problems.length) return { kind: 'invalid', problems };
    const discard = discardsModel(prev, next) && session.hasModel();
    if (discard && !opts.confirm) return { kind: 'needs-confirmation' };
    set({ config: next });
    await session.configure(next, { keepModel: !discardsModel(prev, next) });
    if (discard) void library.clearSession();
    if (!session.hasModel()) set({ origin: { kind: next.fromPretrained ? 'pretrained' : 'new' } });
    return { kind: 'applied', discarded: discard };
  };

  installTrainingTestApi(store, session);
  return { session, library, experiments, setConfig };
}

export type TrainingActions = ReturnType<typeof createTrainingActions>;
