import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { DEMO_KEYS, ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';

/**
 * Timekit's booking.js v3 (the prebuilt bundle, unmodified) in headless Chromium, talking to the
 * real HTTP mock from a page on another origin, so every request is a real CORS preflight.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const screenshots = join(root, 'test-results/compat');
const require = createRequire(import.meta.url);
const bookingBuild = join(dirname(require.resolve('timekit-booking/package.json')), 'public/build');

/** Thursday 2026-11-26 12:00 UTC; moment-timezone's data (1970-2030) covers it. */
const NOW = '2026-11-26T12:00:00Z';

/** The flags /work/shared/TOOLCHAIN.md lists for Debian's Chromium, as root, headless. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const basic = (key: string) => `Basic ${Buffer.from(`:${key}`).toString('base64')}`;
const sameInstant = (actual: string, expected: string) =>
  assert.equal(Date.parse(actual), Date.parse(expected), `${actual} is not ${expected}`);

/** The page booking.js runs on: its two files, and one inline `init` with the config. */
function pageHtml(config: unknown): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>booking.js against slotkit</title>
    <link rel="stylesheet" href="/booking.min.css" />
  </head>
  <body>
    <div id="bookingjs"></div>
    <script src="/booking.min.js"></script>
    <script>new TimekitBooking().init(${json});</script>
  </body>
</html>`;
}

/** A static site on 127.0.0.1 (its own port): `/?config=<json>` and booking.js's build. */
async function startSite(): Promise<{ server: Server; origin: string }> {
  const files: Record<string, string> = {
    '/booking.min.js': 'text/javascript; charset=utf-8',
    '/booking.min.css': 'text/css; charset=utf-8',
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site.test');
    if (url.pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(pageHtml(JSON.parse(url.searchParams.get('config') ?? '{}')));
    } else if (files[url.pathname]) {
      response.writeHead(200, { 'Content-Type': files[url.pathname]! });
      response.end(readFileSync(join(bookingBuild, url.pathname.slice(1))));
    } else if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object', `address && typeof address === 'object'`);
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

describe('booking.js v3 in Chromium against the HTTP mock', { timeout: 60_000 }, () => {
  let api: RunningServer;
  let apiOrigin: string;
  let site: { server: Server; origin: string };
  let browser: Browser;

  before(async () => {
    api = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
    apiOrigin = new URL(api.url).origin;
    site = await startSite();
    assert.notEqual(new URL(site.origin).port, new URL(apiOrigin).port);
    // A JS module without types: imported by URL so the type checker does not look for them.
    const finder = new URL('../../../scripts/find-chromium.mjs', import.meta.url).href;
    const { ensureChromium } = await import(finder);
    browser = await chromium.launch({
      executablePath: ensureChromium(),
      args: CHROMIUM_ARGS,
      headless: true,
    });
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (site) {
      site.server.closeAllConnections();
      await new Promise((resolve) => site.server.close(resolve));
    }
    await api?.close();
  });

  /** Straight to the API, for setting expectations and checking what the widget did. */
  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { Authorization: basic(key), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await response.json();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json.data;
  };

  const bookingsOf = async (graph: string, email: string) =>
    (await call('GET', `/bookings?graph=${graph}`, DEMO_KEYS.owner)).filter(
      (booking: { customers: Array<{ email: string }> }) =>
        booking.customers.some((customer) => customer.email === email),
    );

  /**
   * Opens the widget with the config a Timekit customer would write, and runs `scenario` on
   * it. Everything off 127.0.0.1 is blocked (booking.css imports Google Fonts). Any page error,
   * console error or booking.js error other than that blocked font fails the test, and is
   * reported with whatever else failed first.
   */
  async function withWidget(
    config: Record<string, unknown>,
    scenario: (page: Page) => Promise<void>,
  ) {
    const context = await browser.newContext({
      viewport: { width: 1000, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-US',
    });
    // Fail in seconds, not at the suite's timeout, when the widget never gets there.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems: string[] = [];
    const isFont = (url: string) => url.startsWith('https://fonts.googleapis.com/');
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        const url = route.request().url();
        if (!isFont(url)) problems.push(`off-host request: ${url}`);
        return route.abort('blockedbyclient');
      },
    );
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !isFont(message.location().url)) {
        problems.push(`console error: ${text}`);
      }
      if (text.startsWith('TimekitBooking Error')) problems.push(`booking.js: ${text}`);
    });
    const full = { api_base_url: `${apiOrigin}/`, ui: { timezone: 'UTC' }, ...config };
    try {
      await page.goto(`${site.origin}/?config=${encodeURIComponent(JSON.stringify(full))}`);
      await scenario(page);
      assert.equal(await page.locator('.bookingjs-error').count(), 0, 'booking.js shows no error');
    } catch (error) {
      if (!problems.length) throw error;
      throw new Error(`${String(error)}\nin the page:\n${problems.join('\n')}`, { cause: error });
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  }

  /** Clicks the first slot or class, fills the form and submits; returns the POST booking.js made. */
  async function bookFirst(page: Page, name: string, email: string) {
    await page.locator('.fc-event').first().click();
    const form = page.locator('.bookingjs-form');
    await form.locator('[name=name]').fill(name);
    await form.locator('[name=email]').fill(email);
    const posted = page.waitForRequest(
      (request: Request) =>
        request.method() === 'POST' && new URL(request.url()).pathname === '/v2/bookings',
    );
    await form.locator('.bookingjs-form-button').click();
    const request = await posted;
    const response = await request.response();
    assert.equal(response?.status(), 201, await response?.text());
    await page.locator('.bookingjs-form.success').waitFor();
    return request.postDataJSON();
  }

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshots, name), fullPage: true, animations: 'disabled' });

  test('A: the barber (instant): slots render, a click and the form book the clicked time', async () => {
    const email = 'marty.browser@example.com';
    const [firstSlot] = await call('POST', '/availability', DEMO_KEYS.barber, {
      project_id: 'proj_barber',
      output_timezone: 'UTC',
    });
    sameInstant(firstSlot.start, '2026-11-26T17:00:00Z');
    assert.deepEqual(await bookingsOf('instant', email), []);

    await withWidget({ app_key: DEMO_KEYS.barber, project_id: 'proj_barber' }, async (page) => {
      await page.locator('.fc-event').first().waitFor();
      assert.ok((await page.locator('.fc-event').count()) > 10, 'a week of the barber’s slots');
      // The mock sends Timekit-TestMode (and exposes it to CORS), so booking.js shows its ribbon.
      await page.locator('.bookingjs-ribbon').waitFor();
      assert.match(await page.locator('.bookingjs-ribbon').innerText(), /test mode/i);
      await page.locator('.fc-event').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'barber-slots.png');

      const body = await bookFirst(page, 'Marty McFly', email);
      assert.equal(body.graph, 'instant');
      assert.equal(body.project_id, 'proj_barber');
      assert.equal(body.resource_id, 'res_barber');
      sameInstant(body.start, firstSlot.start);
      assert.match(
        await page.locator('.bookingjs-form-success-message').innerText(),
        new RegExp(email.replace(/\./g, '\\.')),
      );
      await screenshot(page, 'barber-booked.png');
    });

    const booked = await bookingsOf('instant', email);
    assert.equal(booked.length, 1, 'exactly one booking for this customer');
    const [booking] = booked;
    assert.equal(booking.state, 'confirmed');
    assert.equal(booking.project_id, 'proj_barber');
    assert.equal(booking.resource.id, 'res_barber');
    assert.equal(booking.customers[0].name, 'Marty McFly');
    assert.equal(booking.customers[0].timezone, 'UTC');
    sameInstant(booking.attributes.event_info.start, firstSlot.start);
    sameInstant(booking.attributes.event_info.end, firstSlot.end);
  });

  test('B: Doc Brown’s yoga (group_customer): classes are listed, a sign-up takes one seat', async () => {
    const email = 'jennifer.browser@example.com';
    const [firstClass] = await call('GET', '/bookings/groups', DEMO_KEYS.yoga);
    const seatsBefore: number = firstClass.attributes.group_booking.current_seats;
    assert.equal(seatsBefore, 0);
    assert.deepEqual(await bookingsOf('group_customer', email), []);

    await withWidget({ app_key: DEMO_KEYS.yoga, project_id: 'proj_yoga' }, async (page) => {
      await page.locator('.fc-event').first().waitFor();
      assert.match(await page.locator('.fc-event').first().innerText(), /Morning Yoga/);
      await screenshot(page, 'yoga-classes.png');

      const body = await bookFirst(page, 'Jennifer Parker', email);
      assert.equal(body.graph, 'group_customer');
      assert.deepEqual(body.related, { owner_booking_id: firstClass.id });
      assert.equal(body.resource_id, 'res_doc');
      await screenshot(page, 'yoga-signed-up.png');
    });

    const after = await call('GET', `/bookings/groups/${firstClass.id}`, DEMO_KEYS.yoga);
    assert.equal(after.attributes.group_booking.current_seats, seatsBefore + 1);
    const seats = await bookingsOf('group_customer', email);
    assert.equal(seats.length, 1);
    assert.equal(seats[0].state, 'confirmed');
    assert.deepEqual(seats[0].related, { owner_booking_id: firstClass.id, seats: 1 });
    assert.equal(seats[0].project_id, 'proj_yoga');
  });
});
