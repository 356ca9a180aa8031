// The training slice's persistence: the model library (save, load, delete, export, import)
// and the session record that brings the current run back after a reload. Storage failures
// become notices; a refused import changes nothing.
import type { StoreApi } from 'zustand/vanilla';
import { i18n } from '../../i18n';
import { serializeCheckpoint, parseCheckpoint, type Checkpoint } from '../../model/checkpoint';
import { checkpointSteps, configForCheckpoint, runCheckpoint } from '../../train/checkpointing';
import type { StartFrom, TrainerEvent } from '../../train/events';
import type { TrainingSession } from '../../train/session';
import { checkpointFileName, readCheckpointFile } from '../persistence/checkpointFile';
import { openIdbLibrary } from '../persistence/idbLibrary';
import { createMemoryLibrary } from '../persistence/memoryLibrary';
import { newModelId, toStorageError, type ModelLibrary, type ModelOrigin, type SavedModel, type SavedModelSummary } from '../persistence/modelLibrary';
import type { AppState, SliceTools } from '../../store/slice';

/** While running, the session is saved this often (ms). */
const AUTOSAVE_MS = 30_000;

interface Ctx {
  session: TrainingSession;
  set: SliceTools<'training'>['set'];
  get: SliceTools<'training'>['get'];
  store: StoreApi<AppState>;
  /** Tests inject a library; the browser opens IndexedDB. */
  openLibrary?: () => Promise<ModelLibrary>;
}

