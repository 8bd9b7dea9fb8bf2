/**
 * Component benchmark (not a test): `npm run bench:components`. Bundles bench/components/page.ts
 * (the elements from src/define.ts, minified ESM as in production) with esbuild, serves it on
 * 127.0.0.1 and drives headless Chromium with playwright-core. Each scenario runs on a freshly
 * loaded page with fresh elements; the page times each step itself with performance.now() and
 * requestAnimationFrame and counts long tasks. Prints medians and maxima in ms.
 *
 *   --runs N     repetitions per scenario (default 5)
 *   --cpu N      CPU slowed N times (CDP Emulation.setCPUThrottlingRate; 4 = the phone profile)
 *   --only WHAT  picker or classes: run only those scenarios
 *   --task-cpu   trace each step and report its longest task in CPU time (thread time of the
 *                renderer's main thread) times the --cpu slowdown, with the CPU not slowed: on
 *                a shared, loaded machine wall-clock long tasks also count the time the thread
 *                waited for a core, and a slowed thread's CPU time counts the slowdown's waits
 *                Caveat: every task in the step's window counts, the driver's too (playwright's
 *                locator queries run in the page), so a step can show a task the list never ran.
 *                The class list's first paint is also reported up to its first rows' frame
 *                (wall clock and, with --task-cpu, CPU time): the part before it grows
 *   --profile    also take a CDP CPU profile of every step (one extra, unminified run) and print
 *                the functions with the most self time
 */
import { build, type Plugin } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import {
  FIRST_ROWS_MARK,
  type Interaction,
  type Measurement,
  type PickerKind,
} from './components/protocol.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    profile: { type: 'boolean', default: false },
    cpu: { type: 'string', default: '1' },
    only: { type: 'string' },
    'task-cpu': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs) || 5);
const CPU_SLOWDOWN = Number(args.cpu);
if (!(CPU_SLOWDOWN >= 1)) throw new Error(`--cpu ${args.cpu}: a slowdown factor, 1 or more`);
if (args.only !== undefined && !['picker', 'classes'].includes(args.only)) {
  throw new Error(`--only ${args.only}: use picker or classes`);
}

// ------------------------------------------------------------------ bundle and server

/**
 * package.json's `sideEffects` lists only dist/esm/define.js, so esbuild would drop the import
 * of src/define.ts (it exports nothing) and with it every element. Mark it as having effects.
 */
const keepDefine: Plugin = {
  name: 'keep-define',
  setup(context) {
    context.onResolve({ filter: /\/src\/define\.ts$/ }, (resolved) => ({
      path: resolve(resolved.resolveDir, resolved.path),
      sideEffects: true,
    }));
  },
};

async function bundle(minify: boolean): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/components/page.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'error',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [keepDefine],
  });
  return result.outputFiles[0]!.text;
}

const HTML = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>slotkit component benchmark</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/page.js"></script>
  </head>
  <body>
    <main id="stage"></main>
  </body>
