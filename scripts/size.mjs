// `npm run size`: the gzip (and brotli) size of every built JS file, the script tag first, then
// what the script tag's first paint loads for each kind of project. `-- --breakdown` adds where
// those bytes come from, per source file and package (scripts/size-breakdown.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { printBreakdown } from './size-breakdown.mjs';
import { esmDefine, firstPaints } from './size-first-paint.mjs';

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

// The script tag's first paint, as the size guard in `npm test` counts it.
const embedFiles = new Map(
  rows
    .filter((row) => row.file === 'dist/slotkit.iife.js' || row.file.startsWith('dist/embed/'))
    .map((row) => [row.file.replace('dist/', ''), readFileSync(join(root, row.file))]),
);
console.log(
  '\nscript tag, first paint (gzip: the script + the first chooser and its static imports;' +
    ' budgets in scripts/size-first-paint.mjs):',
);
for (const paint of firstPaints(embedFiles)) {
  console.log(
    `  ${paint.label.padEnd(30)}${kb(paint.gzip)}  budget${kb(paint.budget)}  (${paint.files.join(' + ')})`,
  );
}

// What `import 'slotkit/define'` loads before a part is needed (the package's own files).
const esmFiles = new Map(
  rows
    .filter((row) => row.file.startsWith('dist/esm/'))
    .map((row) => [row.file.replace('dist/esm/', ''), readFileSync(join(root, row.file))]),
);
const define = esmDefine(esmFiles);
console.log(
  `  ${"import 'slotkit/define'".padEnd(30)}${kb(define.gzip)}  budget${kb(define.budget)}  (${define.files.join(' + ')})`,
);

if (process.argv.includes('--breakdown')) printBreakdown(dist);
