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

// The script tag's first paint: the script, the chooser its first step shows, and every chunk
// that chooser imports statically (a shared chunk is fetched before the chooser can run).
const byFile = new Map(rows.map((row) => [row.file, row]));
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file) || !byFile.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(root, file), 'utf8');
  // Minified static imports: `import{a as b}from"./x.js"` or `import"./x.js"`; import() is lazy.
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g)) {
    withStaticImports(relative(root, join(root, file, '..', spec)), seen);
  }
  return seen;
}
const script = byFile.get('dist/slotkit.iife.js')?.gzip ?? 0;
const firstPaint = [
  ['a 1:1 project (time picker)', /^dist\/embed\/slot-picker-[\w-]+\.js$/],
  ['a group project (class list)', /^dist\/embed\/class-list-[\w-]+\.js$/],
];
console.log(
  '\nscript tag, first paint (gzip: the script + the first chooser and its static imports):',
);
for (const [label, pattern] of firstPaint) {
  const chooser = rows.find((row) => pattern.test(row.file));
  const chunks = chooser ? [...withStaticImports(chooser.file)] : [];
  const total = script + chunks.reduce((sum, file) => sum + byFile.get(file).gzip, 0);
  console.log(
    `  ${label.padEnd(30)}${kb(total)}  (${['slotkit.iife.js', ...chunks.map((f) => f.replace('dist/', ''))].join(' + ')})`,
  );
}
