import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectTimeZone } from '../../../src/lib/time/format.ts';
import type { Booking, EmbedConfig } from '../../../src/schemas/index.ts';
import { flowStand, never, times } from './flow-stand.ts';

/**
 * BookingFlow.start over a stand-in client: which settings win, what is asked for before the
 * config comes, each refusal of the config worded for the site owner, and where the journey
 * opens (the chooser, a booking to manage, an offer's hold) (issue 17's survivors in flow.ts).
 */

const CONFIG = {
  id: 'proj_1',
  name: 'Haircut',
  app_key: 'key',
  ui: {},
  availability: { length: '30 minutes', mode: 'roundrobin_random' },
  booking: { graph: 'confirm_decline' },
  customer_fields: { name: { type: 'string' } },
  resources: ['res_1'],
  description: 'A cut',
} as unknown as EmbedConfig;
const refuse = (code: string) => () => Promise.reject({ code, message: `${code} message` });
const signalOf = (args?: unknown[]) => (args?.at(-1) as { signal?: AbortSignal }).signal;

describe('start: the settings in force', () => {
  test("no remote config: the element's settings, the defaults for the rest", async () => {
    const s = flowStand({ projectConfig: never }, { projectId: 'proj_1' });
    await s.flow.start();
    assert.deepEqual(s.flow.settings, {
      graph: 'instant',
      availability: {},
      what: 'Booking',
      about: {},
      projectId: 'proj_1',
    });
    assert.deepEqual(s.states.slice(0, 2), [{ step: 'loading' }, times('2026-12')]);
    assert.deepEqual(s.called('projectConfig'), []);
    assert.equal(s.flow.timeZone, 'Europe/Oslo');
  });

  test("the element's own settings, each kept", async () => {
    const s = flowStand(
      {},
      {
        graph: 'group_customer',
        resources: ['res_2'],
        customerFields: null,
        availability: { length: '45 minutes' },
        what: 'Yoga',
      },
    );
    await s.flow.start();
    assert.deepEqual(s.flow.settings, {
      graph: 'group_customer',
      availability: { length: '45 minutes' },
      what: 'Yoga',
      about: {},
      resources: ['res_2'],
      customerFields: undefined,
    });
    assert.deepEqual(s.states[1], {
      step: 'choose',
      busy: false,
      chooser: 'classes',
      classes: { status: 'idle' },
    });
  });

  test("the project's config under the element's settings", async () => {
    const s = flowStand(
      { projectConfig: async () => CONFIG },
      { projectId: 'proj_1', remoteConfig: true, availability: { length: '1 hour' } },
    );
    await s.flow.start();
    assert.deepEqual(s.called('projectConfig')[0]?.[0], 'proj_1');
    assert.equal(signalOf(s.called('projectConfig')[0])?.aborted, false);
    assert.deepEqual(s.flow.settings, {
      graph: 'confirm_decline',
      availability: { length: '1 hour', mode: 'roundrobin_random' },
      what: 'Haircut',
      about: { name: 'Haircut', description: 'A cut' },
      projectId: 'proj_1',
      customerFields: { name: { type: 'string' } },
    });
  });

  test("the element's graph, name and fields over the project's", async () => {
    const s = flowStand(
      { projectConfig: async () => CONFIG },
      {
        projectId: 'proj_1',
        remoteConfig: true,
        graph: 'instant',
        what: 'Trim',
        customerFields: {},
      },
    );
    await s.flow.start();
    assert.deepEqual(
      [s.flow.settings?.graph, s.flow.settings?.what, s.flow.settings?.customerFields],
      ['instant', 'Trim', {}],
    );
  });

  test('before start: UTC, a zone every formatter takes (the widget renders the loading step)', () => {
    const s = flowStand();
    assert.equal(s.flow.timeZone, 'UTC');
  });

  test('no zone given: the detected one', async () => {
    const s = flowStand({}, { timeZone: undefined });
    await s.flow.start();
    assert.equal(s.flow.timeZone, detectTimeZone());
  });

  test("this month is the server's now in the visitor's zone", async () => {
    // 23:30 on 30 November in UTC is December in Oslo.
    const late = Date.parse('2026-11-30T23:30:00Z');
    const oslo = flowStand({ serverNow: () => late });
    await oslo.flow.start();
    assert.deepEqual(oslo.states[1], times('2026-12'));
    const utc = flowStand({ serverNow: () => late }, { timeZone: 'UTC' });
    await utc.flow.start();
    assert.deepEqual(utc.states[1], times('2026-11'));
    assert.equal(utc.flow.serverNow(), late);
  });

  test('a graph no visitor can book: the setting, what it accepts; nothing more', async () => {
    for (const [graph, config] of [
      ['nope', undefined],
      [undefined, { ...CONFIG, booking: { graph: 'nope' } }],
    ] as const) {
      const s = flowStand(
        { projectConfig: async () => config as EmbedConfig },
        {
          graph,
          projectId: 'proj_1',
          remoteConfig: config !== undefined,
        },
      );
      await s.flow.start();
      const message =
        '"nope" is not a graph a visitor can book; use one of instant, confirm_decline, ' +
        'instant_payment, group_customer, group_customer_payment.';
      assert.deepEqual(s.states, [
        { step: 'loading' },
        { step: 'misconfigured', problems: [{ setting: 'graph', message }] },
      ]);
      assert.equal(s.flow.settings, undefined);
    }
  });
});

