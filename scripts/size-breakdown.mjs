// `npm run size -- --breakdown` (or `npm run size:breakdown`): where the script tag's bytes go.
// For dist/slotkit.iife.js and each first paint's chunks, the gzip bytes owed to each source file
// and each node_modules package, read from the build's source maps.
//
// gzip has no per-byte cost, so it is shared out: the output is cut into runs that map to one
// source, each source's runs are gzipped together on their own, and those sizes are scaled so
// they add up to the file's real gzip size. Code that maps to no source (the bundler's glue) is
// counted as `(unmapped)`. Good enough to say what to cut first, not to the last byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { firstPaints, gzipSize } from './size-first-paint.mjs';

const UNMAPPED = '(unmapped)';

/** A source path as the table shows it: `pkg:name` for a package, else from src/. */
function owner(source, byPackage) {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/^\/.*?\/(src|node_modules)\//, '$1/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (pkg) return byPackage ? `pkg:${pkg}` : `${pkg}:${path.split(`${pkg}/`).pop()}`;
  return path;
}

/** Output text of `code` grouped by the source each stretch maps to. */
function runsBySource(code, map, byPackage) {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const lineStarts = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const marks = [];
  consumer.eachMapping((m) => {
    marks.push({
      at: lineStarts[m.generatedLine - 1] + m.generatedColumn,
      source: m.source ? owner(m.source, byPackage) : UNMAPPED,
    });
  });
  marks.sort((a, b) => a.at - b.at);
  const runs = new Map();
  const add = (source, text) => runs.set(source, (runs.get(source) ?? '') + text);
  add(UNMAPPED, code.slice(0, marks[0]?.at ?? code.length));
  marks.forEach((mark, i) =>
    add(mark.source, code.slice(mark.at, marks[i + 1]?.at ?? code.length)),
  );
  return runs;
}

/** [source, gzip share, raw bytes] rows of one built file, largest first. */
export function breakdown(code, map, { byPackage = false } = {}) {
  const runs = runsBySource(code, map, byPackage);
  const alone = [...runs].map(([source, text]) => [source, gzipSize(text), text.length]);
  const scale = gzipSize(code) / alone.reduce((sum, [, gzip]) => sum + gzip, 0);
  return alone
    .map(([source, gzip, raw]) => [source, gzip * scale, raw])
    .sort((a, b) => b[1] - a[1]);
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`.padStart(10);

function table(title, rows, limit) {
  const total = rows.reduce((sum, [, gzip]) => sum + gzip, 0);
  console.log(`\n${title}: ${kb(total).trim()} gzip`);
  for (const [source, gzip, raw] of rows.slice(0, limit)) {
    console.log(`${kb(gzip)} ${kb(raw)} raw  ${source}`);
  }
  if (rows.length > limit) {
    const rest = rows.slice(limit).reduce((sum, [, gzip]) => sum + gzip, 0);
    console.log(`${kb(rest)}  ... ${rows.length - limit} more`);
  }
}

/** Adds the rows of several files into one table (the same source's shares summed). */
function merge(tables) {
  const sums = new Map();
  for (const rows of tables) {
    for (const [source, gzip, raw] of rows) {
      const [g, r] = sums.get(source) ?? [0, 0];
      sums.set(source, [g + gzip, r + raw]);
    }
  }
  return [...sums].map(([source, [g, r]]) => [source, g, r]).sort((a, b) => b[1] - a[1]);
}

export function printBreakdown(dist, limit = 40) {
  const read = (name) => readFileSync(join(dist, name), 'utf8');
  const of = (name, byPackage) =>
    breakdown(read(name), JSON.parse(read(`${name}.map`)), { byPackage });
  const embedFiles = new Map();
  for (const name of readdirSync(join(dist, 'embed'), { recursive: true })) {
    if (String(name).endsWith('.js')) embedFiles.set(`embed/${name}`, read(`embed/${name}`));
  }
  embedFiles.set('slotkit.iife.js', read('slotkit.iife.js'));
  table('dist/slotkit.iife.js by package', of('slotkit.iife.js', true), 15);
  table('dist/slotkit.iife.js by source file', of('slotkit.iife.js', false), limit);
  for (const paint of firstPaints(embedFiles)) {
    const chunks = paint.files.filter((name) => name !== 'slotkit.iife.js');
    table(
      `first paint of ${paint.label}, its chunks (${chunks.join(' + ')})`,
      merge(chunks.map((name) => of(name, false))),
      25,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printBreakdown(
    join(new URL('..', import.meta.url).pathname, 'dist'),
    Number(process.argv[2]) || 40,
  );
}