</html>`;

async function serve(script: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const [type, body] =
      path === '/'
        ? ['text/html; charset=utf-8', HTML]
        : path === '/page.js'
          ? ['text/javascript; charset=utf-8', script]
          : [undefined, undefined];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': type!, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function launch(): Promise<Browser> {
  // A plain .mjs script without types: import it by URL.
  const finder = pathToFileURL(join(ROOT, 'scripts/find-chromium.mjs')).href;
  const { ensureChromium } = (await import(finder)) as { ensureChromium(): string };
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: FLAGS });
}

// ------------------------------------------------------------------ results

interface HeapSample {
  beforeMb: number;
  afterMb: number;
  nodes: number;
}

const steps = new Map<string, Measurement[]>();
/** Per step, per run: the longest main-thread task in CPU ms times the slowdown (--task-cpu). */
const cpuLongest = new Map<string, number[]>();
const heaps = new Map<string, HeapSample[]>();

function record(label: string, measurement: Measurement): void {
  steps.set(label, [...(steps.get(label) ?? []), measurement]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const LABEL = 50;
const fixed = (value: number, width = 7) => value.toFixed(1).padStart(width);

function printTables(): void {
  const head =
    'step'.padEnd(LABEL) +
    'median'.padStart(8) +
    'max'.padStart(8) +
    'JS upd'.padStart(8) +
    'LT/run'.padStart(8) +
    'LT ms'.padStart(8) +
    'LT max'.padStart(8) +
    'longest'.padStart(8) +
    'lng med'.padStart(8) +
    '  event timing';
  console.log(`\n${head}\n${'-'.repeat(head.length + 6)}`);
  for (const [label, samples] of steps) {
    const timings = samples.map((s) => s.eventTimingMs).filter((v): v is number => v !== null);
    const eventTiming = label.includes('first paint')
      ? '-'
      : timings.length === 0
        ? '<16 all'
        : `${median(timings).toFixed(0)} (${timings.length}/${samples.length} >=16)`;
    console.log(
      label.padEnd(LABEL) +
        fixed(median(samples.map((s) => s.ms)), 8) +
        fixed(Math.max(...samples.map((s) => s.ms)), 8) +
        fixed(median(samples.map((s) => s.updateMs)), 8) +
        fixed(median(samples.map((s) => s.longTasks)), 8) +
        fixed(median(samples.map((s) => s.longTaskMs)), 8) +
        fixed(Math.max(...samples.map((s) => s.longTaskMs)), 8) +
        fixed(Math.max(...samples.map((s) => s.longestTaskMs)), 8) +
        fixed(median(samples.map((s) => s.longestTaskMs)), 8) +
        `  ${eventTiming}`,
    );
    const events = samples.map((s) => s.eventMs).filter((v): v is number => v !== undefined);
    if (events.length > 0) {
      const label2 = '  of which click -> slotkit-class-select';
      console.log(label2.padEnd(LABEL) + fixed(median(events), 8) + fixed(Math.max(...events), 8));
    }
  }
  console.log(
    '\nms: trigger (property set / input event timeStamp) to the frame after updateComplete;' +
      '\nJS upd: trigger to updateComplete; LT: long tasks (>50 ms) overlapping the step' +
      ' (median count per run, median and max summed ms);\nlongest: the longest single long task in any run (lng med: in the median run);' +
      ' event timing: median Event Timing' +
      ' duration of the input (to next paint, 8 ms steps) where it reached the 16 ms threshold.',
  );
  if (cpuLongest.size > 0) {
    console.log(
      `\n${`longest task in CPU time x ${CPU_SLOWDOWN}`.padEnd(LABEL)}${'median'.padStart(8)}${'max'.padStart(8)}`,
    );
    for (const [label, values] of cpuLongest) {
      console.log(label.padEnd(LABEL) + fixed(median(values), 8) + fixed(Math.max(...values), 8));
    }
  }
  console.log(
    `\n${'JS heap after render (GC first)'.padEnd(LABEL)}${'used MB'.padStart(9)}${'+MB'.padStart(8)}${'DOM nodes'.padStart(11)}`,
  );
  for (const [label, samples] of heaps) {
    console.log(
      label.padEnd(LABEL) +
        fixed(median(samples.map((s) => s.afterMb)), 9) +
        fixed(median(samples.map((s) => s.afterMb - s.beforeMb)), 8) +
        String(median(samples.map((s) => s.nodes))).padStart(11),
    );
  }
  console.log('(+MB: growth from setting the data on the mounted, empty element; median of runs)');
}

// ------------------------------------------------------------------ CDP: heap and profiles

async function heapMb(cdp: CDPSession): Promise<{ mb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { mb: metric('JSHeapUsedSize') / 2 ** 20, nodes: metric('Nodes') };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Source module of each line of the unminified bundle, from esbuild's `// path` comments. */
function moduleOfLine(script: string): (line: number) => string {
  const modules: string[] = [];
  let current = '(bundle)';
  for (const line of script.split('\n')) {
    const match = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(line);
    if (match) current = match[1]!.replace(/^node_modules\//, '');
    modules.push(current);
  }
  return (line) => modules[line] ?? '(bundle)';
}

/**
 * Self time per function. Samples under a frame of another script than page.js (playwright's
 * injected script checking that an element is clickable, serializing results) are one line.
 */
function summarize(label: string, profile: Profile, moduleOf: (line: number) => string): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const driverFrame = (node: ProfileNode) =>
    node.callFrame.url !== '' && !node.callFrame.url.endsWith('/page.js');
  const inDriver = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (driverFrame(byNode.get(at)!)) return true;
    }
    return false;
  };
  const self = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame;
    const ms = (deltas[index + 1] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)') return;
    let key: string;
    if (inDriver(id)) key = '(benchmark driver: playwright injected script)';
    else if (frame.functionName === '(program)') key = '(program: native, incl. style/layout)';
    else {
      const where = frame.url.endsWith('/page.js')
        ? `  ${moduleOf(frame.lineNumber)}:${frame.lineNumber + 1}`
        : '';
      key = `${frame.functionName || '(anonymous)'}${where}`;
    }
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return [
    `\n${label}: ${total.toFixed(1)} ms sampled (not idle); top self time:`,
    ...top.map(([key, ms]) => `  ${fixed(ms)} ms  ${key}`),
  ].join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, in µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** What the trace's event names mean, where it is not obvious. */
