// What the script tag's first paint downloads, shared by `npm run size` and the size guard
// (test/node/size/first-paint.test.ts): the script, the chooser its first step shows, and every
// chunk that chooser imports statically (a shared chunk is fetched before the chooser can run).
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The budgets for the first paint of the script tag, gzip bytes, one per kind of project: the
 * single place they are set, each with its reasons beside it. A change that puts a new part into
 * the first paint fails `npm test` and has to load lazily instead (lower a budget when its first
 * paint shrinks; raise it only with the reason here).
 *
 * Until 2026-12-03 one budget held for both kinds, so a 1:1 regression hid under the group
 * project's larger first paint. Its history: issue #12, the first paint must not grow; issue #15
 * aims at 30 KB for a 1:1 project. 44.6 / 47.2 KB (1:1 / group) once the English of later
 * elements and steps, the schemas of holds and bookings, and Lit's repeat left the script;
 * raised to 47.8 KB for two things that buy time (the month's days asked for alongside the
 * config, ~0.27 KB; the preconnect to a cross-origin API, ~0.12 KB); lowered to 46.4 KB when the
 * steps after the choice left the script (43.6 / 46.3 KB measured); raised to 47.1 KB for the
 * class list's long tasks (it reads its classes a slice per task, ~0.7 KB) and to 47.2 KB for a
 * sold-out class's seat count for the waitlist (~0.15 KB): 43.6 / 47.16 KB measured.
 */
export const FIRST_PAINT_BUDGET = {
  /**
   * Lowered on 2026-12-03 from 47.2 KB (issue #15) to 42.0 KB, 41.92 KB measured: the later
   * steps' zod in a copy of its own (-0.9 KB), Lit's html templates compacted (-0.3 KB), the
   * config's location checked without zod's union and literal schemas (-0.4 KB), five English
   * strings only the later steps read moved to widget-after.ts (-0.04 KB). The closed zone
   * chooser's render guard (class-list long tasks, same day) then brought it to 41.997 KB.
   * 2026-12-04: kept at 42.0 KB with the early requests in (issue #15; they put it at 42.96 KB),
   * 41.90 KB measured: the calendar both choosers share in the script (-0.28 KB), terser's three
   * passes (-0.15 KB), English only the steps after choosing read (the zone panel's, the
   * waitlist's, the later steps' headings and outcomes) loaded with those steps (-0.5 KB).
   */
  oneToOne: 42.0 * 1024,
  /**
   * Lowered the same day, for the same changes, from 47.2 KB to 45.4 KB (45.38 KB measured).
   * Raised to 45.7 KB (45.64 measured) for the class list's long tasks: a filter hides the rows it
   * leaves out instead of taking them apart, and rows already shown stay (typing a filter's first
   * letter went from ~3.7 s of long tasks to ~0.4 s at CPU 4x); ~0.25 KB.
   * Lowered on 2026-12-04 to 45.4 KB (45.36 measured) with the early requests in: the changes
   * beside the 1:1 budget, and the class list's English inside its chunk rather than a file of
   * its own (the popup's button has its own copy; -0.3 KB).
   * Raised the same day to 45.5 KB (45.42 KB measured) for two things: a long list of classes
   * paints its controls first and its rows a frame later, with placeholders meanwhile (issue
   * #15's long tasks, 75 B), and year 0000 read with its real offset (a correctness fix in
   * src/lib/time, 28 B, which the 1:1 budget absorbs).
   * Raised on 2026-12-04 (evening) to 45.7 KB (45.66 KB measured) for "Show more classes": the
   * list stops at a page of 50 classes instead of rendering all of them (issue #15's long tasks
   * and memory). For 500 classes at CPU 4x: 34,232 -> 4,033 DOM nodes, heap growth 1.9 ->
   * 0.4 MB, clearing a filter 510 -> 187 ms of JS; 256 B.
   */
  group: 45.7 * 1024,
};

/** The kinds of project, the chunk that shows each one's first step, and its budget. */
export const FIRST_STEPS = [
  {
    label: 'a 1:1 project (time picker)',
    chooser: /^embed\/slot-picker-[\w-]+\.js$/,
    budget: FIRST_PAINT_BUDGET.oneToOne,
  },
  {
    label: 'a group project (class list)',
    chooser: /^embed\/class-list-[\w-]+\.js$/,
    budget: FIRST_PAINT_BUDGET.group,
  },
];

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/**
 * What `import 'slotkit/define'` makes an app load before the widget needs a part: define.js and
 * the package's chunks it imports statically, gzip (lit, zod and Floating UI, the app's own
 * dependencies, not counted). Set on 2026-12-04 (issue #15) at 30.2 KB, 30.15 KB measured: the
 * ESM build had put every module that is not a part (the ten other catalogues, the steps after
 * choosing, the popup) into the one chunk define.js imports (75.1 KB with define.js's others);
 * a Vite app importing only `slotkit/define` loaded 81.6 KB gzip up front, now 37.5 KB, lit and
 * zod included.
 */
export const ESM_DEFINE_BUDGET = 30.2 * 1024;

const text = (files, name) => {
  const code = files.get(name);
  return typeof code === 'string' ? code : Buffer.from(code).toString('utf8');
};

/** `name` and every file of `files` it imports statically, transitively (import() is lazy). */
export function withStaticImports(files, name, seen = new Set()) {
  if (seen.has(name) || !files.has(name)) return seen;
  seen.add(name);
  // `import{a as b}from"./x.js"`, `import"./x.js"`, or unminified `from "./x.js"`.
  for (const [, spec] of text(files, name).matchAll(
    /(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g,
  )) {
    withStaticImports(files, posix.join(posix.dirname(name), spec), seen);
  }
  return seen;
}

/** `files`: the ESM build's output (relative to dist/esm/). What define.js loads up front. */
export function esmDefine(files) {
  const names = [...withStaticImports(files, 'define.js')];
  return {
    files: names,
    gzip: names.reduce((sum, name) => sum + gzipSize(text(files, name)), 0),
    budget: ESM_DEFINE_BUDGET,
  };
}

/**
 * `files`: the embed build's output, file name (relative to dist/) -> code. Returns per kind of
 * project the files of its first paint, their gzip total and its budget.
 */
export function firstPaints(files) {
  return FIRST_STEPS.map(({ label, chooser, budget }) => {
    const matching = [...files.keys()].filter((name) => chooser.test(name));
    if (matching.length !== 1) {
      throw new Error(`the embed build has ${matching.length} chunks matching ${chooser}, not 1`);
    }
    const first = matching[0];
    const names = ['slotkit.iife.js', ...withStaticImports(files, first)];
    return {
      label,
      budget,
      files: names,
      gzip: names.reduce((sum, name) => sum + gzipSize(text(files, name)), 0),
    };
  });
}
