/**
 * Where slotkit's script-tag bytes go: attributes every character of a shipped, minified file
 * (`slotkit.iife.js`, which every first paint loads) to the source it came from, through the build's own source map (the real
 * artifact, after tree-shaking and minification, rather than a second bundler's estimate).
 * The gzip figure per group is its marginal cost: gzip(whole file) minus gzip(the file without
 * that group's characters), i.e. roughly what deleting it would save over the wire.
 */
import { constants, gzipSync } from 'node:zlib';

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * The source index of every character of `code` (-1: no mapping, i.e. code the bundler wrote:
 * the IIFE wrapper, helpers, the space between mapped tokens before the first mapping).
 */
export function attribute(code: string, map: SourceMap): Int32Array {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = map.mappings.split(';');
  let source = 0;
  let offset = 0;
  const codeLines = code.split('\n');
  for (let line = 0; line < codeLines.length; line++) {
    const length = codeLines[line]!.length;
    let column = 0;
    const marks: Array<[column: number, source: number]> = [];
    for (const segment of (lines[line] ?? '').split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      column += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        // Fields 2-4 (source line, column, name) are relative too, but not needed here.
        marks.push([column, source]);
      } else {
        marks.push([column, -1]);
      }
    }
    // Minified code has newlines only inside template literals (Lit's css`` and html``): a
    // line without mappings, or the start of one before its first mapping, continues the
    // string the previous line's last mapping began, newline included.
    const carried = offset > 0 ? (owner[offset - 2] ?? -1) : -1;
    if (offset > 0) owner[offset - 1] = carried;
    owner.fill(carried, offset, offset + Math.min(marks[0]?.[0] ?? length, length));
    for (let i = 0; i < marks.length; i++) {
      const [from, owned] = marks[i]!;
      const to = i + 1 < marks.length ? marks[i + 1]![0] : length;
      owner.fill(owned, offset + from, offset + Math.min(to, length));
    }
    offset += length + 1;
  }
  return owner;
}

