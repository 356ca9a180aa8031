// The model library in memory: for tests, and for browsers where IndexedDB is blocked
// (nothing survives a reload then; the slice says so). Values are structured-cloned in and
// out, as IndexedDB would.
import { summaryOf, type ModelLibrary, type SavedModel, type SessionRecord } from './modelLibrary';

export function createMemoryLibrary(): ModelLibrary {
  const models = new Map<string, SavedModel>();
  let session: SessionRecord | null = null;
  return {
    kind: 'memory',
    async list() {
      return [...models.values()].map(summaryOf).sort((a, b) => b.savedAt - a.savedAt);
    },
    async get(id) {
      const m = models.get(id);
      return m ? structuredClone(m) : null;
    },
    async put(model) {
      models.set(model.id, structuredClone(model));
    },
    async delete(id) {
      models.delete(id);
    },
    async readSession() {
      return session ? structuredClone(session) : null;
    },
    async writeSession(record) {
      session = structuredClone(record);
    },
    async clearSession() {
      session = null;
    },
    close() {},
  };
}
