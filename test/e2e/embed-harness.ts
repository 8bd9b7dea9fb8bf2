/**
 * The script-tag build on real pages: builds dist/slotkit.iife.js in memory with Vite (never
 * stale), serves fixture pages and the bundle from one origin, runs the mock API on another
 * (so CORS is real) and drives Debian's Chromium with playwright-core.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { DEMO_KEYS, ManualClock } from '../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../src/mock/server.ts';
import { cachedBuild, type BuildFiles } from './build-cache.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES = join(ROOT, 'test/e2e/pages');
export const RESULTS = join(ROOT, 'test-results/e2e');
/** Thursday 2026-11-26 12:00 UTC: the demo's classes start tomorrow. */
export const NOW = '2026-11-26T12:00:00Z';
export const KEYS = DEMO_KEYS;

// ------------------------------------------------------------------ the bundle

/** What the embed build reads: a change in any of them is a new build. */
const EMBED_INPUTS = [
  'src',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/**
 * `vite build --mode embed` through Vite's JS API, kept in memory: { 'slotkit.iife.js': ... }.
 * Built once per content of its inputs and shared by every test file (build-cache.ts).
 */
export function buildEmbed(): Promise<BuildFiles> {
  return cachedBuild('embed', EMBED_INPUTS, viteEmbedBuild);
}

async function viteEmbedBuild(): Promise<BuildFiles> {
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'embed',
    logLevel: 'warn',
    // In memory: no race with a parallel `npm run build`, nothing stale on disk.
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files: BuildFiles = new Map();
  for (const output of outputs) {
    for (const item of output.output) {
      files.set(item.fileName, item.type === 'chunk' ? item.code : item.source);
    }
  }
  if (!files.has('slotkit.iife.js')) {
    throw new Error(`the embed build made no slotkit.iife.js: ${[...files.keys()].join(', ')}`);
  }
  return files;
}

// ------------------------------------------------------------------ servers

export const basic = (key: string) => `Basic ${Buffer.from(`:${key}`).toString('base64')}`;

export interface Api {
  server: RunningServer;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** A JSON call with a key (the owner's by default). */
  call<T = any>(method: string, path: string, body?: unknown, key?: string): Promise<T>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The mock booking API over real HTTP on the demo data, its clock stopped at NOW. */
export async function startApi(): Promise<Api> {
  const server = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
  const call = async (method: string, path: string, body?: unknown, key = KEYS.owner) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: basic(key), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await response.json();
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    server,
    origin: new URL(server.url).origin,
    call,
    reset: async () => void (await call('POST', '/_mock/reset', { seed: 'demo' })),
    close: () => server.close(),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `/<file>` from test/e2e/pages (`{{API_ORIGIN}}` in .html/.js/.css replaced by the API's
 * origin) and the in-memory bundle, with each page's own response headers.
 */
export async function startSite(options: {
  bundle: Map<string, string | Uint8Array>;
  apiOrigin: string;
  headers?: Record<string, OutgoingHttpHeaders>;
}): Promise<Site> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1);
    const send = (status: number, body: string | Uint8Array, headers: OutgoingHttpHeaders = {}) => {
      response.writeHead(status, {
        'Content-Type': TYPES[extname(name)] ?? 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      response.end(body);
    };
    if (name === 'favicon.ico') return send(204, '');
    const built = options.bundle.get(name);
    if (built !== undefined) return send(200, built);
    if (!/^[\w-]+\.(html|js|css)$/.test(name)) return send(404, `no ${name}`);
    let text: string;
    try {
      text = readFileSync(join(PAGES, name), 'utf8');
    } catch {
      return send(404, `no ${name}`);
    }
    send(200, text.replaceAll('{{API_ORIGIN}}', options.apiOrigin), options.headers?.[name]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

// ------------------------------------------------------------------ the browser

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

export async function launchBrowser(): Promise<Browser> {
  // A plain .mjs script without types: import it by URL.
  const finder = pathToFileURL(join(ROOT, 'scripts/find-chromium.mjs')).href;
  const { ensureChromium } = (await import(finder)) as { ensureChromium(): string };
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: FLAGS });
}

/**
 * Runs in every page before its own scripts. Reports CSP (and Trusted Types) violations as
 * `[e2e] securitypolicyviolation ...` console errors, so nothing is added to `window`; with
 * `instrument`, also every `customElements.define` and every assignment to
 * `window.SlotkitBooking` as `[e2e] ...` debug messages. A string, not a function: tsx compiles
 * functions with `__name()` helpers that do not exist in the page.
 */
const REPORT_VIOLATIONS = `
document.addEventListener('securitypolicyviolation', (event) => {
  console.error('[e2e] securitypolicyviolation ' + event.effectiveDirective + ' blocked ' +
    (event.blockedURI || '(inline)') + ' at ' + event.sourceFile + ':' + event.lineNumber +
    ' ' + event.sample);
}, true);`;

const INSTRUMENT = `
(() => {
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, constructor, options) {
    console.debug('[e2e] define ' + name);
    return define.call(this, name, constructor, options);
  };
  let namespace;
  Object.defineProperty(window, 'SlotkitBooking', {
    configurable: true,
    enumerable: true,
    get: () => namespace,
    set: (value) => {
      console.debug('[e2e] SlotkitBooking assigned');
      namespace = value;
    },
  });
})();`;

export interface Problem {
  kind: 'console.error' | 'console.warn' | 'pageerror';
  text: string;
}

export interface TestPage {
  page: Page;
  /** Console errors and warnings, uncaught errors, CSP violations: each fails the test. */
  problems: Problem[];
  /** `[e2e] ...` instrumentation messages, in order. */
  traces: string[];
}

/**
 * Opens `url` in a fresh context, runs `body`, saves a screenshot to test-results/e2e/, and
 * fails with the body's error or, failing that, with every problem the page reported.
 */
export async function visit(
  browser: Browser,
  url: string,
  options: {
    screenshot: string;
    instrument?: boolean;
    /** Runs before navigation: routes that fail or delay files, say. */
    prepare?: (page: Page) => Promise<unknown>;
  },
  body: (page: TestPage) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 1000, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: Problem[] = [];
  const traces: string[] = [];
  await page.addInitScript({
    content: REPORT_VIOLATIONS + (options.instrument ? INSTRUMENT : ''),
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[e2e] ') && message.type() === 'debug') traces.push(text.slice(6));
    else if (message.type() === 'error') problems.push({ kind: 'console.error', text });
    else if (message.type() === 'warning') problems.push({ kind: 'console.warn', text });
  });
  // An uncaught error fails the test at once rather than after a locator's timeout.
  let crashed: (error: Error) => void = () => undefined;
  const crash = new Promise<never>((_, reject) => (crashed = reject));
  crash.catch(() => undefined);
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: `${error.message}\n${error.stack ?? ''}` });
    crashed(new Error(`uncaught error in the page: ${error.message}`));
  });
  const report = () =>
    `${url} reported ${problems.length} problem(s):\n${problems
      .map((problem) => `  ${problem.kind}: ${problem.text}`)
      .join('\n')}`;
  let failure: unknown;
  try {
    await options.prepare?.(page);
    const response = await page.goto(url);
    if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    await Promise.race([body({ page, problems, traces }), crash]);
  } catch (error) {
    failure = error;
  }
  try {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, `${options.screenshot}.png`), fullPage: true });
  } catch (error) {
    failure ??= error;
  } finally {
    await context.close();
  }
  if (failure) {
    if (problems.length && failure instanceof Error) failure.message += `\n${report()}`;
    throw failure;
  }
  if (problems.length) throw new Error(report());
}

