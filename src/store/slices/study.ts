// The study deck's progress as app state: opens the progress store on the Study view's first
// visit (IndexedDB, or memory when the browser refuses it), holds the latest snapshot, and
// routes every write through the study service, re-reading the store afterwards so the view
// always shows what is persisted. Another tab's writes arrive as change notices and reload.
// The service (the deck, FSRS, IndexedDB, import checks) is loaded by `init`, not with the
// store: the walkthrough, the first screen, never needs it.
import { systemClock } from '../../study/clock';
import type {
  Clock,
  DayCalendar,
  GradeName,
  GradeOptions,
  GradeOutcome,
  ImportMode,
  ImportResult,
  ProgressSnapshot,
  ProgressStore,
  StudyService,
  StudySettings,
} from '../../study';
import { defineSlice } from '../slice';

export type StudyStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Something the view should tell the user about the storage:
 * - no-indexeddb: progress lives in memory and is lost with the tab;
 * - load-failed: the store could not be opened or read;
 * - closed: a newer version of the app took over the database (reload the page).
 */
export interface StudyProblem {
  kind: 'no-indexeddb' | 'load-failed' | 'closed';
  /** The technical message, for a "details" disclosure. */
  detail: string;
}

export interface StudySlice {
  status: StudyStatus;
  storage: 'indexeddb' | 'memory' | null;
  problem: StudyProblem | null;
  /** The latest progress read from the store; null until the first load. */
  snapshot: ProgressSnapshot | null;
  /** Bumps with every new snapshot (own writes, other tabs, imports). */
  revision: number;
  /** Card texts also in the other language, for bilingual learners (remembered). */
  showBothLanguages: boolean;
  /** Predictions typed on "predict, then see" cards, by card id; kept while the tab lives. */
  predictions: Record<string, string>;

  /** Opens the store and loads progress; later calls share the first call's promise. */
  init(): Promise<void>;
  /** Re-reads everything from the store. */
  reload(): Promise<void>;
  grade(cardId: string, grade: GradeName, options?: GradeOptions): Promise<GradeOutcome>;
  saveSettings(patch: Partial<StudySettings>): Promise<StudySettings>;
  exportProgress(): Promise<{ fileName: string; text: string }>;
  /** A refused file changes nothing; the result carries the typed error. */
  importProgress(text: string, mode?: ImportMode): Promise<ImportResult>;
  resetProgress(): Promise<void>;
  setShowBothLanguages(on: boolean): void;
  setPrediction(cardId: string, text: string): void;
  /** The service once the store is open (previews, deck, calendar); null before. */
  service(): StudyService | null;
}

export interface OpenedStore {
  store: ProgressStore;
  storage: 'indexeddb' | 'memory';
  problem: StudyProblem | null;
}

export interface StudySliceOptions {
  /** Opens the progress store; the callbacks report other tabs' writes and a forced close. */
  openStore?: (events: { onExternalChange: () => void; onClosed: () => void }) => Promise<OpenedStore>;
  clock?: Clock;
  calendar?: DayCalendar;
}

export const BOTH_LANGUAGES_STORAGE_KEY = 'attention-lab.study.both-languages';

function readBothLanguages(): boolean {
  try {
    return globalThis.localStorage?.getItem(BOTH_LANGUAGES_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

function writeBothLanguages(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(BOTH_LANGUAGES_STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Not remembered, but the toggle still works for this visit.
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** IndexedDB when the browser allows it; otherwise memory, with the reason kept for the view. */
export async function openBrowserStore(events: { onExternalChange: () => void; onClosed: () => void }): Promise<OpenedStore> {
  const { openIdbStore, createMemoryStore } = await import('../../study');
  try {
    if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined in this browser');
    const store = await openIdbStore({ onExternalChange: events.onExternalChange, onVersionChange: events.onClosed });
    return { store, storage: 'indexeddb', problem: null };
  } catch (e) {
    return { store: createMemoryStore(), storage: 'memory', problem: { kind: 'no-indexeddb', detail: message(e) } };
  }
}

export function createStudySlice(options: StudySliceOptions = {}) {
  const openStore = options.openStore ?? openBrowserStore;
  const clock = options.clock ?? systemClock;

  return defineSlice('study', ({ set }) => {
    let service: StudyService | null = null;
    let opening: Promise<void> | null = null;
    // Loads can overlap (a grade here, a notice from another tab); only the newest one lands.
    let loadTicket = 0;

    const requireService = (): StudyService => {
      if (!service) throw new Error('study: the progress store is not open yet (call init first)');
      return service;
    };

    const reload = async () => {
      const svc = requireService();
      const ticket = ++loadTicket;
      try {
        const snapshot = await svc.load();
        if (ticket !== loadTicket) return;
        set((s) => ({ snapshot, status: 'ready', revision: s.revision + 1 }));
      } catch (e) {
        if (ticket !== loadTicket) return;
        set({ status: 'error', problem: { kind: 'load-failed', detail: message(e) } });
      }
    };

    const init = () => {
      opening ??= (async () => {
        set({ status: 'loading' });
        try {
          const [{ createStudyService }, opened] = await Promise.all([
            import('../../study'),
            openStore({
              onExternalChange: () => void reload(),
              onClosed: () => set({ status: 'error', problem: { kind: 'closed', detail: 'versionchange' } }),
            }),
          ]);
          service = createStudyService({ store: opened.store, clock, ...(options.calendar ? { calendar: options.calendar } : {}) });
          set({ storage: opened.storage, problem: opened.problem });
          await reload();
        } catch (e) {
          set({ status: 'error', problem: { kind: 'load-failed', detail: message(e) } });
        }
      })();
      return opening;
    };

    /** Runs a write, then shows what the store now holds (even when the write failed half-way). */
    const write = async <T>(run: (svc: StudyService) => Promise<T>): Promise<T> => {
      const svc = requireService();
      try {
        return await run(svc);
      } finally {
        await reload();
      }
    };

    return {
      status: 'idle',
      storage: null,
      problem: null,
      snapshot: null,
      revision: 0,
      showBothLanguages: readBothLanguages(),
      predictions: {},
      init,
      reload,
      grade: (cardId, grade, gradeOptions) => write((svc) => svc.grade(cardId, grade, gradeOptions)),
      saveSettings: (patch) => write((svc) => svc.saveSettings(patch)),
      exportProgress: () => requireService().exportProgress(),
      importProgress: async (text, mode) => {
        const result = await requireService().importProgress(text, mode);
        if (result.ok) await reload();
        return result;
      },
      resetProgress: () => write((svc) => svc.resetProgress()),
      setShowBothLanguages: (on) => {
        writeBothLanguages(on);
        set({ showBothLanguages: on });
      },
      setPrediction: (cardId, text) => set((s) => ({ predictions: { ...s.predictions, [cardId]: text } })),
      service: () => service,
    };
  });
}

export default createStudySlice();