const TRACE_NAMES: Record<string, string> = {
  'v8.callFunction': 'v8.callFunction (JS, incl. Lit update)',
  'v8.callAsConstructor': 'v8.callAsConstructor (JS)',
  EvaluateScript: 'EvaluateScript (JS run from the driver)',
  UpdateLayoutTree: 'UpdateLayoutTree (style recalc)',
  Commit: 'Commit (to the compositor)',
};

/**
 * The longest task's thread (CPU) time on the busiest renderer main thread, in ms; with `mark`
 * (a `performance.mark` name), only of tasks started before it, undefined when it is missing.
 */
function longestTaskCpuMs(buffer: Buffer, mark?: string): number | undefined {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const until = mark ? events.find((e) => e.name === mark)?.ts : Infinity;
  if (until === undefined) return undefined;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, number[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !/RunTask$/.test(event.name) || !mainThreads.has(key)) continue;
    if (event.ts >= until) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), (event.tdur ?? 0) / 1000]);
  }
  const main = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return Math.max(0, ...main);
}

/** Self time per trace event on the renderer's main thread: style, layout, paint, GC, script. */
function summarizeTrace(label: string, buffer: Buffer): string {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  // The busiest renderer main thread is the benchmark page's.
  const main = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  // The same, within the longest top-level task only: what a long task is made of.
  const longest = main
    .filter((event) => /RunTask$/.test(event.name))
    .reduce<TraceEvent | undefined>((a, b) => (a && a.dur! >= b.dur! ? a : b), undefined);
  const inLongest = new Map<string, number>();
  const stack: { event: TraceEvent; children: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= until) {
      const { event, children } = stack.pop()!;
      const ms = (event.dur! - children) / 1000;
      self.set(event.name, (self.get(event.name) ?? 0) + ms);
      if (longest && event.ts >= longest.ts && event.ts < longest.ts + longest.dur!) {
        inLongest.set(event.name, (inLongest.get(event.name) ?? 0) + ms);
      }
      if (stack.length > 0) stack.at(-1)!.children += event.dur!;
    }
  };
  for (const event of main) {
    close(event.ts);
    stack.push({ event, children: 0 });
  }
  close(Infinity);
  // Task wrappers only say "a task ran"; their self time is scheduling overhead.
  const top = (times: Map<string, number>) =>
    [...times]
      .filter(([name]) => !/^(ThreadControllerImpl::RunTask|RunTask|.*::RunTask)$/.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, ms]) => `  ${fixed(ms)} ms  ${TRACE_NAMES[name] ?? name}`)
      .join('\n');
  const longestText = longest
    ? `\n  longest task ${fixed(longest.dur! / 1000)} ms, of which:\n${top(inLongest)}`
    : '';
  return `\n${label}: renderer main thread, self time by trace event:\n${top(self)}${longestText}`;
}

// ------------------------------------------------------------------ scenarios

interface Ctx {
  page: Page;
  cdp: CDPSession;
  url: string;
  /** Wraps a step in a CPU profile when profiling. */
  step(label: string, run: () => Promise<Measurement>): Promise<void>;
}

const call = <T>(page: Page, expression: string) =>
  page.evaluate(`window.slotkitBench.${expression}`) as Promise<T>;

