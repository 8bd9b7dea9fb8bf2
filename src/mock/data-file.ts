import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MockApi } from './api.ts';
import type { MockSnapshot } from './handlers/mock-control.ts';

/** A data file that is there but cannot be used: the server must not start, nor overwrite it. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/**
 * `npm run api -- --data <file>`: the store and clock, loaded at start and written after every
 * change. Each write goes to a temporary file, is flushed to disk, then renamed over the old
 * one, so the file is always either the previous state or the new one, even after a kill -9.
 */
export class DataFile {
  private written = '';

  constructor(
    readonly path: string,
    private readonly api: MockApi,
  ) {}

  /** Loads the file into the API, or creates it from the current state when there is none. */
  load(): void {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new DataFileError(
          `Cannot read the data file ${this.path}: ${(error as Error).message}`,
        );
      }
      try {
        this.saveIfChanged(true);
      } catch (cause) {
        throw new DataFileError(
          `Cannot create the data file ${this.path}: ${(cause as Error).message}`,
        );
      }
      return;
    }
    try {
      this.api.restore(JSON.parse(text) as MockSnapshot);
    } catch (error) {
      throw new DataFileError(
        `The data file ${this.path} cannot be loaded (${(error as Error).message}). ` +
          'It was left as it is: fix or move it, or start without --data.',
      );
    }
    this.written = this.storeText(this.api.snapshot());
  }

  /**
   * Writes the state when the store changed (a request, or a deadline a request settled) or
   * when `force` says something else may have, such as the clock.
   */
  saveIfChanged(force = false): void {
    const snapshot = this.api.snapshot();
    const store = this.storeText(snapshot);
    if (!force && store === this.written) return;
    this.writeAtomically(JSON.stringify(snapshot));
    this.written = store;
  }

  private storeText(snapshot: MockSnapshot): string {
    return JSON.stringify(snapshot.store);
  }

  private writeAtomically(text: string): void {
    const temporary = `${this.path}.tmp`;
    const file = openSync(temporary, 'w');
    try {
      writeSync(file, text);
      fsyncSync(file);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, this.path);
    // The rename itself is durable once the directory is flushed (not possible everywhere).
    try {
      const directory = openSync(dirname(this.path), 'r');
      try {
        fsyncSync(directory);
      } finally {
        closeSync(directory);
      }
    } catch {
      // Best effort: the file is whole either way.
    }
  }
}
