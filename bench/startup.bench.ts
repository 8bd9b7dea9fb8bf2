/**
 * Where slotkit's script-tag start-up goes on a phone (benchmark, not a test):
 * `node --import tsx bench/startup.bench.ts [--network mobile] [--cpu 4] [--runs 3]`.
 *
 * The page, API and config of `npm run bench:compare` (the barber project through
 * `SlotkitBooking.init`), loaded with V8's sampling profiler running from before navigation.
 * For each run it prints every request the page made (start -> end, ms from navigation start),
 * the moments that matter, and where the main thread's time went between "script downloaded"
 * and "first API call sent": self time per source file of the bundle (through the build's source
 * map) and per function. The last run's profile is saved as a .cpuprofile (open it in Chromium's
 * DevTools, Performance panel) under test-results/bench-startup/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_KEYS, ManualClock } from '../src/engine/index.ts';
import { startHttpServer } from '../src/mock/server.ts';
import { buildEmbed } from '../test/e2e/embed-harness.ts';
import { attribute, sourceLabel } from './compare/breakdown.ts';
import { phoneClockScript, probeScript, type ProbeResult } from './compare/probe.ts';
import { startSite } from './compare/site.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test-results/bench-startup');
const NOW = '2026-11-26T12:00:00Z';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    network: { type: 'string', default: 'mobile' },
    cpu: { type: 'string', default: '4' },
  },
});
const MOBILE = { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: 96000 };
const NETWORK = args.network === 'mobile' ? MOBILE : undefined;
const CPU = Math.max(1, Number(args.cpu) || 1);
const RUNS = Math.max(1, Math.floor(Number(args.runs)) || 3);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Character offsets of each line's start in `code`, to turn (line, column) into an offset. */
function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1);
  return starts;
}

interface Attribution {
  /** A file of the bundle: its code, line starts, and each character's source. */
  files: Map<string, { starts: number[]; owner: Int32Array; labels: string[] }>;
}

function attributionOf(bundle: Map<string, string | Uint8Array>): Attribution {
  const files: Attribution['files'] = new Map();
  for (const [name, code] of bundle) {
    const map = bundle.get(`${name}.map`);
    if (!name.endsWith('.js') || typeof code !== 'string' || map === undefined) continue;
    const parsed = JSON.parse(Buffer.from(map).toString('utf8')) as {
      sources: string[];
      mappings: string;
    };
    files.set(name, {
      starts: lineStarts(code),
      owner: attribute(code, parsed),
      labels: parsed.sources.map(sourceLabel),
    });
  }
  return { files };
}

/** `file.js: src/x.ts` for a frame of the bundle, else the frame's own kind. */
function sourceOf(frame: ProfileNode['callFrame'], attribution: Attribution): string {
  if (!frame.url) return frame.functionName || '(anonymous)';
  const name = new URL(frame.url).pathname.slice(1);
  const file = attribution.files.get(name);
  if (!file) return name || frame.url;
  const offset = (file.starts[frame.lineNumber] ?? 0) + frame.columnNumber;
  const source = file.owner[offset] ?? -1;
  return `${name}: ${source < 0 ? '(bundler)' : file.labels[source]}`;
}

/** Self time (ms, as the page saw it: throttled) per key, for samples in [from, to). */
function selfTime(
  profile: Profile,
  key: (node: ProfileNode) => string,
  from: number,
  to: number,
  timeOrigin: number,
): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const pageMs = (at - timeOrigin) / 1000;
    // Each sample stands for the interval up to the next one.
    const span = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (pageMs < from || pageMs >= to) continue;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const name = key(node);
    totals.set(name, (totals.get(name) ?? 0) + span);
  }
  return totals;
}