// ------------------------------------------------------------------ flows

export interface Visitor {
  name: string;
  email: string;
}

/** Every element slotkit has; the script tag registers the widget, the widget the rest. */
export const TAGS = [
  'slotkit-class-list-item',
  'slotkit-class-list',
  'slotkit-slot-picker',
  'slotkit-customer-form',
  'slotkit-countdown',
  'slotkit-widget',
];

/**
 * The `<slotkit-widget>` mounted in `container`, once it is there (the script places it once
 * its files are in, so it is registered by then).
 */
export async function widgetIn(page: Page, container: string): Promise<Locator> {
  const widget = page.locator(`${container} > slotkit-widget`);
  await widget.waitFor({ state: 'attached' });
  if (!(await page.evaluate(() => customElements.get('slotkit-widget') !== undefined))) {
    const text = await widget.textContent();
    throw new Error(`slotkit.iife.js mounted <slotkit-widget> but never defined it: "${text}"`);
  }
  return widget;
}

/**
 * The slotkit scripts a page has fetched, by name without the content hash, sorted:
 * `['core', 'elements', 'slot-picker', 'slotkit.iife.js']`; locales as `locales/de`.
 */
export async function scriptsLoaded(page: Page): Promise<string[]> {
  const paths = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
  const names = paths.map((path) =>
    path.endsWith('/slotkit.iife.js')
      ? 'slotkit.iife.js'
      : path.replace(/^.*\/embed\//, '').replace(/-[\w-]{8}\.js$/, ''),
  );
  return [...new Set(names)].sort();
}

/** The step heading a visitor sees. */
export const heading = (widget: Locator) => widget.locator('[data-step-heading]');

/** Fills in the form and submits it. */
export async function fillAndSubmit(widget: Locator, visitor: Visitor): Promise<void> {
  const form = widget.locator('slotkit-customer-form');
  await form.locator('[name="name"]').fill(visitor.name);
  await form.locator('[name="email"]').fill(visitor.email);
  await form.locator('[part~="submit"]').click();
}

/** Fills in the form and submits it; returns the result's `data-state`. */
async function submitDetails(widget: Locator, visitor: Visitor): Promise<string | null> {
  await fillAndSubmit(widget, visitor);
  const result = widget.locator('[part="result"]');
  await result.waitFor();
  return result.getAttribute('data-state');
}

/**
 * A 1:1 booking through the UI with real clicks: the first day with times in the calendar
 * grid, its first time in the listbox, then the form.
 */
export async function bookFirstSlot(widget: Locator, visitor: Visitor): Promise<string | null> {
  await pickFirstSlot(widget);
  await heading(widget).filter({ hasText: 'Your details' }).waitFor();
  return submitDetails(widget, visitor);
}

/** Clicks the first day with times in the calendar grid, then its first time. */
export async function pickFirstSlot(widget: Locator): Promise<void> {
  const picker = widget.locator('slotkit-slot-picker');
  await picker.locator('[role="grid"] td[aria-disabled="false"]').first().click();
  await picker.locator('[role="listbox"] [role="option"]').first().click();
}

/**
 * Requests for files matching `pattern` fail as if the network dropped them, until `heal()`:
 * pass `prepare` to `visit`.
 */
export function lostFiles(pattern: RegExp): {
  prepare: (page: Page) => Promise<unknown>;
  heal: () => void;
} {
  let failing = true;
  return {
    prepare: (page) =>
      page.route(pattern, (route) =>
        failing ? route.abort('internetdisconnected') : route.continue(),
      ),
    heal: () => {
      failing = false;
    },
  };
}

/** The alert a step shows when one of its parts could not be loaded, once it is there. */
export async function partsAlert(widget: Locator): Promise<Locator> {
  const alert = widget.locator('.parts-error[role="alert"]');
  await alert.filter({ hasText: 'could not reach the booking service' }).waitFor();
  return alert;
}

/** A seat in the first bookable class, through the class list's own button. */
export async function bookFirstClass(widget: Locator, visitor: Visitor): Promise<string | null> {
  await widget.locator('slotkit-class-list [part~="book-button"]:not([disabled])').first().click();
  await heading(widget).filter({ hasText: 'Your details' }).waitFor();
  return submitDetails(widget, visitor);
}

/** Every booking, through the API with the owner's key. */
export async function listBookings(api: Api): Promise<any[]> {
  const { data } = await api.call<{ data: any[] }>('GET', '/bookings');
  return data;
}

/** Polls `check` until it holds, failing after `timeout` ms. */
export async function expectSoon(
  check: () => boolean | Promise<boolean>,
  timeout = 2000,
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${timeout} ms: ${check}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * The usual suite: the built script, the mock API and Chromium started together before the
 * suite's tests, the site serving the script, all closed after. Call inside `describe`.
 */
export function embedSuite(
  options: {
    /** Response headers per page, made once the API's origin is known (e.g. a strict CSP). */
    headers?: (apiOrigin: string) => Record<string, OutgoingHttpHeaders>;
  } = {},
) {
  const suite: {
    browser?: Browser;
    api?: Api;
    site?: Site;
    bundle?: Map<string, string | Uint8Array>;
    url: (page: string) => string;
  } = {
    url: (page) => `${suite.site!.origin}/${page}`,
  };
  before(async () => {
    const [bundle, api, browser] = await Promise.all([buildEmbed(), startApi(), launchBrowser()]);
    Object.assign(suite, { api, browser, bundle });
    const headers = options.headers?.(api.origin);
    suite.site = await startSite({
      bundle,
      apiOrigin: api.origin,
      ...(headers ? { headers } : {}),
    });
  });
  after(async () => {
    await suite.browser?.close();
    await suite.site?.close();
    await suite.api?.close();
  });
  return suite;
}

/**
 * The strictest policy a page can set and still run the script: its own origin only, the API
 * for fetches, and Trusted Types. Not 'none' for trusted-types: lit-html creates a policy named
 * lit-html when it loads (its templates are the developer's own strings) and throws without it.
 * Nothing else creates one.
 */
export function strictCsp(apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}
