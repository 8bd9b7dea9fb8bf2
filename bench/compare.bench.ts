/**
 * slotkit against Timekit's booking.js v3 (benchmark, not a test): `npm run bench:compare`.
 *
 * One mock engine (the HTTP mock on the demo data, its clock stopped at NOW) answers both
 * widgets, embedded the way a site embeds them, for the same barber project with the same
 * booking.js-style config: slotkit's script tag (built fresh, minified, gzipped: slotkit.iife.js
 * and the chunks it imports from beside itself) with
 * `SlotkitBooking.init(config)`, and booking.js's prebuilt booking.min.js + booking.min.css
 * (gzipped too) with `new TimekitBooking().init(config)`. Pages and API are on 127.0.0.1 on
 * different ports, so CORS is real. Headless Chromium (playwright-core) loads the two pages in
 * turn, each run in a fresh context with the HTTP cache disabled, and measures:
 *
 * - bytes: encoded (on-the-wire) body sizes of the widget's own files from the page's origin,
 *   the HTML page excluded; the API's JSON separately;
 * - time from navigation start to the first bookable thing on screen (see DEFINITIONS);
 * - long tasks (count, total ms, blocking time) until 1 s after the last of those moments;
 * - JS heap (after a forced GC) and DOM nodes at that point.
 *
 *   --runs N        runs per product (default 7), alternating slotkit / booking.js
 *   --no-breakdown  skip the table of slotkit.iife.js by source
 *   --network NAME  local (default: loopback as it is) or mobile (150 ms RTT, 1.6 Mbit/s)
 *   --cpu N         CPU slowed N times (CDP Emulation.setCPUThrottlingRate; default 1, none);
 *                   a phone: `--network mobile --cpu 4` (Lighthouse's mobile profile)
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Request } from 'playwright-core';
import { DEMO_KEYS, ManualClock } from '../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../src/mock/server.ts';
import { buildEmbed } from '../test/e2e/embed-harness.ts';
import { breakdown } from './compare/breakdown.ts';
import { phoneClockScript, probeScript, type ProbeResult, type Target } from './compare/probe.ts';
import { startSite, type Site } from './compare/site.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = join(ROOT, 'test-results/bench-compare');
/** Thursday 2026-11-26 12:00 UTC: the barber's first slot is at 17:00 that day. */
const NOW = '2026-11-26T12:00:00Z';
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
/** Per run: a widget that shows nothing in this long is broken, not slow. */
const RUN_TIMEOUT_MS = 20_000;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'no-breakdown': { type: 'boolean', default: false },
    network: { type: 'string', default: 'local' },
    cpu: { type: 'string', default: '1' },
  },
});
/**
 * `--network mobile`: Lighthouse's mobile network (150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up) through Chromium's own emulation, where round trips and bytes cost what they
 * cost on a phone; `local` (default): loopback as it is.
 */
