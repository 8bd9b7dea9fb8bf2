/**
 * `--data <file>` in this process: what `load` and `saveIfChanged` write, when they write nothing,
 * how each failure reads, and the write protocol that keeps the file whole after a kill -9
 * (temporary file, flushed, closed, renamed over, the directory flushed). persistence.test.ts
 * kills a real CLI; its child processes report no coverage to a mutation run, this file does.
 */
import assert from 'node:assert/strict';
import fs, { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ManualClock } from '../../../src/engine/index.ts';
import { createMockApi } from '../../../src/mock/api.ts';
import { DataFile, DataFileError } from '../../../src/mock/data-file.ts';
import { NOW } from './harness.ts';

const root = mkdtempSync(join(tmpdir(), 'slotkit-data-file-'));
after(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
/** A fresh directory and the data file's path in it (not created). */
function place(): { dir: string; path: string } {
  const dir = join(root, `case-${++count}`);
  mkdirSync(dir);
  return { dir, path: join(dir, 'data.json') };
}

const demoApi = () => createMockApi({ seed: 'demo', clock: new ManualClock(NOW) });
const saved = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The file holds the API's snapshot (the clock's offset from the wall clock aside). */
function holds(path: string, api: ReturnType<typeof demoApi>) {
  const { version, clock, store } = saved(path);
  const snapshot = JSON.parse(JSON.stringify(api.snapshot()));
  assert.deepEqual(
    { version, now: clock.now, store },
    { version: 1, now: snapshot.clock.now, store: snapshot.store },
  );
}

/** Runs `work` with node:fs's sync calls recorded (names relative to `dir`), in order. */
function recordFs(dir: string, work: () => void): string[] {
  const calls: string[] = [];
  const names = new Map<number, string>();
  const name = (path: fs.PathLike) => (String(path) === dir ? '<dir>' : basename(String(path)));
  const original = { ...fs };
  const patched = fs as unknown as Record<string, unknown>;
  patched.openSync = (path: fs.PathLike, flags: string) => {
    const fd = original.openSync(path, flags);
    names.set(fd, name(path));
    calls.push(`open ${name(path)} ${flags}`);
    return fd;
  };
  patched.writeSync = (fd: number, text: string) => {
    calls.push(`write ${names.get(fd)}`);
    return original.writeSync(fd, text);
  };
  patched.fsyncSync = (fd: number) => {
    calls.push(`fsync ${names.get(fd)}`);
    original.fsyncSync(fd);
  };
  patched.closeSync = (fd: number) => {
    calls.push(`close ${names.get(fd)}`);
    original.closeSync(fd);
  };
  patched.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    calls.push(`rename ${name(from)} ${name(to)}`);
    original.renameSync(from, to);
  };
  syncBuiltinESMExports();
  try {
    work();
  } finally {
    Object.assign(fs, {
      openSync: original.openSync,
      writeSync: original.writeSync,
      fsyncSync: original.fsyncSync,
      closeSync: original.closeSync,
      renameSync: original.renameSync,
    });
    syncBuiltinESMExports();
  }
  return calls;
}

const WRITE = [
  'open data.json.tmp w',
  'write data.json.tmp',
  'fsync data.json.tmp',
  'close data.json.tmp',
  'rename data.json.tmp data.json',
  'open <dir> r',
  'fsync <dir>',
  'close <dir>',
];

