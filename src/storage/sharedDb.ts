// One IndexedDB database shared by the tabs of this origin: opened at a version through
// append-only migrations, stepping aside when a newer tab upgrades it, and a BroadcastChannel
// on which a writer announces a change so the other tabs reload. The Study progress store and
// the Train view's model library both open their databases through this.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export type UpgradeTx<S extends DBSchema> = IDBPTransaction<S, StoreNames<S>[], 'versionchange'>;

/** MIGRATIONS[v] takes a database from version v to v + 1, inside the upgrade transaction. */
export type Migration<S extends DBSchema> = (db: IDBPDatabase<S>, tx: UpgradeTx<S>) => void;

export interface SharedDbOptions<S extends DBSchema> {
  name: string;
  /** The version is the number of migrations: append a step to change the schema, never edit one. */
  migrations: readonly Migration<S>[];
  /** The channel's name, after the database's (`<name>:<topic>`). */
  topic: string;
  /** Another tab announced a change. */
  onExternalChange?: () => void;
  /** A newer version of the app opened the database: this connection has closed itself. */
  onVersionChange?: () => void;
}

export interface SharedDb<S extends DBSchema> {
  db: IDBPDatabase<S>;
  /** Tell the other tabs that something changed (after the transaction completed). */
  announce(): void;
  close(): void;
}

export async function openSharedDb<S extends DBSchema>(options: SharedDbOptions<S>): Promise<SharedDb<S>> {
  const { name, migrations } = options;
  if (migrations.length === 0) throw new Error(`${name}: a database needs at least one migration`);
  if (typeof indexedDB === 'undefined') throw Object.assign(new Error('IndexedDB is not available'), { name: 'InvalidStateError' });
  const version = migrations.length;
  const db: IDBPDatabase<S> = await openDB<S>(name, version, {
    upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) migrations[v](database, tx);
    },
    blocking() {
      db.close(); // a newer tab upgrades the schema: step aside
      options.onVersionChange?.();
    },
  });
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:${options.topic}`);
  if (channel && options.onExternalChange) channel.onmessage = () => options.onExternalChange?.();
  return {
    db,
    announce: () => channel?.postMessage('changed'),
    close: () => {
      channel?.close();
      db.close();
    },
  };
}