/** The source map's relative path as a short label: `src/...` or the package's name. */
export function sourceLabel(path: string): string {
  const clean = path.replace(/^(\.\.\/)+/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  return pkg ? `${pkg[1]}/${clean.slice(clean.indexOf(pkg[1]!) + pkg[1]!.length + 1)}` : clean;
}

/** The group a source belongs to, for the summary table. */
export function groupOf(label: string): string {
  if (/^(lit-html|lit-element|lit|@lit\/reactive-element)\//.test(label)) {
    return label.includes('/directives/') || label.endsWith('directive.js')
      ? 'lit directives (class-map, repeat, live, ...)'
      : 'lit core (lit-html, lit-element, reactive-element)';
  }
  if (label.startsWith('@lit/')) return label.split('/').slice(0, 2).join('/');
  if (label.startsWith('zod/')) return 'zod (v4 mini + core)';
  if (label.startsWith('@floating-ui/')) return '@floating-ui (core, dom, utils)';
  if (!label.startsWith('src/')) return label.split('/')[0]!;
  const parts = label.split('/');
  if (parts[1] === 'components' && parts[2] === 'slot-picker' && parts[3] === 'zones.ts') {
    return 'src/components/slot-picker/zones.ts (time-zone picker data)';
  }
  if (parts[1] === 'components') return parts.slice(0, 3).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : label;
}

const LATER_STRINGS = /^src\/i18n\/en\/(customer-form|class-list|countdown)\.ts$/;

/** Sets of sources whose joint weight the report estimates. */
const SCENARIOS: Array<{ label: string; test: (label: string) => boolean }> = [
  { label: 'zod (response and form validation)', test: (label) => label.startsWith('zod/') },
  {
    label: 'English strings of the form, class list and countdown',
    test: (label) => LATER_STRINGS.test(label),
  },
];

const gzipSize = (text: string) => gzipSync(text, { level: constants.Z_BEST_COMPRESSION }).length;

/** `code` without the characters whose owner satisfies `drop`. */
function without(code: string, owner: Int32Array, drop: (source: number) => boolean): string {
  let out = '';
  let start = -1;
  for (let i = 0; i <= code.length; i++) {
    const keep = i < code.length && !drop(owner[i]!);
    if (keep && start < 0) start = i;
    if (!keep && start >= 0) {
      out += code.slice(start, i);
      start = -1;
    }
  }
  return out;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The report: groups, then the largest single files. */
export function breakdown(name: string, code: string, mapText: string): string {
  const map = JSON.parse(mapText) as SourceMap;
  const owner = attribute(code, map);
  const labels = map.sources.map(sourceLabel);
  const bySource = new Map<number, number>();
  for (const source of owner) bySource.set(source, (bySource.get(source) ?? 0) + 1);
  const total = code.length;
  const totalGzip = gzipSize(code);

  const groups = new Map<string, Set<number>>();
  for (const [source] of bySource) {
    const group =
      source < 0 ? '(bundler: helpers, imports/exports, unmapped)' : groupOf(labels[source]!);
    groups.set(group, (groups.get(group) ?? new Set()).add(source));
  }
  const rows = [...groups].map(([group, sources]) => {
    const chars = [...sources].reduce((sum, source) => sum + (bySource.get(source) ?? 0), 0);
    const saved = totalGzip - gzipSize(without(code, owner, (source) => sources.has(source)));
    return { group, chars, saved };
  });
  rows.sort((a, b) => b.chars - a.chars);

  // What the first load would lose if these sources moved to files fetched on demand (or
  // went away): their characters taken out together, so shared strings count once.
  const scenarios = SCENARIOS.map(({ label, test }) => {
    const sources = new Set(labels.flatMap((name, index) => (test(name) ? [index] : [])));
    const chars = [...sources].reduce((sum, source) => sum + (bySource.get(source) ?? 0), 0);
    const saved = totalGzip - gzipSize(without(code, owner, (source) => sources.has(source)));
    return { label, chars, saved };
  });

  const files = [...bySource]
    .filter(([source]) => source >= 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([source, chars]) => ({
      label: labels[source]!,
      chars,
      saved: totalGzip - gzipSize(without(code, owner, (other) => other === source)),
    }));

  // An estimate of what minifying Lit's css`` and html`` templates would save: minified JS has
  // newlines only inside template literals, so drop the indentation after each newline and the
  // CSS comments. Not safe to ship as is (a <pre> would change), fine for an estimate.
  const squeezed = code.replace(/\n[ \t]+/g, '\n').replace(/\/\*[^*][\s\S]*?\*\//g, '');

  const width = 64;
  const line = (label: string, chars: number, saved: number) =>
    label.padEnd(width) +
    kb(chars).padStart(10) +
    `${((chars / total) * 100).toFixed(1)}%`.padStart(8) +
    kb(saved).padStart(11);
  const head =
    `${name} by source`.padEnd(width) +
    'min'.padStart(10) +
    'share'.padStart(8) +
    'gzip -Δ'.padStart(11);
  return [
    `${head}\n${'-'.repeat(head.length)}`,
    ...rows.map((row) => line(row.group, row.chars, row.saved)),
    `${'-'.repeat(head.length)}`,
    line('total (minified / gzip -9 of the whole file)', total, totalGzip),
    line(
      'estimate: indentation and CSS comments in css``/html`` templates',
      total - squeezed.length,
      totalGzip - gzipSize(squeezed),
    ),
    `\nestimates for what is left (sources removed together):`,
    ...scenarios.map((row) => line(`  ${row.label}`, row.chars, row.saved)),
    `\nlargest single sources:`,
    ...files.map((file) => line(`  ${file.label}`, file.chars, file.saved)),
    '\nmin: characters of the minified file mapped to that source (the source map decides);' +
      '\ngzip -Δ: how much smaller the gzipped file gets without those characters (marginal;' +
      '\nthe gzip deltas do not add up to the total because shared strings compress together).',
  ].join('\n');
}
