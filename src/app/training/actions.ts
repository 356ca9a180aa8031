// Everything behind the training slice's actions: the session (engines, device-loss recovery),
// the model library, experiments and the test API. The slice asks for this service with its
// first action (the Train view's `init`); ./index.ts loads this module then, so the first
// screen — the walkthrough — never fetches it.
import type { TrainingLive } from '../../train/live';
import { TrainingSession, type SessionDeps } from '../../train/session';
import { checkTrainingConfig, discardsModel, withConfig, type TrainingConfigPatch } from '../../train/trainingConfig';
import type { ModelLibrary } from '../persistence/modelLibrary';
import type { TrainingService, TrainingServiceContext } from '../../store/services';
import type { SetConfigResult } from '../../store/slices/training';
import { createEnginePicker, type EnginePickerOptions } from './enginePicker';
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

export interface TrainingActionsContext extends TrainingServiceContext {
  /** The model library (tests: memory); default IndexedDB, memory when blocked. */
  openLibrary?: () => Promise<ModelLibrary>;
  /** Engine measurements and preferences (tests: memory store, stand-in trainers). */
  engines?: EnginePickerOptions;
}

export function createTrainingActions({ set, get, store, live, openLibrary, engines }: TrainingActionsContext): TrainingService {
  const baseUrl = () => (typeof document !== 'undefined' ? document.baseURI : undefined);
  const picker = createEnginePicker({ set, get, store }, { baseUrl, ...engines });
  const session = new SliceSession(
    sessionDeps(store, {
      onState: ({ step, ...rest }) => set(step === undefined ? rest : { ...rest, steps: step }),
      onEvent: (e) => library.onTrainerEvent(e),
      device: (purpose, config) => picker.target(purpose, config),
    }),
    live,
  );
  const library = createLibraryActions({ session, set, get, store, openLibrary });
  const experiments = createExperimentRunner({ session, set, get, store, target: () => picker.quickTarget(get().config) });

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
  return {
    init: () => {
      void picker.load(); // the control shows this adapter's choice; never holds up the library
      return library.init();
    },
    start: async () => {
      await library.init();
      experiments.cancel();
      await session.start().catch(() => undefined); // failures are in status/notice
    },
    pause: async () => {
      await session.pause();
    },
    step: async (n = 1) => {
      await library.init();
      await session.step(n).catch(() => undefined);
    },
    reset: async () => {
      await session.reset();
      set({ origin: { kind: 'new' } });
      await library.clearSession();
    },
    setConfig,
    setProbe: async (text) => {
      const probe = await session.setProbeText(text);
      if (probe) set({ probe });
      return probe;
    },
    runExperiment: (id, opts) => experiments.run(id, opts),
    cancelExperiment: () => experiments.cancel(),
    saveModel: (name) => library.save(name),
    loadModel: (id) => library.load(id),
    deleteModel: (id) => library.remove(id),
    exportModel: (opts) => library.exportCurrent(opts),
    importModel: (file, name, confirmReplace) => library.importFile(file, name, confirmReplace),
    openInWalkthrough: () => library.openInWalkthrough(),
    dismissNotice: () => session.dismissNotice(),
    setEnginePreference: async (pref) => {
      await picker.setPreference(pref);
      await session.switchEngine().catch(() => undefined); // failures are in status/notice
    },
    remeasureEngines: async () => {
      await picker.forgetMeasurements();
      await session.switchEngine().catch(() => undefined);
    },
  };
}
