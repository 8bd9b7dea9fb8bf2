import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NOW, basic, embedSuite, visit, KEYS } from './embed-harness.ts';

/** An API request as the page sent it (CORS preflights left out). */
interface Sent {
  call: string;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
}

/**
 * Runs before the page's scripts: the page's Date starts at the mock's clock (as a phone's
 * agrees with the server's, so "this month" is the server's), and every fetch() records whether
 * <slotkit-widget> was defined yet, i.e. whether the widget's own code had run. A string: tsx's
 * `__name` helpers do not exist in the page.
 */
const PAGE_SETUP = `(() => {
  const Real = Date;
  const offset = Real.parse(${JSON.stringify(NOW)}) - Real.now();
  globalThis.Date = class extends Real {
    constructor(...args) { args.length ? super(...args) : super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  };
  const fetch = globalThis.fetch;
  const log = [];
  Object.defineProperty(globalThis, '__earlyLog', { value: log });
  globalThis.fetch = function (input, init) {
    log.push([
      String(input),
      Boolean(customElements.get('slotkit-widget')),
      Boolean(document.querySelector('slotkit-widget')),
    ]);
    return fetch.call(this, input, init);
  };
})();`;

/** For visit()'s prepare: the page setup, and `sent` filled with the API requests as sent. */
function watch(page: Page, apiOrigin: string, sent: Sent[]): Promise<unknown> {
  page.on('request', (request) => {
    const address = new URL(request.url());
    if (address.origin !== apiOrigin || request.method() === 'OPTIONS') return;
    const body = request.postData();
    sent.push({
      call: `${request.method()} ${address.pathname}`,
      authorization: request.headers().authorization,
      body: body ? (JSON.parse(body) as Record<string, unknown>) : undefined,
    });
  });
  return page.addInitScript({ content: PAGE_SETUP });
}

/** Each fetch() the page made: its URL, whether the widget was defined, and placed in the page. */
type Log = Array<[url: string, defined: boolean, placed: boolean]>;
const fetchLog = (page: Page) => page.evaluate('globalThis.__earlyLog') as Promise<Log>;

const bookableDay = (page: Page, host: string) =>
  page.locator(`${host} slotkit-widget slotkit-slot-picker td[data-date].available`).first();

/** How many of `call` were sent, for the barber project's key unless `key` says otherwise. */
const count = (sent: Sent[], call: string, key: string = KEYS.barber) =>
  sent.filter((s) => s.call === call && s.authorization === basic(key)).length;

const CONFIG = 'GET /v2/projects/embed/proj_barber';
const DATES = 'POST /v2/availability/dates';

/**
 * The script tag sends a widget's first calls (the project's config, the month's days) before
 * the rest of its code runs, and the widget adopts them: each is sent once. Settings it cannot
 * be sure of, a second copy of the script and `SlotkitBooking.init` leave each widget to send
 * its own requests, exactly as before.
 */