describe('start: the month asked for alongside the config', () => {
  for (const [what, options, asked] of [
    ['a chooser of times', {}, ['projectConfig', 'availabilityDates']],
    ['a booking to manage', { bookingId: 'bk_1' }, ['projectConfig']],
    ["an offer's hold", { holdId: 'hold_1' }, ['projectConfig']],
    ['a class chooser', { graph: 'group_customer' }, ['projectConfig']],
  ] as const) {
    test(`${what}: ${asked.join(', ') || 'nothing'} before the config comes`, () => {
      const s = flowStand(
        { projectConfig: never },
        { projectId: 'proj_1', remoteConfig: true, ...options },
      );
      void s.flow.start();
      // No await: only what start() asks for before the config's answer.
      assert.deepEqual(
        s.calls.map(({ name }) => name),
        asked,
      );
    });
  }
});

describe("start: the config refused, worded for the site's owner", () => {
  for (const code of ['unauthorized', 'forbidden']) {
    test(`${code}: the app key`, async () => {
      const s = flowStand({ projectConfig: refuse(code) }, { projectId: 'p', remoteConfig: true });
      await s.flow.start();
      const message = `was refused by the booking API (${code} message). Check app-key and project-id.`;
      assert.deepEqual(s.states.at(-1), {
        step: 'misconfigured',
        problems: [{ setting: 'app-key', message }],
      });
      assert.deepEqual([s.signals, s.flow.settings], [[], undefined]);
    });
  }

  test('not_found: the project id', async () => {
    const s = flowStand(
      { projectConfig: refuse('not_found') },
      { projectId: 'p', remoteConfig: true },
    );
    await s.flow.start();
    assert.deepEqual(s.states.at(-1), {
      step: 'misconfigured',
      problems: [{ setting: 'project-id', message: '"p" is not a known project.' }],
    });
  });

  test('another failure: failed, reported; retry starts again', async () => {
    let answer: () => Promise<EmbedConfig> = refuse('network_error');
    const s = flowStand({ projectConfig: () => answer() }, { projectId: 'p', remoteConfig: true });
    await s.flow.start();
    const error = { code: 'network_error', message: 'network_error message' };
    assert.deepEqual(s.states, [{ step: 'loading' }, { step: 'failed', error }]);
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
    answer = async () => CONFIG;
    await s.flow.retry();
    assert.equal(s.flow.state.step, 'choose');
    assert.equal(s.called('projectConfig').length, 2);
  });

  test('aborted: nothing said', async () => {
    const s = flowStand(
      { projectConfig: refuse('aborted') },
      { projectId: 'p', remoteConfig: true },
    );
    await s.flow.start();
    assert.deepEqual([s.states, s.signals], [[{ step: 'loading' }], []]);
  });

  test('a new start aborts the older one', async () => {
    const s = flowStand({ projectConfig: never }, { projectId: 'p', remoteConfig: true });
    void s.flow.start();
    void s.flow.start();
    const [first, second] = s.called('projectConfig').map(signalOf);
    assert.deepEqual([first?.aborted, second?.aborted], [true, false]);
  });
});

describe('start: where the journey opens', () => {
  const BOOKING = { id: 'bk_1', state: 'confirmed', attributes: {} } as Booking;

  test('a booking and its token: the manage step, the booking asked for with the token', async () => {
    const s = flowStand(
      { getBooking: async () => BOOKING },
      { bookingId: 'bk_1', customerToken: 't' },
    );
    await s.flow.start();
    assert.deepEqual(s.states, [
      { step: 'loading' },
      { step: 'manage', booking: undefined, busy: true },
      { step: 'manage', booking: BOOKING, busy: false },
    ]);
    const [[id, access]] = s.called('getBooking') as [[string, { customerToken?: string }]];
    assert.deepEqual([id, access.customerToken], ['bk_1', 't']);
  });

  test('a booking without a token: the chooser', async () => {
    const s = flowStand({ getBooking: async () => BOOKING }, { bookingId: 'bk_1' });
    await s.flow.start();
    assert.deepEqual([s.states[1], s.called('getBooking')], [times('2026-12'), []]);
  });

  test("a manage link's booking refused: the token goes, the chooser says why", async () => {
    const s = flowStand(
      { getBooking: refuse('not_found') },
      { bookingId: 'bk_1', customerToken: 't', manageFromLink: true },
    );
    await s.flow.start();
    const notice = { kind: 'link-invalid' };
    assert.deepEqual(s.states.slice(2, 3), [times('2026-12', notice)]);
    assert.deepEqual(
      [s.signals.map(({ type }) => type), s.cues],
      [['availability-loading'], [{ kind: 'notice', notice }]],
    );
  });

  test('refused, not from a link: the error on the manage step', async () => {
    const s = flowStand(
      { getBooking: refuse('not_found') },
      { bookingId: 'bk_1', customerToken: 't' },
    );
    await s.flow.start();
    const error = { code: 'not_found', message: 'not_found message' };
    assert.deepEqual(s.states.at(-1), { step: 'manage', booking: undefined, busy: false, error });
  });

  test('a manage link without its booking: the chooser, saying so', async () => {
    const s = flowStand({}, { manageFromLink: true });
    await s.flow.start();
    assert.deepEqual(s.states[1], times('2026-12', { kind: 'link-invalid' }));
  });

  test("an offer's hold: asked for", async () => {
    const s = flowStand({ getHold: refuse('not_found') }, { holdId: 'hold_1' });
    await s.flow.start();
    assert.deepEqual(s.called('getHold')[0]?.[0], 'hold_1');
  });
});