export function createLibraryActions(ctx: Ctx) {
  const { session, set, get, store } = ctx;
  let lib: ModelLibrary | null = null;
  let opening: Promise<void> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let lastAutosave = 0;

  const fail = (e: unknown, what: string) => {
    const err = toStorageError(e, what);
    set({ notice: { kind: 'storage', code: err.code, detail: err.message } });
  };

  async function open(): Promise<void> {
    set({ library: { ...get().library, status: 'loading' } });
    try {
      lib = await (ctx.openLibrary ?? (() => openIdbLibrary({ onExternalChange: () => void refresh() })))();
    } catch (e) {
      lib = createMemoryLibrary();
      fail(e, 'open the model library');
    }
    await refresh();
    try {
      const record = await lib.readSession();
      // Only when nothing happened meanwhile (a start before the library opened wins). The
      // slice's fields change with the status, so 'paused' is never seen without `restored`.
      const loaded =
        record &&
        (await session.load(record.config, record.start, record.history ?? undefined, {
          onlyIfEmpty: true,
          beforeShow: () => set({ config: record.config, origin: record.origin, probeText: record.probe, restored: true }),
        }));
      if (loaded && record.probe) void session.setProbeText(record.probe);
    } catch (e) {
      fail(e, 'restore the last session');
    }
  }

  async function refresh(): Promise<void> {
    if (!lib) return;
    try {
      set({ library: { status: 'ready', kind: lib.kind, models: await lib.list() } });
    } catch (e) {
      set({ library: { status: 'unavailable', kind: lib.kind, models: [] } });
      fail(e, 'list saved models');
    }
  }

  const init = () => {
    if (!opening && typeof document !== 'undefined') {
      // Leaving the tab (or closing it): keep what was trained since the last save.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden' && session.currentTrainer) void saveSession();
      });
    }
    return (opening ??= open());
  };

  /** The current run as a checkpoint (builds the engine if a loaded model has none yet). */
  async function currentCheckpoint(): Promise<Checkpoint | null> {
    if (!session.hasModel()) return null;
    const engine = await session.ensureTrainer();
    const info = get().info ?? null;
    if (!info) return null;
    const weights = await engine.weights();
    const last = session.live.lastEval();
    return runCheckpoint(session.currentConfig, info.vocabTokens, weights, {
      steps: session.live.step,
      validExactMatch: last?.exactMatch ?? null,
      validTokenAccuracy: last?.tokenAccuracy ?? null,
    });
  }

  function label(): string {
    const o = get().origin;
    if (o.kind === 'saved' || o.kind === 'imported') return o.name;
    // In the interface language of the moment; the user can type any other name.
    const dataset = i18n.t(session.currentConfig.dataset === 'toy' ? 'train.library.datasetToy' : 'train.library.datasetTatoeba');
    return i18n.t('train.library.defaultName', { dataset, count: session.live.step });
  }

  async function saveSession(): Promise<void> {
    const engine = session.currentTrainer;
    if (!lib || !engine) return;
    try {
      // Running: the guard's last good copy (no waiting on the device); else the exact state.
      const state = session.currentStatus === 'running' ? await engine.lastGoodState() : await engine.exportState();
      const s = get();
      await lib.writeSession({ config: session.currentConfig, start: { kind: 'state', state }, history: session.live.toHistory(), probe: s.probeText, origin: s.origin, savedAt: Date.now() });
      lastAutosave = Date.now();
    } catch (e) {
      fail(e, 'save the session');
    }
  }

  function scheduleSave(delay = 300): void {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void saveSession();
    }, delay);
  }

  /** Write the session now (dropping a pending timed write), for actions a reload must not lose. */
  async function flushSession(): Promise<void> {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    await saveSession();
  }

  async function loadInto(cp: Checkpoint, origin: ModelOrigin, steps: number, config = configForCheckpoint(cp, get().config)): Promise<void> {
    const start: StartFrom = { kind: 'weights', weights: Object.fromEntries(cp.weights), vocab: cp.vocab, step: steps };
    await session.load(config, start, undefined, { beforeShow: () => set({ config, origin, restored: false }) });
    await flushSession();
  }

  return {
    init,
    refresh,

    onTrainerEvent(e: TrainerEvent): void {
      if (e.type === 'status' && (e.status === 'paused' || e.status === 'diverged')) scheduleSave();
      else if (e.type === 'steps' && Date.now() - lastAutosave > AUTOSAVE_MS) {
        lastAutosave = Date.now();
        scheduleSave(0);
      }
    },

    async clearSession(): Promise<void> {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      await init();
      try {
        await lib?.clearSession();
      } catch (e) {
        fail(e, 'clear the session');
      }
    },

    async save(name: string): Promise<SavedModelSummary | null> {
      await init();
      const cp = await currentCheckpoint();
      if (!cp || !lib) return null;
      const text = serializeCheckpoint(cp);
      const last = session.live.lastEval();
      const model: SavedModel = {
        id: newModelId(),
        name: name.trim() || label(),
        savedAt: Date.now(),
        dataset: session.currentConfig.dataset,
        config: session.currentConfig,
        steps: session.live.step,
        validExactMatch: last?.exactMatch ?? null,
        chars: text.length,
        checkpoint: text,
      };
      try {
        await lib.put(model);
      } catch (e) {
        fail(e, `save ${model.name}`);
        return null;
      }
      set({ origin: { kind: 'saved', id: model.id, name: model.name }, notice: { kind: 'saved', name: model.name } });
      await refresh();
      await flushSession(); // the session now names the saved model, before save() resolves
      return get().library.models.find((m) => m.id === model.id) ?? null;
    },

    async load(id: string): Promise<boolean> {
      await init();
      try {
        const m = await lib?.get(id);
        if (!m) return false;
        await loadInto(parseCheckpoint(m.checkpoint), { kind: 'saved', id: m.id, name: m.name }, m.steps, m.config);
        return true;
      } catch (e) {
        fail(e, `load model ${id}`);
        return false;
      }
    },

    async remove(id: string): Promise<void> {
      await init();
      try {
        await lib?.delete(id);
      } catch (e) {
        fail(e, `delete model ${id}`);
      }
      await refresh();
    },

    /** The current model as a checkpoint file's name and text (the view offers the download). */
    async exportCurrent(opts: { name?: string } = {}) {
      const cp = await currentCheckpoint();
      if (!cp) return null;
      const text = serializeCheckpoint(cp);
      const fileName = checkpointFileName(opts.name ?? label());
      return { fileName, text };
    },

    /**
     * Validates first; only a valid file reaches `confirmReplace` (asked before the current
     * model is replaced), so a broken file never interrupts with a question.
     */
    async importFile(file: Blob | string, name?: string, confirmReplace?: () => Promise<boolean>): Promise<boolean> {
      await init();
      const read = await readCheckpointFile(file);
      if (!read.ok) {
        set({ notice: { kind: 'import-refused', code: read.error.code, params: read.error.params } });
        return false;
      }
      if (confirmReplace && !(await confirmReplace())) return false;
      const fileName = name ?? (typeof file !== 'string' && 'name' in file ? String((file as File).name) : 'imported model');
      const displayName = fileName.replace(/\.json$/i, '');
      const cp = read.checkpoint;
      const config = configForCheckpoint(cp, get().config);
      const steps = checkpointSteps(cp);
      if (lib) {
        const model: SavedModel = {
          id: newModelId(),
          name: displayName,
          savedAt: Date.now(),
          dataset: config.dataset,
          config,
          steps,
          validExactMatch: typeof cp.meta.validExactMatch === 'number' ? cp.meta.validExactMatch : null,
          chars: read.text.length,
          checkpoint: read.text,
        };
        try {
          await lib.put(model);
        } catch (e) {
          fail(e, `keep ${displayName} in the library`); // still usable for this visit
        }
        await refresh();
      }
      await loadInto(cp, { kind: 'imported', name: displayName }, steps, config);
      set({ notice: { kind: 'imported', name: displayName } });
      return true;
    },

    async openInWalkthrough(): Promise<boolean> {
      const cp = await currentCheckpoint().catch(() => null);
      const model = store.getState().model;
      if (!cp || !model?.setActiveCheckpoint) {
        set({ notice: { kind: 'walkthrough-unavailable' } });
        return false;
      }
      model.setActiveCheckpoint(cp, { label: label(), source: get().origin.kind === 'imported' ? 'imported' : 'trained' });
      return true;
    },
  };
}
