import { mockControl, type SandboxMock } from './sandbox-mock.ts';
import { parseSettings, type Settings } from './settings.ts';

/**
 * What survives a reload: the engine's snapshot (GET /v2/_mock/snapshot) and the switches, in
 * localStorage under the page's directory, so two sandboxes on one host keep apart.
 */
const scope = `slotkit-sandbox:${new URL('.', document.baseURI).pathname}`;
const SNAPSHOT_KEY = `${scope}:snapshot`;
const SETTINGS_KEY = `${scope}:settings`;

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

let saving: Promise<void> = Promise.resolve();

/** Saves the engine's state; saves run one after another so the last change always wins. */
export function saveSnapshot(mock: SandboxMock): Promise<void> {
  saving = saving
    .then(async () => {
      const snapshot = await mockControl(mock, 'GET', 'snapshot');
      write(SNAPSHOT_KEY, JSON.stringify(snapshot));
    })
    .catch(() => undefined);
  return saving;
}

export type RestoreOutcome = 'none' | 'restored' | 'corrupt';

/** Puts a saved snapshot back; one the engine refuses is cleared and the demo data stays. */
export async function restoreSnapshot(mock: SandboxMock): Promise<RestoreOutcome> {
  const saved = read(SNAPSHOT_KEY);
  if (!saved) return 'none';
  try {
    await mockControl(mock, 'PUT', 'snapshot', JSON.parse(saved));
    return 'restored';
  } catch {
    try {
      localStorage.removeItem(SNAPSHOT_KEY);
    } catch {
      // Nothing to clear then.
    }
    return 'corrupt';
  }
}