const NETWORKS = {
  local: undefined,
  mobile: {
    latency: 150,
    downloadThroughput: (1638.4 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
} as const;
if (!(args.network! in NETWORKS)) {
  throw new Error(`--network ${args.network}: use one of ${Object.keys(NETWORKS).join(', ')}`);
}
const NETWORK = NETWORKS[args.network as keyof typeof NETWORKS];
const RUNS = Math.max(1, Math.floor(Number(args.runs)) || 7);
/** `--cpu 4`: every task takes 4x as long, as on a mid-range phone (Lighthouse's mobile CPU). */
const CPU_SLOWDOWN = Number(args.cpu);
if (!(CPU_SLOWDOWN >= 1)) throw new Error(`--cpu ${args.cpu}: a slowdown factor, 1 or more`);

const DEFINITIONS = `The pages' Date starts at the mock's clock (${NOW}), as a phone's clock agrees with the server's.
Definitions (all times from navigation start, on the page's performance.now() clock; a
moment is taken in a task queued from the animation frame in which the element was first found
rendered (non-zero box, checkVisibility with opacity and visibility), i.e. after that frame paints):
- first bookable: slotkit: the first td[data-date].available in <slotkit-slot-picker>'s shadow root
  (a day with times, one click from its times); booking.js: the first .fc-event (a time slot,
  itself clickable). booking.js renders it inside its calendar's scroller, which opens at 08:00
  (its scroll-to-first-slot code calls Element.animate({scrollTop}), which does not scroll), so a
  visitor still has to scroll to see a 17:00 slot: see "visible without scrolling" below.
- first time: slotkit shows days first and auto-selects nothing, so the probe clicks that first
  available day the moment it is seen (element.click(), no driver round trip) and waits for the
  first [role=option] in the times listbox; for booking.js this is the same .fc-event as above.
  This is the like-for-like "a time a visitor can click is on screen" figure.
- long tasks / blocking: PerformanceObserver 'longtask' (registered before any page script) for
  tasks starting before the settle point, 1 s after the last moment (for slotkit that window
  includes handling the click and the slots request); blocking = sum of (duration - 50 ms).
- heap: HeapProfiler.collectGarbage, then Performance.getMetrics JSHeapUsedSize, at the settle
  point; DOM nodes from the same metrics (the whole page: shadow DOM included).
- widget bytes: encoded body sizes (gzip where the server compressed) of every response from the
  page's origin but the HTML page itself; API: encoded JSON bodies from the mock's origin
  (CORS preflights not included). Blocked: fonts.googleapis.com / fonts.gstatic.com (booking.css
  @imports Open Sans from Google Fonts; offline here, so those bytes are NOT counted for booking.js).`;

// ------------------------------------------------------------------ products

type Product = 'slotkit' | 'booking.js';
const PRODUCTS: Product[] = ['slotkit', 'booking.js'];

const TARGETS: Record<Product, Target[]> = {
  slotkit: [
    {
      name: 'bookable',
      path: ['#bookingjs > slotkit-widget', 'slotkit-slot-picker', 'td[data-date].available'],
      click: true,
    },
    {
      name: 'time',
      path: [
        '#bookingjs > slotkit-widget',
        'slotkit-slot-picker',
        '[role="listbox"].times [role="option"]',
      ],
    },
  ],
  'booking.js': [{ name: 'bookable', path: ['#bookingjs .fc-event'] }],
};
const PAGE: Record<Product, string> = { slotkit: 'slotkit.html', 'booking.js': 'booking-js.html' };
const SCRIPT: Record<Product, string> = {
  slotkit: 'slotkit.iife.js',
  'booking.js': 'booking.min.js',
};

interface Sample {
  firstBookableMs: number;
  firstTimeMs: number;
  scriptLoadedMs: number;
  firstApiCallMs: number;
  longTasks: number;
  longTaskMs: number;
  longTaskMaxMs: number;
  blockingMs: number;
  heapMb: number;
  domNodes: number;
  widgetBytes: number;
  widgetRequests: number;
  apiBytes: number;
  apiRequests: number;
  /** name -> encoded bytes, for the per-file note. */
  files: Map<string, number>;
  /** `METHOD /path` -> encoded bytes of the API's answers. */
  apiCalls: Array<[call: string, bytes: number]>;
  apiTimeline: ProbeResult['apiTimeline'];
  fileTimeline: ProbeResult['fileTimeline'];
  longTaskList: ProbeResult['longTaskList'];
  marks: ProbeResult['marks'];
  inViewport: Record<string, boolean>;
}

// ------------------------------------------------------------------ one run

/** ` [N items]` for a JSON answer whose `data` is an array (slots, days), or ''. */
async function itemsIn(request: Request): Promise<string> {
  try {
    const response = await request.response();
    if (!response?.headers()['content-type']?.includes('json')) return '';
    const { data } = (await response.json()) as { data?: unknown };
    return Array.isArray(data) ? ` [${data.length} items]` : '';
  } catch {
    return '';
  }
}

/** The time range an availability request asked for, as ` (from .. to)`, or ''. */
function rangeOf(body: string | null): string {
  try {
    const { from, to, start, end, future } = JSON.parse(body ?? '') as Record<string, unknown>;
    const a = from ?? start;
    const b = to ?? end;
    const day = (value: unknown) => String(value).slice(0, 16);
    if (a && b) return ` (${day(a)} .. ${day(b)})`;
    // booking.js asks for everything from now on, up to `future` (default '4 weeks').
    return typeof future === 'string' ? ` (future: ${future})` : '';
  } catch {
    return '';
  }
}

async function measure(
  browser: Browser,
  site: Site,
  api: RunningServer,
  product: Product,
  screenshot?: string,
): Promise<Sample> {
  const apiOrigin = new URL(api.url).origin;
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const offHost: string[] = [];
  const finished: Array<
    Promise<{
      url: URL;
      method: string;
      range: string;
      bytes: number;
      document: boolean;
      at: number;
    }>
  > = [];
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (NETWORK) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    if (CPU_SLOWDOWN > 1) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    // No interception (page.route would slow every request): Chromium blocks these itself.
    await cdp.send('Network.setBlockedURLs', {
      urls: ['*://fonts.googleapis.com/*', '*://fonts.gstatic.com/*'],
    });
    await cdp.send('Performance.enable');
    await page.addInitScript({ content: phoneClockScript(NOW) });
    await page.addInitScript({
      content: probeScript({ targets: TARGETS[product], scriptName: SCRIPT[product], apiOrigin }),
    });
    const isFont = (url: string) => /^https:\/\/fonts\.(googleapis|gstatic)\.com\//.test(url);
    page.on('request', (request: Request) => {
      const url = request.url();
      if (!/^(data|blob):/.test(url) && new URL(url).hostname !== '127.0.0.1') offHost.push(url);
    });
    page.on('requestfinished', (request: Request) => {
      finished.push(
        Promise.all([request.sizes(), itemsIn(request)]).then(([sizes, items]) => ({
          url: new URL(request.url()),
          method: request.method(),
          range: rangeOf(request.postData()) + items,
          bytes: sizes.responseBodySize,
          document: request.resourceType() === 'document',
          at: request.timing().startTime,
        })),
      );
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !isFont(message.location().url) && !isFont(text)) {
        problems.push(`console error: ${text}`);
      }
    });

    await page.goto(`${site.origin}/${PAGE[product]}`, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const result = (await Promise.race([
      page.evaluate('window.__slotkitCompare.done'),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `${product}: nothing bookable on screen after ${RUN_TIMEOUT_MS / 1000} s` +
                  (problems.length ? `\n  ${problems.join('\n  ')}` : ''),
              ),
            ),
          RUN_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer))) as ProbeResult;

    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;

    const responses = (await Promise.all(finished)).sort((a, b) => a.at - b.at);
    const apiCalls: Array<[string, number]> = [];
    const files = new Map<string, number>();
    let widgetBytes = 0;
    let widgetRequests = 0;
    let apiBytes = 0;
    let apiRequests = 0;
    for (const response of responses) {
      if (response.url.origin === site.origin && !response.document) {
        widgetBytes += response.bytes;
        widgetRequests += 1;
        const name = response.url.pathname.slice(1);
        files.set(name, (files.get(name) ?? 0) + response.bytes);
      } else if (response.url.origin === apiOrigin) {
        apiBytes += response.bytes;
        apiRequests += 1;
        apiCalls.push([
          `${response.method} ${response.url.pathname}${response.range}`,
          response.bytes,
        ]);
      }
    }
    if (problems.length) throw new Error(`${product} reported:\n  ${problems.join('\n  ')}`);
    const unexpected = offHost.filter((url) => !isFont(url));
    if (unexpected.length) throw new Error(`${product} went off 127.0.0.1: ${unexpected}`);

    if (screenshot) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, screenshot), animations: 'disabled' });
    }
    const bookable = result.marks.bookable!;
    return {
      firstBookableMs: bookable,
      firstTimeMs: result.marks.time ?? bookable,
      scriptLoadedMs: result.scriptResponseEnd ?? NaN,
      firstApiCallMs: result.firstApiCallStart ?? NaN,
      longTasks: result.longTasks,
      longTaskMs: result.longTaskMs,
      longTaskMaxMs: result.longTaskMaxMs,
      blockingMs: result.blockingMs,
      heapMb: metric('JSHeapUsedSize') / 2 ** 20,
      domNodes: metric('Nodes'),
      widgetBytes,
      widgetRequests,
      apiBytes,
      apiRequests,
      files,
      apiCalls,
      apiTimeline: result.apiTimeline,
      fileTimeline: result.fileTimeline,
      longTaskList: result.longTaskList,
      marks: result.marks,
      inViewport: result.inViewport,
    };
  } finally {
    await context.close();
  }
}

