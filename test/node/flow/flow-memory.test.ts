import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking, EmbedConfig } from '../../../src/schemas/index.ts';
import { flowStand, type FlowStand, HOLD, never, NOW, SLOT } from './flow-stand.ts';

/**
 * What BookingFlow remembers, and forgets, across a journey and a new start: the booking's key,
 * the settings, the host's prefill, the chooser's loads (issue 17's survivors in flow.ts).
 */

const booked = (patch: object = {}) =>
  ({
    id: 'bk_2',
    graph: 'instant',
    state: 'confirmed',
    attributes: {},
    ...patch,
  }) as Booking;
const signalOf = (args?: unknown[]) => (args?.at(-1) as { signal?: AbortSignal }).signal;
const refuse = (code: string) => () => Promise.reject({ code, message: `${code} message` });

/** Books a time (its answer has no key of its own), opens it to manage and cancels it. */
async function bookAndCancel(s: FlowStand): Promise<string | undefined> {
  await s.flow.selectSlot(SLOT);
  await s.flow.submit({ name: 'Ada', email: 'a@b.c' });
  s.flow.manage();
  void s.flow.cancel('');
  await new Promise((done) => setImmediate(done));
  const [, , , access] = s.called('performAction')[0] as [unknown, unknown, unknown, object];
  return (access as { customerToken?: string }).customerToken;
}

describe("the booking's key", () => {
  test("a manage link's refused key is not sent with the next booking's actions", async () => {
    const s = flowStand(
      {
        getBooking: refuse('not_found'),
        reserve: async () => HOLD,
        createBooking: async () => booked(),
        performAction: never,
      },
      { bookingId: 'bk_1', customerToken: 'bad', manageFromLink: true },
    );
    await s.flow.start();
    assert.equal(await bookAndCancel(s), undefined);
  });

  test("a new start forgets the last booking's key", async () => {
    let answer = booked({ customer_token: 'tok_1' });
    const s = flowStand({
      reserve: async () => HOLD,
      createBooking: async () => answer,
      performAction: never,
    });
    await s.flow.start();
    assert.equal(await bookAndCancel(s), 'tok_1');
    answer = booked();
    s.calls.length = 0;
    await s.flow.start();
    assert.equal(await bookAndCancel(s), undefined);
  });
});

test('a new start whose config fails keeps no settings of the last', async () => {
  let config: () => Promise<EmbedConfig> = async () =>
    ({
      name: 'Cut',
      availability: {},
      booking: { graph: 'instant' },
      customer_fields: {},
    }) as unknown as EmbedConfig;
  const s = flowStand({ projectConfig: () => config() }, { projectId: 'p', remoteConfig: true });
  await s.flow.start();
  assert.equal(s.flow.settings?.what, 'Cut');
  config = refuse('network_error');
  await s.flow.start();
  assert.deepEqual([s.flow.state.step, s.flow.settings], ['failed', undefined]);
});

test("typing into the form leaves the host's prefill as it was", async () => {
  const prefill = { name: 'Host' };
  const s = flowStand({ reserve: async () => HOLD }, { prefill });
  await s.flow.start();
  await s.flow.selectSlot(SLOT);
  const state = s.flow.state;
  assert.ok(state.step === 'details', state.step);
  // The form types into the values it is given.
  state.values.name = 'Visitor';
  assert.deepEqual(prefill, { name: 'Host' });
});

test("disposed: the chooser's loads are aborted", async () => {
  const s = flowStand();
  await s.flow.start();
  s.flow.dispose();
  const [, access] = s.called('availabilityDates')[0] as [unknown, { signal: AbortSignal }];
  assert.equal(access.signal.aborted, true);
});

test("the month's days asked for early are dropped when the config opens the classes", async () => {
  const config = {
    name: 'Yoga',
    availability: {},
    booking: { graph: 'group_customer' },
    customer_fields: {},
  } as unknown as EmbedConfig;
  const s = flowStand(
    { projectConfig: async () => config },
    { projectId: 'p', remoteConfig: true },
  );
  await s.flow.start();
  assert.equal(s.flow.state.step === 'choose' && s.flow.state.chooser, 'classes');
  const [, access] = s.called('availabilityDates')[0] as [unknown, { signal: AbortSignal }];
  assert.equal(access.signal.aborted, true);
});

describe('the flow itself: its clock, its listeners, its end', () => {
  test('clock offset and now are the client’s', () => {
    const s = flowStand({ clockOffsetMs: () => 1234 });
    assert.deepEqual([s.flow.serverNow(), s.flow.clockOffsetMs()], [NOW, 1234]);
  });

  test('unsubscribed or disposed: no more reports; what was in flight is aborted', async () => {
    const s = flowStand({ projectConfig: never }, { projectId: 'p', remoteConfig: true });
    const seen: string[] = [];
    const stop = s.flow.subscribe((report) => seen.push(report.kind));
    void s.flow.start();
    stop();
    s.flow.setTimeZone('UTC');
    assert.deepEqual(seen, ['state']);
    const before = s.states.length;
    s.flow.dispose();
    s.flow.setTimeZone('Europe/Oslo');
    assert.equal(s.states.length, before);
    assert.deepEqual(
      s.called('projectConfig').map((args) => signalOf(args)?.aborted),
      [true],
    );
  });
});
