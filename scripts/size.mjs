// `npm run size`: the gzip (and brotli) size of every built JS file, the script tag first, then
// what the script tag's first paint loads for each kind of project.
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
console.log(`${'file'.padEnd(40)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const row of rows)
  console.log(`${row.file.padEnd(40)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);

// The script tag's first paint: the script, and the chooser its first step shows.
const gzipOf = (pattern) => rows.find((row) => pattern.test(row.file))?.gzip ?? 0;
const script = gzipOf(/^dist\/slotkit\.iife\.js$/);
const firstPaint = [
  ['a 1:1 project (time picker)', /^dist\/embed\/slot-picker-[\w-]+\.js$/],
  ['a group project (class list)', /^dist\/embed\/class-list-[\w-]+\.js$/],
];
console.log('\nscript tag, first paint (gzip):');
for (const [label, pattern] of firstPaint) {
  console.log(`  ${label.padEnd(30)}${kb(script + gzipOf(pattern))}`);
}
