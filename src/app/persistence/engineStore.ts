// What the engine choice remembers across reloads: calibrations (steps/s per engine, by
// adapter and run shape) and the user's engine preference per adapter. IndexedDB database
// `attention-lab-engines` (one store, `records`, keyed `calibration:<key>` / `preference:<adapter>`),
// or memory where IndexedDB is blocked (and in tests). Small records; the last writer wins.
import type { DBSchema } from 'idb';
import { openSharedDb, type Migration } from '../../storage/sharedDb';
import { isEnginePreference, type EnginePreference, type EngineRates } from '../../train/enginePick';

export const ENGINES_DB_NAME = 'attention-lab-engines';

export interface CalibrationRecord {
  rates: EngineRates;
  /** ms since the epoch. */
  measuredAt: number;
  /** The adapter's name as shown (for the bench page and debugging). */
  adapter: string;
}

export interface EngineStore {
  kind: 'indexeddb' | 'memory';
  calibration(key: string): Promise<CalibrationRecord | null>;
  putCalibration(key: string, record: CalibrationRecord): Promise<void>;
  /** Forget every calibration (measure again on the next run). */
  clearCalibrations(): Promise<void>;
  preference(adapter: string): Promise<EnginePreference>;
  setPreference(adapter: string, pref: EnginePreference): Promise<void>;
}

type Value = CalibrationRecord | EnginePreference;

interface EnginesDB extends DBSchema {
  records: { key: string; value: Value };
}

const MIGRATIONS: readonly Migration<EnginesDB>[] = [(db) => void db.createObjectStore('records')];

const calibrationId = (key: string) => `calibration:${key}`;
const preferenceId = (adapter: string) => `preference:${adapter}`;

function isCalibration(v: unknown): v is CalibrationRecord {
  const r = v as CalibrationRecord | null;
  return !!r && typeof r === 'object' && !!r.rates && typeof r.measuredAt === 'number';
}

/** The same interface over a Map (values structured-cloned, as IndexedDB would). */
export function memoryEngineStore(map = new Map<string, Value>()): EngineStore {
  return {
    kind: 'memory',
    calibration: async (key) => {
      const v = map.get(calibrationId(key));
      return isCalibration(v) ? structuredClone(v) : null;
    },
    putCalibration: async (key, record) => void map.set(calibrationId(key), structuredClone(record)),
    clearCalibrations: async () => {
      for (const k of [...map.keys()]) if (k.startsWith('calibration:')) map.delete(k);
    },
    preference: async (adapter) => {
      const v = map.get(preferenceId(adapter));
      return isEnginePreference(v) ? v : 'auto';
    },
    setPreference: async (adapter, pref) => void map.set(preferenceId(adapter), pref),
  };
}

export async function openIdbEngineStore(name = ENGINES_DB_NAME): Promise<EngineStore> {
  const { db } = await openSharedDb<EnginesDB>({ name, migrations: MIGRATIONS, topic: 'engines' });
  return {
    kind: 'indexeddb',
    calibration: async (key) => {
      const v = await db.get('records', calibrationId(key));
      return isCalibration(v) ? v : null;
    },
    putCalibration: async (key, record) => void (await db.put('records', record, calibrationId(key))),
    clearCalibrations: async () => {
      const tx = db.transaction('records', 'readwrite');
      for (const k of await tx.store.getAllKeys()) if (String(k).startsWith('calibration:')) await tx.store.delete(k);
      await tx.done;
    },
    preference: async (adapter) => {
      const v = await db.get('records', preferenceId(adapter));
      return isEnginePreference(v) ? v : 'auto';
    },
    setPreference: async (adapter, pref) => void (await db.put('records', pref, preferenceId(adapter))),
  };
}

/** IndexedDB when the browser allows it, else memory (nothing survives a reload). */
export async function openEngineStore(): Promise<EngineStore> {
  try {
    return await openIdbEngineStore();
  } catch {
    return memoryEngineStore();
  }
}