const top = (totals: Map<string, number>, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    .join('\n');

async function run(
  browser: Browser,
  origin: string,
  apiOrigin: string,
  attribution: Attribution,
  index: number,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (NETWORK) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await page.addInitScript({ content: phoneClockScript(NOW) });
    await page.addInitScript({
      content: probeScript({
        targets: [
          {
            name: 'bookable',
            path: ['#bookingjs > slotkit-widget', 'slotkit-slot-picker', 'td[data-date].available'],
          },
        ],
        scriptName: 'slotkit.iife.js',
        apiOrigin,
      }),
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/slotkit.html`, { waitUntil: 'commit' });
    const result = (await page.evaluate('window.__slotkitCompare.done')) as ProbeResult;
    // The profile's clock is the monotonic one in µs; performance.now() counts from the
    // navigation: read both back to back to line them up (a few ms of slack at most).
    const pageNow = (await page.evaluate('performance.now()')) as number;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const timeOrigin = profile.endTime - pageNow * 1000;
    const resources = (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd])`,
    )) as Array<[string, number, number]>;

    const loaded = result.scriptResponseEnd ?? 0;
    const firstCall = result.firstApiCallStart ?? 0;
    console.log(
      `\nrun ${index + 1}: script downloaded ${loaded.toFixed(0)} ms, first API call` +
        ` ${firstCall.toFixed(0)} ms, first bookable ${result.marks.bookable?.toFixed(0)} ms;` +
        ` longest task ${result.longTaskMaxMs.toFixed(0)} ms, blocking ${result.blockingMs.toFixed(0)} ms`,
    );
    console.log('  requests (start -> end):');
    for (const [name, start, end] of resources.sort((a, b) => a[1] - b[1])) {
      const url = new URL(name);
      const label = url.origin === apiOrigin ? `API ${url.pathname}` : url.pathname;
      console.log(`    ${start.toFixed(0).padStart(5)} -> ${end.toFixed(0).padStart(5)}  ${label}`);
    }
    const kinds = selfTime(
      profile,
      (node) => sourceOf(node.callFrame, attribution),
      loaded,
      firstCall,
      timeOrigin,
    );
    const busy = [...kinds]
      .filter(([name]) => name !== '(idle)')
      .reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `  main thread from script downloaded to first API call: ${busy.toFixed(0)} ms busy, ` +
        `${(kinds.get('(idle)') ?? 0).toFixed(0)} ms idle; self time by source:`,
    );
    console.log(top(kinds, 18));
    const functions = selfTime(
      profile,
      (node) =>
        `${node.callFrame.functionName || '(anonymous)'}  [${sourceOf(node.callFrame, attribution)}]`,
      loaded,
      firstCall,
      timeOrigin,
    );
    console.log('  by function:');
    console.log(top(functions, 14));
    // After both answers came, what still stands between them and the first bookable day.
    const answered = Math.max(...result.apiTimeline.slice(0, 2).map(([, , end]) => end));
    const bookable = result.marks.bookable ?? answered;
    const after = selfTime(
      profile,
      (node) => sourceOf(node.callFrame, attribution),
      answered,
      bookable,
      timeOrigin,
    );
    console.log(
      `  from the first two answers (${answered.toFixed(0)} ms) to first bookable: self time by source:`,
    );
    console.log(top(after, 12));
    if (index === RUNS - 1) {
      mkdirSync(OUT, { recursive: true });
      const file = join(OUT, 'startup.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      console.log(`\nprofile saved: ${file}`);
    }
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const finder = pathToFileURL(join(ROOT, 'scripts/find-chromium.mjs')).href;
  const { ensureChromium } = (await import(finder)) as { ensureChromium(): string };
  const bundle = await buildEmbed();
  const api = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
  const apiOrigin = new URL(api.url).origin;
  const config = {
    el: '#bookingjs',
    app_key: DEMO_KEYS.barber,
    project_id: 'proj_barber',
    api_base_url: `${apiOrigin}/`,
    ui: { timezone: 'UTC' },
  };
  const site = await startSite({ slotkit: bundle, slotkitConfig: config, bookingJsConfig: config });
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'],
  });
  try {
    console.log(
      `network ${args.network}, CPU ${CPU}x, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    const attribution = attributionOf(bundle);
    for (let index = 0; index < RUNS; index++) {
      await run(browser, site.origin, apiOrigin, attribution, index);
    }
  } finally {
    await browser.close();
    await site.close();
    await api.close();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