async function interaction(
  ctx: Ctx,
  label: string,
  what: Interaction,
  expect: string | undefined,
  act: () => Promise<void>,
): Promise<void> {
  await ctx.step(label, async () => {
    await call(ctx.page, `arm(${JSON.stringify(what)}, ${JSON.stringify(expect)})`);
    await act();
    return call<Measurement>(ctx.page, 'collect()');
  });
}

async function pickerRun(ctx: Ctx, kind: PickerKind): Promise<void> {
  const { page, cdp } = ctx;
  const name = kind === 'worst' ? 'picker 2000/day' : 'picker month 2000 (72/day)';
  await page.goto(ctx.url);
  await call(page, `mountPicker(${JSON.stringify(kind)})`);
  const before = await heapMb(cdp);
  await ctx.step(`${name}: first paint`, () => call(page, 'fillPicker()'));
  const after = await heapMb(cdp);
  heaps.set(name, [
    ...(heaps.get(name) ?? []),
    { beforeMb: before.mb, afterMb: after.mb, nodes: after.nodes },
  ]);

  await call(page, 'focusActiveTime()');
  await interaction(ctx, `${name}: ArrowDown in times`, 'picker-arrow', undefined, () =>
    page.keyboard.press('ArrowDown'),
  );
  const { selected, other } = await call<{ selected: string; other: string }>(page, 'days()');
  const day = (date: string) => page.locator(`slotkit-slot-picker td[data-date="${date}"]`);
  await interaction(ctx, `${name}: click day (to 72)`, 'picker-day', other, () =>
    day(other).click(),
  );
  const back = kind === 'worst' ? 'click day back (to 2000)' : 'click day back (to 72)';
  await interaction(ctx, `${name}: ${back}`, 'picker-day', selected, () => day(selected).click());
}

async function classesRun(ctx: Ctx): Promise<void> {
  const { page, cdp } = ctx;
  const name = 'class list 500/60 days';
  await page.goto(ctx.url);
  await call(page, 'mountClasses()');
  const before = await heapMb(cdp);
  await ctx.step(`${name}: first paint`, async () => {
    const all = await call<Measurement>(page, 'fillClasses()');
    // Recorded first: the issue's first paint is this part, before the list grows.
    if (all.firstRows) record(`${name}: to first rows`, all.firstRows);
    return all;
  });
  const after = await heapMb(cdp);
  heaps.set(name, [
    ...(heaps.get(name) ?? []),
    { beforeMb: before.mb, afterMb: after.mb, nodes: after.nodes },
  ]);

  await page.locator('slotkit-class-list [part~="title-filter"]').focus();
  const word = 'yoga';
  for (let i = 1; i <= word.length; i++) {
    const label = i === 1 ? `filter: type 'y' (500 -> 126)` : `filter: type 'o', 'g', 'a'`;
    await interaction(ctx, `class list ${label}`, 'classes-filter', word.slice(0, i), () =>
      page.keyboard.press(word[i - 1]!),
    );
  }
  await page.keyboard.press('Control+A');
  await interaction(ctx, 'class list filter: clear (-> 500)', 'classes-clear', '', () =>
    page.keyboard.press('Backspace'),
  );

  const id = await call<string>(page, 'bookableClassId()');
  await interaction(ctx, 'class list change seats select', 'classes-seats', id, async () => {
    await page
      .locator(`slotkit-class-list [part~="seats-select"][data-id="${id}"]`)
      .selectOption('2');
  });
  await interaction(ctx, 'class list click Book (to selected frame)', 'classes-book', id, () =>
    page.locator(`slotkit-class-list [part~="book-button"][data-id="${id}"]`).click(),
  );
}

