// `npm run size`: the gzip (and brotli) size of every built JS file, the script-tag bundle first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });
}

let list;
try {
  list = files(dist);
} catch {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}
const rows = list
  .map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(root, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes).length,
    };
  })
  .sort(
    (a, b) =>
      Number(b.file.endsWith('iife.js')) - Number(a.file.endsWith('iife.js')) || b.gzip - a.gzip,
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
console.log(`${'file'.padEnd(34)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const row of rows)
  console.log(`${row.file.padEnd(34)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
