/**
 * The sandbox as `npm run build:demo` makes it, written to a fresh folder for a test to serve.
 * Built once per content of its inputs and shared by the test files that need it (build-cache.ts).
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { cachedBuild, type BuildFiles } from './build-cache.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLIC = join(ROOT, 'public');
const DEMO_INPUTS = [
  'src',
  'demo',
  'public',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

async function viteDemoBuild(): Promise<BuildFiles> {
  const result = await build({
    configFile: join(ROOT, 'demo/vite.config.ts'),
    logLevel: 'warn',
    build: { write: false, sourcemap: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files: BuildFiles = new Map();
  for (const output of outputs) {
    for (const item of output.output) {
      files.set(item.fileName, item.type === 'chunk' ? item.code : item.source);
    }
  }
  // Vite copies the public folder (MSW's worker) only when it writes; the sandbox needs it.
  for (const name of readdirSync(PUBLIC, { recursive: true, encoding: 'utf8' })) {
    const path = join(PUBLIC, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path));
  }
  if (!files.has('index.html')) {
    throw new Error(`the sandbox build made no index.html: ${[...files.keys()].join(', ')}`);
  }
  return files;
}

/** A new temporary folder holding the built sandbox; the caller removes it. */
export async function buildDemoInto(prefix: string): Promise<string> {
  const files = await cachedBuild('demo', DEMO_INPUTS, viteDemoBuild);
  const outDir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, body] of files) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  }
  return outDir;
}
