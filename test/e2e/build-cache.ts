/**
 * One Vite build per content, shared by every test file that needs it: a dozen test files build
 * the script tag (and two the sandbox), each build takes seconds, and `npm test` runs the files
 * one after another. The key is a hash of every file the build reads (src/, the configs, the
 * lockfile), so an edit anywhere makes a new build: never stale, only not repeated.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BuildFiles = Map<string, string | Uint8Array>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, 'node_modules/.cache/slotkit-test-builds');

/** Every file under the inputs (folders walked), sorted, hashed with its path. */
export function contentKey(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of inputs) visit(join(ROOT, input));
  return hash.digest('hex').slice(0, 20);
}

type Stored = Record<string, { text: string } | { base64: string }>;

function read(file: string): BuildFiles {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  const files: BuildFiles = new Map();
  for (const [name, entry] of Object.entries(stored)) {
    files.set(name, 'text' in entry ? entry.text : Buffer.from(entry.base64, 'base64'));
  }
  return files;
}

function write(file: string, files: BuildFiles): void {
  const stored: Stored = {};
  for (const [name, body] of files) {
    stored[name] =
      typeof body === 'string' ? { text: body } : { base64: Buffer.from(body).toString('base64') };
  }
  // Written aside, then renamed: a test file starting at the same moment reads all or nothing.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(stored));
  renameSync(aside, file);
}

/** A build older than this is from a test run that was killed: its lock is taken over. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * True when this process should build: it made the lock (mkdir is atomic across processes).
 * False when another process built `file` meanwhile: two test files starting together would
 * otherwise both build, seconds of CPU each. A lock whose builder failed or died is taken over.
 */
async function takeLock(lock: string, file: string): Promise<boolean> {
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const stale = () => Date.now() - since > STALE_LOCK_MS;
    while (existsSync(lock) && !existsSync(file) && !stale()) {
      await new Promise((done) => setTimeout(done, 200));
    }
    if (existsSync(file)) return false;
    if (existsSync(lock) && stale()) rmSync(lock, { recursive: true, force: true });
  }
}

const inProcess = new Map<string, Promise<BuildFiles>>();

/**
 * The files of `make()` for this content of `inputs`: from this process's memory, else from
 * node_modules/.cache, else built (and then kept there, older builds of the same name removed).
 */
export function cachedBuild(
  name: string,
  inputs: readonly string[],
  make: () => Promise<BuildFiles>,
): Promise<BuildFiles> {
  const key = `${name}-${contentKey(inputs)}`;
  let pending = inProcess.get(key);
  if (!pending) {
    pending = (async () => {
      const file = join(CACHE, `${key}.json`);
      if (existsSync(file)) return read(file);
      mkdirSync(CACHE, { recursive: true });
      const lock = `${file}.lock`;
      if (!(await takeLock(lock, file))) return read(file);
      try {
        const files = await make();
        for (const old of readdirSync(CACHE)) {
          // force: a test file running beside this one may be clearing the same old builds.
          if (old.startsWith(`${name}-`) && old.endsWith('.json') && old !== `${key}.json`)
            rmSync(join(CACHE, old), { force: true });
        }
        write(file, files);
        return files;
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    })();
    // A failed build is not remembered: the next caller tries again and sees the error itself.
    pending.catch(() => inProcess.delete(key));
    inProcess.set(key, pending);
  }
  // A copy per caller: one test file changing its map cannot change another's.
  return pending.then((files) => new Map(files));
}
