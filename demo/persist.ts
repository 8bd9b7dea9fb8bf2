import type { MockSnapshot } from '../src/mock/handlers/mock-control.ts';
import type { SandboxMock } from './sandbox-mock.ts';
import { parseSettings, type Settings } from './settings.ts';

/**
 * What survives a reload: the engine's snapshot in IndexedDB (no size limit a sandbox reaches:
 * hundreds of bookings and months of logs are megabytes, past localStorage's few), and the
 * switches in localStorage. Both are scoped to the page's directory, so two sandboxes on one
 * host keep apart. The snapshot is taken from and put back into the engine directly: the page
 * owns it, so it never travels through the API's body limit.
 */
const scope = `slotkit-sandbox:${new URL('.', document.baseURI).pathname}`;
const SETTINGS_KEY = `${scope}:settings`;
/** Where earlier versions kept the snapshot: read once, then moved into IndexedDB. */
const LEGACY_SNAPSHOT_KEY = `${scope}:snapshot`;
const DB_STORE = 'state';
const SNAPSHOT = 'snapshot';
/** A saved state that could not be loaded, kept for the visitor to download. */
const RESCUED = 'rescued';

export interface RescuedState {
  /** Why it could not be loaded. */
  reason: string;
  /** The saved state as it was, to download. */
  json: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked (private mode): the sandbox still works, it just forgets.
  }
}

export function loadSettings(): Settings {
  const saved = read(SETTINGS_KEY);
  try {
    return parseSettings(saved ? JSON.parse(saved) : undefined);
  } catch {
    return parseSettings(undefined);
  }
}

export function saveSettings(settings: Settings): void {
  write(SETTINGS_KEY, JSON.stringify(settings));
}

let database: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(scope, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return database;
}

/** One request in its own transaction, resolved when the transaction is done (written). */
async function withStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(DB_STORE, mode);
    const request = work(transaction.objectStore(DB_STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

const get = (key: string) => withStore<unknown>('readonly', (store) => store.get(key));
const put = (key: string, value: unknown) =>
  withStore('readwrite', (store) => store.put(value, key));
const remove = (key: string) => withStore('readwrite', (store) => store.delete(key));

let saving: Promise<void> = Promise.resolve();

/** Saves the engine's state; saves run one after another so the last change always wins. */
export function saveSnapshot(mock: SandboxMock): Promise<void> {
  saving = saving
    .then(() => put(SNAPSHOT, mock.api.snapshot()))
    .then(() => undefined)
    // Storage blocked or full: the sandbox still works, it just forgets.
    .catch(() => undefined);
  return saving;
}

export type RestoreOutcome =
  { outcome: 'none' | 'restored' } | { outcome: 'unloadable'; rescued: RescuedState };

/**
 * Puts the saved state back. One that cannot be loaded is never deleted: it is moved aside
 * (so the fresh state's saves do not overwrite it) and offered for download.
 */
export async function restoreSnapshot(mock: SandboxMock): Promise<RestoreOutcome> {
  let saved = await get(SNAPSHOT).catch(() => undefined);
  const legacy = saved === undefined ? read(LEGACY_SNAPSHOT_KEY) : null;
  if (legacy !== null) saved = legacy;
  if (saved === undefined) return { outcome: 'none' };
  try {
    const snapshot = (typeof saved === 'string' ? JSON.parse(saved) : saved) as MockSnapshot;
    mock.api.restore(snapshot);
    if (legacy !== null) await moveLegacy(() => put(SNAPSHOT, snapshot));
    return { outcome: 'restored' };
  } catch (error) {
    const rescued: RescuedState = {
      reason: (error as Error).message,
      json: typeof saved === 'string' ? saved : JSON.stringify(saved, null, 2),
    };
    try {
      await put(RESCUED, rescued);
      if (legacy !== null) await moveLegacy(() => Promise.resolve());
      else await remove(SNAPSHOT);
    } catch {
      // Storage refuses writes: the state stays where it was, and so will every later save.
    }
    return { outcome: 'unloadable', rescued };
  }
}

/** Forgets the localStorage copy once it is safe in IndexedDB. */
async function moveLegacy(store: () => Promise<unknown>): Promise<void> {
  await store();
  try {
    localStorage.removeItem(LEGACY_SNAPSHOT_KEY);
  } catch {
    // Blocked storage: nothing was there to move then.
  }
}

/** A state kept from an earlier visit that could not be loaded, until the visitor discards it. */
export async function loadRescued(): Promise<RescuedState | undefined> {
  return ((await get(RESCUED).catch(() => undefined)) as RescuedState | undefined) ?? undefined;
}

export async function discardRescued(): Promise<void> {
  await remove(RESCUED).catch(() => undefined);
}
