// What the script tag's first paint downloads, shared by `npm run size` and the size guard
// (test/node/size/first-paint.test.ts): the script, the chooser its first step shows, and every
// chunk that chooser imports statically (a shared chunk is fetched before the chooser can run).
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The budget for the first paint of the script tag, gzip bytes, the single place it is set; it
 * holds for every kind of project (FIRST_STEPS). Issue #12: the first paint must not grow; issue
 * #15 aims at 30 KB for a 1:1 project. Measured on 2026-12-03 after the English of later elements
 * and steps, the schemas of holds and bookings, and Lit's repeat left the script (see
 * `npm run size -- --breakdown`): 44.6 KB for a 1:1 project, 47.2 KB for a group project (the
 * class list's chunk is the larger). Raised once, the same day, to 47.8 KB for two things that
 * buy time, not features: the month's days asked for alongside the config (one round trip fewer
 * before the first bookable day, ~0.27 KB) and the preconnect to a cross-origin API (~0.12 KB);
 * the group project then measured 47.7 KB. Lowered on 2026-12-03 to 46.4 KB when the steps after
 * the choice left the script (issue #15): the flow's hold, form and booking code (src/flow/
 * holding.ts), the later steps' intent handlers, the campaign parameters' picking and the
 * booking.js config translation load when first needed; a 1:1 project then measured 43.6 KB, a
 * group project 46.3 KB. Raised the same day to 47.1 KB for the class list's long tasks (issue
 * #15): it reads its classes a slice per task and formats a row's texts when the row is shown,
 * which halved its longest task at CPU 4x and costs ~0.7 KB of the class list's chunk; a group
 * project then measured 47.0 KB. Raised again to 47.2 KB the same day for a feature: a sold-out
 * class's row lets the visitor say how many seats to wait for (~0.15 KB); 47.16 KB measured. A change that puts a new part into the first paint fails `npm test` and
 * has to load lazily instead (lower this when the first paint shrinks; raise it only with the
 * reason here).
 */
export const FIRST_PAINT_BUDGET = 47.2 * 1024;

/** The kinds of project and the chunk that shows each one's first step. */
export const FIRST_STEPS = [
  { label: 'a 1:1 project (time picker)', chooser: /^embed\/slot-picker-[\w-]+\.js$/ },
  { label: 'a group project (class list)', chooser: /^embed\/class-list-[\w-]+\.js$/ },
];

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/**
 * `files`: the embed build's output, file name (relative to dist/) -> code. Returns per kind of
 * project the files of its first paint and their gzip total.
 */
export function firstPaints(files) {
  const text = (name) => {
    const code = files.get(name);
    return typeof code === 'string' ? code : Buffer.from(code).toString('utf8');
  };
  const withStaticImports = (name, seen = new Set()) => {
    if (seen.has(name) || !files.has(name)) return seen;
    seen.add(name);
    // Minified static imports: `import{a as b}from"./x.js"` or `import"./x.js"`; import() is lazy.
    for (const [, spec] of text(name).matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g)) {
      withStaticImports(posix.join(posix.dirname(name), spec), seen);
    }
    return seen;
  };
  return FIRST_STEPS.map(({ label, chooser }) => {
    const matching = [...files.keys()].filter((name) => chooser.test(name));
    if (matching.length !== 1) {
      throw new Error(`the embed build has ${matching.length} chunks matching ${chooser}, not 1`);
    }
    const first = matching[0];
    const names = ['slotkit.iife.js', ...withStaticImports(first)];
    return {
      label,
      files: names,
      gzip: names.reduce((sum, name) => sum + gzipSize(text(name)), 0),
    };
  });
}
