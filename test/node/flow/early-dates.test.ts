import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { DEMO_KEYS } from '../../../src/engine/index.ts';
import { createClient } from '../../../src/sdk/index.ts';
import type { AvailabilityRequest } from '../../../src/schemas/index.ts';
import {
  BASE,
  NOW,
  at,
  classesReady,
  mock,
  startFlow,
  timesReady,
  useMockServer,
  type Running,
} from './helpers.ts';

/**
 * The month's days are asked for alongside the project's config (one round trip fewer before
 * the first bookable day), and what the visitor sees is what the config-then-days order showed.
 */
useMockServer();

/** Every request the mock sees, in order: `> METHOD /path` when it starts, `< ...` when answered. */
function requestLog(): { log: string[]; stop(): void } {
  const log: string[] = [];
  const name = (request: Request) => `${request.method} ${new URL(request.url).pathname.slice(3)}`;
  const started = ({ request }: { request: Request }) => log.push(`> ${name(request)}`);
  const ended = ({ request }: { request: Request }) => log.push(`< ${name(request)}`);
  mock.server.events.on('request:start', started);
  mock.server.events.on('response:mocked', ended);
  return {
    log,
    stop: () => {
      mock.server.events.removeListener('request:start', started);
      mock.server.events.removeListener('response:mocked', ended);
    },
  };
}

/** A client whose clock agrees with the mock's before any answer, as a phone's does with a server's. */
function inSyncClient(appKey: string, offsetMs = 0) {
  const client = createClient({ baseUrl: BASE, appKey, retries: 0 });
  return { ...client, serverNow: () => NOW + offsetMs };
}

/** What the config-then-days order asks for first, the project's settings merged in. */
const NOVEMBER: AvailabilityRequest = {
  length: '30 minutes',
  timeslot_increments: '30 minutes',
  mode: 'roundrobin_random',
  project_id: 'proj_barber',
  from: '2026-11-01T04:00:00.000Z',
  to: '2026-12-01T05:00:00.000Z',
  output_timezone: 'America/New_York',
};

/** The barber's November as that request gets it, straight from the API. */
async function novemberDates(): Promise<string[]> {
  const client = createClient({ baseUrl: BASE, appKey: DEMO_KEYS.barber });
  const dates = (await client.availabilityDates(NOVEMBER)).map((entry) => entry.date);
  assert.ok(dates.length > 0, 'dates.length > 0');
  return dates;
}

/** The month the picker shows once its days are in, and those days. */
async function monthShown(run: Running) {
  const state = await run.until(timesReady, 'the month loaded');
  if (!('picker' in state) || state.picker.dates.status !== 'ready') throw new Error('no month');
  return { month: state.picker.month, ...state.picker.dates.value };
}

const CONFIG = 'GET /projects/embed/proj_barber';
const DATES = 'POST /availability/dates';

describe('BookingFlow: the first month alongside the config', () => {
  test('config and the month are in flight together; the days and signals are unchanged', async () => {
    const requests = requestLog();
    try {
      const run = startFlow(DEMO_KEYS.barber, {
        projectId: 'proj_barber',
        client: inSyncClient(DEMO_KEYS.barber),
      });
      const shown = await monthShown(run);
      // Both sent before either answered.
      assert.deepEqual(requests.log.slice(0, 2).sort(), [`> ${CONFIG}`, `> ${DATES}`].sort());
      assert.equal(requests.log.filter((entry) => entry === `> ${DATES}`).length, 1);

      assert.deepEqual(shown, { month: '2026-11', dates: await novemberDates(), next: undefined });
      assert.deepEqual(run.signals, ['availability-loading', 'availability-loaded']);
      const loading = run.all[0]!;
      assert.equal(loading.type, 'availability-loading');
      assert.deepEqual(loading.type === 'availability-loading' && loading.detail.request, NOVEMBER);
    } finally {
      requests.stop();
    }
  });

  test('a class project: the guessed month is dropped unseen, the classes show as before', async () => {
    const requests = requestLog();
    try {
      const run = startFlow(DEMO_KEYS.yoga, {
        projectId: 'proj_yoga',
        client: inSyncClient(DEMO_KEYS.yoga),
      });
      await run.until(classesReady, 'classes loaded');
      assert.ok(requests.log.includes(`> ${DATES}`), 'the guess was sent');
      assert.deepEqual(run.signals, ['classes-loading', 'classes-loaded']);
    } finally {
      requests.stop();
    }
  });

  test('a phone clock in another month: the guess is dropped, the server month is asked for', async () => {
    const requests = requestLog();
    try {
      // The phone believes it is January until the server's first answer corrects its clock.
      const client = createClient({ baseUrl: BASE, appKey: DEMO_KEYS.barber, retries: 0 });
      const run = startFlow(DEMO_KEYS.barber, {
        projectId: 'proj_barber',
        client: {
          ...client,
          serverNow: () => (requests.log.length > 2 ? NOW : NOW + 40 * 86_400_000),
        },
      });
      const shown = await monthShown(run);
      assert.equal(requests.log.filter((entry) => entry === `> ${DATES}`).length, 2);
      assert.deepEqual(shown, { month: '2026-11', dates: await novemberDates(), next: undefined });
      assert.deepEqual(run.signals, ['availability-loading', 'availability-loaded']);
    } finally {
      requests.stop();
    }
  });

  test("the guessed month's failure shows the normal error, and retry loads the month", async () => {
    mock.server.use(
      http.post(
        `${BASE}/availability/dates`,
        () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }),
        { once: true },
      ),
    );
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      client: inSyncClient(DEMO_KEYS.barber),
    });
    const failed = await run.until(
      (state) => 'picker' in state && state.picker.dates.status === 'error',
      'the month failed',
    );
    assert.equal(failed.step, 'choose');
    assert.ok(
      run.signals.includes('availability-failed'),
      `run.signals.includes('availability-failed')`,
    );
    await run.flow.retry();
    assert.deepEqual(await monthShown(run), {
      month: '2026-11',
      dates: await novemberDates(),
      next: undefined,
    });
  });

  test("the config's failure shows the normal error with retry, the guess changes nothing", async () => {
    mock.server.use(
      http.get(
        `${BASE}/projects/embed/:id`,
        () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }),
        { once: true },
      ),
    );
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      client: inSyncClient(DEMO_KEYS.barber),
    });
    await run.until(at('failed'), 'the config failed');
    assert.ok(
      !run.signals.includes('availability-loaded'),
      `!run.signals.includes('availability-loaded')`,
    );
    await run.flow.retry();
    await run.until(timesReady, 'the month loaded on retry');
    assert.deepEqual(
      run.signals.filter((type) => type.startsWith('availability')),
      ['availability-loading', 'availability-loaded'],
    );
  });
});