describe('load', () => {
  test('no file yet: it is created from the current state, and nothing else is left', () => {
    const { dir, path } = place();
    const api = demoApi();
    const calls = recordFs(dir, () => new DataFile(path, api).load());
    assert.deepEqual(calls, WRITE);
    holds(path, api);
    assert.deepEqual(readdirSync(dir), ['data.json']);
  });

  test('loaded again after the file went away: created again, though the store is the same', () => {
    const { dir, path } = place();
    const api = demoApi();
    const data = new DataFile(path, api);
    data.load();
    rmSync(path);
    assert.deepEqual(
      recordFs(dir, () => data.load()),
      WRITE,
    );
    holds(path, api);
  });

  test('a file there: its store and clock are loaded, and nothing is written', () => {
    const { dir, path } = place();
    const from = demoApi();
    from.clock.set(NOW + 3_600_000);
    new DataFile(path, from).saveIfChanged(true);

    const api = createMockApi({ seed: 'empty', clock: new ManualClock(NOW) });
    assert.notDeepEqual(api.engine.snapshot(), from.engine.snapshot());
    const calls = recordFs(dir, () => new DataFile(path, api).load());
    assert.deepEqual(calls, []);
    assert.deepEqual(api.engine.snapshot(), from.engine.snapshot());
    assert.equal(api.clock.now(), NOW + 3_600_000);
  });

  test('a loaded file is not written again until the store changes', () => {
    const { dir, path } = place();
    new DataFile(path, demoApi()).saveIfChanged(true);
    const api = createMockApi({ seed: 'empty', clock: new ManualClock(NOW) });
    const data = new DataFile(path, api);
    data.load();
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      [],
    );
    api.reset('empty');
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      WRITE,
    );
    assert.deepEqual(saved(path).store, api.engine.snapshot());
  });

  test('a file that is not a snapshot: refused with its name, left as it was', () => {
    const { path } = place();
    fs.writeFileSync(path, '{"version": 2}');
    const api = demoApi();
    assert.throws(
      () => new DataFile(path, api).load(),
      (error: Error) => {
        assert.ok(error instanceof DataFileError, 'error instanceof DataFileError');
        assert.equal(error.name, 'DataFileError');
        assert.equal(
          error.message,
          `The data file ${path} cannot be loaded (Not a slotkit snapshot (version 1).). ` +
            'It was left as it is: fix or move it, or start without --data.',
        );
        return true;
      },
    );
    assert.equal(readFileSync(path, 'utf8'), '{"version": 2}');
  });

  test('a file that cannot be read (a directory): refused with its name', () => {
    const { path } = place();
    mkdirSync(path);
    assert.throws(
      () => new DataFile(path, demoApi()).load(),
      (error: Error) => {
        assert.ok(error instanceof DataFileError, 'error instanceof DataFileError');
        assert.match(error.message, /^Cannot read the data file .*data\.json: EISDIR/);
        assert.ok(error.message.includes(path), 'error.message.includes(path)');
        return true;
      },
    );
  });

  test('a file that cannot be created (no such directory): refused with its name', () => {
    const { dir } = place();
    const path = join(dir, 'missing', 'data.json');
    assert.throws(
      () => new DataFile(path, demoApi()).load(),
      (error: Error) => {
        assert.ok(error instanceof DataFileError, 'error instanceof DataFileError');
        assert.ok(
          error.message.startsWith(`Cannot create the data file ${path}: ENOENT`),
          'error.message.startsWith(`Cannot create the data file ${path}: ENOENT`)',
        );
        return true;
      },
    );
    assert.equal(existsSync(join(dir, 'missing')), false);
  });
});

describe('saveIfChanged', () => {
  test('writes only when the store changed, or when forced (the clock moved)', () => {
    const { dir, path } = place();
    const api = demoApi();
    const data = new DataFile(path, api);
    data.load();
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      [],
      'nothing changed',
    );
    api.clock.set(NOW + 60_000);
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      [],
      'a clock alone is not a change',
    );
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged(true)),
      WRITE,
    );
    assert.equal(saved(path).clock.now, new Date(NOW + 60_000).toISOString());
    api.reset('empty');
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      WRITE,
    );
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      [],
      'and once written, not again',
    );
    holds(path, api);
  });

  test('a write that fails leaves the previous file whole', () => {
    const { dir, path } = place();
    const api = demoApi();
    const data = new DataFile(path, api);
    data.load();
    const before = readFileSync(path, 'utf8');
    mkdirSync(`${path}.tmp`);
    api.reset('empty');
    assert.throws(() => data.saveIfChanged(), /EISDIR/);
    assert.equal(readFileSync(path, 'utf8'), before);
    rmSync(`${path}.tmp`, { recursive: true });
    assert.deepEqual(
      recordFs(dir, () => data.saveIfChanged()),
      WRITE,
      'the failed write is tried again',
    );
  });
});