async function runAll(ctx: Ctx, runs: number): Promise<void> {
  if (args.only !== 'classes') {
    for (const kind of ['worst', 'month'] as const) {
      for (let run = 0; run < runs; run++) await pickerRun(ctx, kind);
    }
  }
  if (args.only !== 'picker') for (let run = 0; run < runs; run++) await classesRun(ctx);
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const started = performance.now();
  const [script, browser] = await Promise.all([bundle(true), launch()]);
  let server: Server | undefined;
  const stop = () => {
    void browser.close();
    server?.close();
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    const served = await serve(script);
    server = served.server;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console.${message.type()}: ${message.text()}`);
      }
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // Per page target, kept across navigations: every scenario runs on the slowed CPU.
    if (CPU_SLOWDOWN > 1 && !args['task-cpu'])
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(served.url);
    const env = await call<{ cores: number; userAgent: string }>(page, 'environment()');
    const cpus = os.cpus();
    console.log(
      `slotkit component benchmark, ${RUNS} runs per scenario;` +
        ` CPU: ${
          args['task-cpu']
            ? `as it is; longest tasks in CPU time x ${CPU_SLOWDOWN}`
            : CPU_SLOWDOWN > 1
              ? `slowed ${CPU_SLOWDOWN}x`
              : 'as it is'
        }`,
    );
    console.log(
      `Chromium ${browser.version()} (headless, ${env.cores} hardware threads reported)` +
        `\nNode ${process.version}, ${os.availableParallelism()} CPUs available` +
        ` (${cpus[0]?.model.trim() ?? 'unknown model'}, ${cpus.length} logical)` +
        `\nbundle: bench/components/page.ts + src/define.ts, esbuild ESM minified,` +
        ` ${(script.length / 1024).toFixed(1)} KB`,
    );

    await runAll(
      {
        page,
        cdp,
        url: served.url,
        step: async (label, run) => {
          if (!args['task-cpu']) {
            record(label, await run());
            return;
          }
          await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
          let trace: Buffer;
          try {
            record(label, await run());
          } finally {
            trace = await browser.stopTracing();
          }
          const add = (name: string, ms: number) =>
            cpuLongest.set(name, [...(cpuLongest.get(name) ?? []), ms * CPU_SLOWDOWN]);
          add(label, longestTaskCpuMs(trace)!);
          const first = longestTaskCpuMs(trace, FIRST_ROWS_MARK);
          if (first !== undefined) add(label.replace('first paint', 'to first rows'), first);
        },
      },
      RUNS,
    );
    printTables();

    if (args.profile) {
      // Names and line numbers need the unminified bundle: serve it from a second server.
      // Each step runs once unprofiled (warm-up), then once under the CPU profiler and once
      // traced (style, layout, paint and GC are not JS: the profiler shows them as "(program)").
      const plain = await bundle(false);
      const moduleOf = moduleOfLine(plain);
      const profiled = await serve(plain);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const reports = new Map<string, string[]>();
      const report = (label: string, text: string) =>
        reports.set(label, [...(reports.get(label) ?? []), text]);
      // The second occurrence of each step is measured: the first warms up the JIT.
      const seen = new Map<string, number>();
      const once =
        (measure: (label: string, run: () => Promise<Measurement>) => Promise<void>) =>
        async (label: string, run: () => Promise<Measurement>) => {
          const count = (seen.get(label) ?? 0) + 1;
          seen.set(label, count);
          if (count === 2) await measure(label, run);
          else await run();
        };
      const base = { page, cdp, url: profiled.url };
      try {
        await runAll(
          {
            ...base,
            step: once(async (label, run) => {
              await cdp.send('Profiler.start');
              const measurement = await run();
              const { profile } = await cdp.send('Profiler.stop');
              report(
                label,
                summarize(
                  `${label} (${measurement.ms.toFixed(1)} ms, ${measurement.detail})`,
                  profile,
                  moduleOf,
                ),
              );
            }),
          },
          2,
        );
        seen.clear();
        await runAll(
          {
            ...base,
            step: once(async (label, run) => {
              await browser.startTracing(page, {
                categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
              });
              let measurement: Measurement;
              let trace: Buffer;
              try {
                measurement = await run();
              } finally {
                trace = await browser.stopTracing();
              }
              report(
                label,
                summarizeTrace(
                  `${label} (${measurement.ms.toFixed(1)} ms, ${measurement.detail})`,
                  trace,
                ),
              );
            }),
          },
          2,
        );
      } finally {
        profiled.server.close();
      }
      console.log('\nProfiles (unminified bundle, warm: second run; 0.1 ms sampling / trace):');
      for (const label of steps.keys()) console.log((reports.get(label) ?? []).join(''));
    }

    if (problems.length > 0) {
      console.log(`\nThe page reported ${problems.length} problem(s):`);
      for (const problem of [...new Set(problems)].slice(0, 10)) console.log(`  ${problem}`);
      process.exitCode = 1;
    }
    console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    server?.close();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