describe('the script tag sends the first calls early', () => {
  const suite = embedSuite();
  const { url } = suite;
  beforeEach(() => suite.api!.reset());
  const prepareLive = (page: Page, sent: Sent[]) => watch(page, suite.api!.origin, sent);

  test('data attributes: config and days each sent once, before the widget is defined', async () => {
    const sent: Sent[] = [];
    let log: Log = [];
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'early-requests', prepare: (page) => prepareLive(page, sent) },
      async ({ page }) => {
        await bookableDay(page, '#booking').waitFor();
        log = await fetchLog(page);
      },
    );
    assert.equal(count(sent, CONFIG), 1, JSON.stringify(sent));
    assert.equal(count(sent, DATES), 1, JSON.stringify(sent));
    for (const request of sent) assert.equal(request.authorization, basic(KEYS.barber));
    const early = log.filter(([address]) =>
      /\/projects\/embed\/|\/availability\/dates$/.test(address),
    );
    assert.deepEqual(
      early.map(([address, defined]) => [new URL(address).pathname, defined]),
      [
        ['/v2/projects/embed/proj_barber', false],
        ['/v2/availability/dates', false],
      ],
      'both left before <slotkit-widget> was defined',
    );
    assert.deepEqual(Object.keys(sent.find((s) => s.call === DATES)!.body!), [
      'project_id',
      'from',
      'to',
      'output_timezone',
    ]);
  });

  test('another attribute (data-resources): the widget sends its own, each once', async () => {
    const sent: Sent[] = [];
    let log: Log = [];
    await visit(
      suite.browser!,
      url('early-other-attributes.html'),
      { screenshot: 'early-requests-other', prepare: (page) => prepareLive(page, sent) },
      async ({ page }) => {
        await bookableDay(page, '#booking').waitFor();
        log = await fetchLog(page);
      },
    );
    assert.equal(count(sent, CONFIG), 1);
    assert.equal(count(sent, DATES), 1);
    assert.deepEqual(sent.find((s) => s.call === DATES)!.body!.resources, ['res_barber']);
    const api = log.filter(([address]) => address.startsWith(suite.api!.origin));
    assert.ok(api.length >= 2, 'api.length >= 2');
    assert.ok(
      api.every(([, defined]) => defined),
      'sent by the widget, not early',
    );
  });

  test('two copies of the script: each widget’s calls once, with its own key', async () => {
    const sent: Sent[] = [];
    await visit(
      suite.browser!,
      url('two-widgets.html'),
      { screenshot: 'early-requests-two', prepare: (page) => prepareLive(page, sent) },
      async ({ page }) => {
        await bookableDay(page, '#barber').waitFor();
        await page.locator('#yoga slotkit-widget slotkit-class-list').waitFor();
      },
    );
    assert.equal(count(sent, CONFIG), 1);
    assert.equal(count(sent, DATES), 1);
    assert.equal(count(sent, 'GET /v2/projects/embed/proj_yoga', KEYS.yoga), 1);
    // The yoga widget's flow asks for days alongside the config as it always has (its graph is
    // not known yet); the second copy of the script sends none of its own besides.
    assert.equal(count(sent, DATES, KEYS.yoga), 1);
    assert.deepEqual(sent.map((s) => s.call).sort(), [
      'GET /v2/bookings/groups',
      'GET /v2/projects/embed/proj_barber',
      'GET /v2/projects/embed/proj_yoga',
      DATES,
      DATES,
    ]);
  });

  test('SlotkitBooking.init: booking.js’s config sends the first calls, each once', async () => {
    const sent: Sent[] = [];
    const order: string[] = [];
    let log: Log = [];
    const prepare = (page: Page) => {
      page.on('request', (request) => order.push(new URL(request.url()).pathname));
      return prepareLive(page, sent);
    };
    await visit(
      suite.browser!,
      url('blank.html'),
      { screenshot: 'early-requests-init', prepare },
      async ({ page }) => {
        await page.addScriptTag({ url: '/slotkit.iife.js' });
        await page.evaluate(`(() => {
          const host = document.body.appendChild(document.createElement('div'));
          host.id = 'bookingjs';
          SlotkitBooking.init({
            app_key: ${JSON.stringify(KEYS.barber)},
            project_id: 'proj_barber',
            api_base_url: ${JSON.stringify(`${suite.api!.origin}/`)},
            ui: { timezone: 'Europe/Copenhagen' },
          });
        })()`);
        await bookableDay(page, '#bookingjs').waitFor();
        log = await fetchLog(page);
      },
    );
    assert.equal(count(sent, CONFIG), 1);
    assert.equal(count(sent, DATES), 1);
    assert.equal(sent.find((s) => s.call === DATES)!.body!.output_timezone, 'Europe/Copenhagen');
    // Sent by init() before the booking.js translation's file came and the widget was placed.
    const api = log.filter(([address]) => address.startsWith(suite.api!.origin));
    assert.deepEqual(
      api.map(([address, , placed]) => [new URL(address).pathname, placed]),
      [
        ['/v2/projects/embed/proj_barber', false],
        ['/v2/availability/dates', false],
      ],
    );
    // The time picker's code is asked for first: it does not wait behind the days' month
    // bounds, which take Intl's first formatter (100-200 ms on a phone).
    const picker = order.findIndex((path) => /\/embed\/slot-picker-[\w-]+\.js$/.test(path));
    assert.ok(picker >= 0, `the picker's chunk was requested: ${order.join(', ')}`);
    assert.ok(picker < order.indexOf('/v2/availability/dates'), order.join(', '));
  });

  test('a later init() for another project: its own requests, with its own key', async () => {
    const sent: Sent[] = [];
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'early-requests-later-init', prepare: (page) => prepareLive(page, sent) },
      async ({ page }) => {
        await bookableDay(page, '#booking').waitFor();
        await page.evaluate(`(() => {
          const host = document.body.appendChild(document.createElement('div'));
          host.id = 'yoga';
          SlotkitBooking.init({
            target: host,
            appKey: ${JSON.stringify(KEYS.yoga)},
            projectId: 'proj_yoga',
            baseUrl: ${JSON.stringify(`${suite.api!.origin}/v2`)},
          });
        })()`);
        await page.locator('#yoga slotkit-widget slotkit-class-list').waitFor();
      },
    );
    assert.equal(count(sent, CONFIG), 1);
    assert.equal(count(sent, 'GET /v2/projects/embed/proj_yoga', KEYS.yoga), 1);
  });
});