/** A blank page's heap in a fresh context: the floor both products sit on. */
async function blankHeapMb(browser: Browser, site: Site): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${site.origin}/blank.html`);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ report

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Row {
  label: string;
  value: (sample: Sample) => number;
  format: (value: number) => string;
  /** No ratio (a count that can be 0, or a figure booking.js does not have). */
  noRatio?: boolean;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const mb = (value: number) => `${value.toFixed(2)} MB`;

const ROWS: Row[] = [
  { label: 'widget bytes (JS/CSS/fonts, encoded)', value: (s) => s.widgetBytes, format: kb },
  { label: '  widget requests', value: (s) => s.widgetRequests, format: count },
  { label: 'API JSON bytes (encoded)', value: (s) => s.apiBytes, format: kb },
  { label: '  API requests (no preflights)', value: (s) => s.apiRequests, format: count },
  { label: 'widget script downloaded (responseEnd)', value: (s) => s.scriptLoadedMs, format: ms },
  { label: 'first API call sent', value: (s) => s.firstApiCallMs, format: ms },
  {
    label: 'first bookable (slotkit: day; b.js: slot)',
    value: (s) => s.firstBookableMs,
    format: ms,
  },
  { label: 'first time on screen (slotkit: +1 click)', value: (s) => s.firstTimeMs, format: ms },
  { label: 'long tasks (count)', value: (s) => s.longTasks, format: count, noRatio: true },
  { label: 'long tasks (total)', value: (s) => s.longTaskMs, format: ms, noRatio: true },
  {
    label: 'longest task (0: none over 50 ms)',
    value: (s) => s.longTaskMaxMs,
    format: ms,
    noRatio: true,
  },
  {
    label: 'blocking time (sum over 50 ms)',
    value: (s) => s.blockingMs,
    format: ms,
    noRatio: true,
  },
  { label: 'JS heap after GC', value: (s) => s.heapMb, format: mb },
  { label: 'DOM nodes', value: (s) => s.domNodes, format: count },
];

function table(samples: Record<Product, Sample[]>): string {
  const width = 44;
  const cell = 30;
  const head =
    'figure (median [min-max])'.padEnd(width) +
    `slotkit (n=${samples.slotkit.length})`.padEnd(cell) +
    `booking.js v3 (n=${samples['booking.js'].length})`.padEnd(cell) +
    'slotkit/b.js (<1: slotkit smaller/faster)';
  const lines = [head, '-'.repeat(head.length + 2)];
  for (const row of ROWS) {
    const stats = PRODUCTS.map((product) => {
      const values = samples[product].map(row.value);
      return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
    });
    const text = stats.map(({ median: mid, min, max }) =>
      row.format(min) === row.format(max)
        ? row.format(mid)
        : `${row.format(mid)} [${row.format(min)}-${row.format(max)}]`,
    );
    const [ours, theirs] = stats.map((s) => s.median) as [number, number];
    const ratio =
      row.noRatio && (ours === 0 || theirs === 0)
        ? '-'
        : theirs === 0
          ? '-'
          : `${(ours / theirs).toFixed(2)}x`;
    lines.push(row.label.padEnd(width) + text[0]!.padEnd(cell) + text[1]!.padEnd(cell) + ratio);
  }
  return lines.join('\n');
}

function filesNote(site: Site, samples: Record<Product, Sample[]>): string {
  const lines = ['Widget files and API calls of one run (encoded bytes as transferred):'];
  for (const product of PRODUCTS) {
    const files = samples[product][0]!.files;
    for (const [name, bytes] of files) {
      const sizes = site.sizes(name);
      lines.push(
        `  ${product.padEnd(11)} ${name.padEnd(70)} ${kb(bytes).padStart(10)}` +
          (sizes ? `   (raw ${kb(sizes.raw)}, served gzip -9)` : ''),
      );
    }
    for (const [call, bytes] of samples[product][0]!.apiCalls) {
      lines.push(`  ${product.padEnd(11)} ${call.padEnd(70)} ${kb(bytes).padStart(10)}`);
    }
  }
  lines.push('  (the mock API does not compress JSON: the API figures are identity-encoded bytes)');
  lines.push(
    '\nWaterfall of the run with the median first-time figure (ms from navigation start):',
  );
  for (const product of PRODUCTS) {
    const runs = [...samples[product]].sort((a, b) => a.firstTimeMs - b.firstTimeMs);
    const run = runs[Math.floor((runs.length - 1) / 2)]!;
    const events: Array<[number, string]> = [
      [run.scriptLoadedMs, 'script downloaded'],
      ...run.apiTimeline.flatMap(([path, start, end]): Array<[number, string]> => [
        [start, `-> ${path}`],
        [end, `<- ${path}`],
      ]),
      // The page's own files: where a chunk is asked for late, it is on the critical path.
      ...run.fileTimeline.flatMap(([path, start, end]): Array<[number, string]> => [
        [start, `-> ${path.slice(1)}`],
        [end, `<- ${path.slice(1)}`],
      ]),
      ...run.longTaskList.map(([start, duration]): [number, string] => [
        start,
        `[long task ${duration} ms]`,
      ]),
      ...Object.entries(run.marks).map(([name, at]): [number, string] => [
        at,
        name === 'bookable' ? 'FIRST BOOKABLE on screen' : 'FIRST TIME on screen',
      ]),
    ];
    events.sort((a, b) => a[0] - b[0]);
    lines.push(`  ${product}:`);
    for (const [at, what] of events) lines.push(`    ${at.toFixed(0).padStart(5)}  ${what}`);
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------ main

async function launch(): Promise<Browser> {
  // A plain .mjs script without types: import it by URL.
  const finder = pathToFileURL(join(ROOT, 'scripts/find-chromium.mjs')).href;
  const { ensureChromium } = (await import(finder)) as { ensureChromium(): string };
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: FLAGS });
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const started = performance.now();
  let browser: Browser | undefined;
  let api: RunningServer | undefined;
  let site: Site | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await site?.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
  };
  process.once('SIGINT', () => {
    void stop().finally(() => process.exit(130));
  });
  try {
    // All three settle before anything is thrown, so a failed build still closes the others.
    const [building, launching, starting] = await Promise.allSettled([
      buildEmbed(),
      launch(),
      startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) }),
    ]);
    if (launching.status === 'fulfilled') browser = launching.value;
    if (starting.status === 'fulfilled') api = starting.value;
    for (const result of [building, launching, starting]) {
      if (result.status === 'rejected') throw result.reason;
    }
    const bundle = (building as PromiseFulfilledResult<Map<string, string | Uint8Array>>).value;
    if (!browser || !api) throw new Error('unreachable: browser and API started');
    const apiBase = `${new URL(api.url).origin}/`;
    const config = {
      el: '#bookingjs',
      app_key: DEMO_KEYS.barber,
      project_id: 'proj_barber',
      api_base_url: apiBase,
      ui: { timezone: 'UTC' },
    };
    site = await startSite({
      slotkit: bundle,
      // The same object for both. booking.js jumps to its first event's week by itself
      // (goToFirstEvent), slotkit opens on the server's month, so neither depends on today.
      slotkitConfig: config,
      bookingJsConfig: config,
    });

    const cpus = os.cpus();
    const built = site.sizes('slotkit.iife.js')!;
    console.log(
      `slotkit vs booking.js v3: ${RUNS} runs each, alternating, after one warm-up each;` +
        ` network: ${NETWORK ? `${args.network} (${NETWORK.latency} ms added per request, ${kb(NETWORK.downloadThroughput)}/s down)` : 'loopback'};` +
        ` CPU: ${CPU_SLOWDOWN > 1 ? `slowed ${CPU_SLOWDOWN}x` : 'as it is'}`,
    );
    console.log(
      `Chromium ${browser.version()} headless; Node ${process.version};` +
        ` ${cpus.length} logical CPUs (${cpus[0]?.model.trim() ?? 'unknown model'}),` +
        ` ${os.availableParallelism()} available; load average ${loadAverage()}`,
    );
    console.log(
      `mock API ${api.url} (demo data, clock at ${NOW}); site ${site.origin};` +
        ` slotkit.iife.js built now: ${kb(built.raw)} -> ${kb(built.gzip)} gzip` +
        ' (+ the embed/ chunks each step needs)',
    );

    const samples: Record<Product, Sample[]> = { slotkit: [], 'booking.js': [] };
    // Warm-up: the first context and renderer of a fresh browser are slower for whoever goes first.
    for (const product of PRODUCTS) await measure(browser, site, api, product);
    for (let run = 0; run < RUNS; run++) {
      // Alternate which product goes first in each pair, too.
      const order = run % 2 === 0 ? PRODUCTS : [...PRODUCTS].reverse();
      for (const product of order) {
        const last = run === RUNS - 1;
        const shot = last ? `${product.replace('.', '')}.png` : undefined;
        samples[product].push(await measure(browser, site, api, product, shot));
      }
      process.stderr.write(`  run ${run + 1}/${RUNS} done\n`);
    }
    const blank = await blankHeapMb(browser, site);

    console.log(`\n${table(samples)}`);
    console.log(`\n(a blank page in a fresh context: JS heap ${mb(blank)} after GC)`);
    const viewport = PRODUCTS.flatMap((product) =>
      TARGETS[product].map(({ name }) => {
        const seen = samples[product].map((sample) => sample.inViewport[name]);
        return `${product} ${name === 'bookable' ? 'first bookable' : 'first time'} ${seen.filter(Boolean).length}/${seen.length}`;
      }),
    );
    console.log(
      `visible without scrolling when seen (inside the 1000x900 viewport and every scroller): ${viewport.join(', ')}`,
    );
    console.log(`\n${filesNote(site, samples)}`);
    console.log(`\n${DEFINITIONS}`);
    console.log(`\nscreenshots of the last run: ${SCREENSHOTS}`);

    if (!args['no-breakdown']) {
      const code = bundle.get('slotkit.iife.js');
      const map = bundle.get('slotkit.iife.js.map');
      if (typeof code === 'string' && map !== undefined) {
        console.log(`\n${breakdown('slotkit.iife.js', code, Buffer.from(map).toString('utf8'))}`);
      }
      // The other files of the embed build: loaded by this page or not (other flows, locales).
      const loaded = new Set(samples.slotkit.flatMap((sample) => [...sample.files.keys()]));
      const chunks = [...bundle.keys()]
        .filter((name) => name.endsWith('.js') && name !== 'slotkit.iife.js')
        .map((name) => {
          const sizes = site!.sizes(name)!;
          return `${name} ${(sizes.gzip / 1024).toFixed(1)}${loaded.has(name) ? '' : ' (not loaded)'}`;
        });
      if (chunks.length) {
        console.log(`\nother files of the embed build, KB gzip: ${chunks.join(', ')}`);
      }
    }
    console.log(
      `\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s;` +
        ` load average now ${loadAverage()} (other work on the machine skews the timings)`,
    );
  } finally {
    await stop();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
