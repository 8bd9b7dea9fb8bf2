import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking, Group } from '../../../src/schemas/index.ts';
import { flowStand, HOLD, never, SLOT } from './flow-stand.ts';

/**
 * BookingFlow asking again (refresh, retry, another zone) and the picker's month and day, over
 * a stand-in client (issue 17's survivors in flow.ts). The other intents: flow-steps.test.ts.
 */

const BOOKING = { id: 'bk_1', state: 'confirmed', attributes: {} } as Booking;

/** A booking opened to manage by its id and token. */
async function managing() {
  const s = flowStand(
    { getBooking: async () => BOOKING },
    { bookingId: 'bk_1', customerToken: 't' },
  );
  await s.flow.start();
  return s;
}

describe('the picker: another month, a day; the classes', () => {
  test("the classes' answer lands on the chooser, nothing announced", async () => {
    const group = { id: 'grp_1' } as Group;
    const s = flowStand({ groups: async () => [group] }, { graph: 'group_customer' });
    await s.flow.start();
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(s.flow.state, {
      step: 'choose',
      busy: false,
      chooser: 'classes',
      classes: { status: 'ready', value: [group] },
    });
    assert.deepEqual(s.cues, []);
  });

  test("another month: shown, its days asked for in the visitor's zone", async () => {
    const s = flowStand();
    await s.flow.start();
    s.flow.showMonth('2027-01');
    assert.equal(
      s.flow.state.step === 'choose' && 'picker' in s.flow.state && s.flow.state.picker.month,
      '2027-01',
    );
    const [request] = s.called('availabilityDates').at(-1) as [{ from: string; to: string }];
    assert.deepEqual(
      [request.from, request.to],
      ['2026-12-31T23:00:00.000Z', '2027-01-31T23:00:00.000Z'],
    );
  });

  test('a day: chosen, its times asked for', async () => {
    const s = flowStand();
    await s.flow.start();
    s.flow.selectDate('2026-12-07');
    assert.equal(
      s.flow.state.step === 'choose' && 'picker' in s.flow.state && s.flow.state.picker.date,
      '2026-12-07',
    );
    const [request] = s.called('availability')[0] as [{ from: string; to: string }];
    assert.deepEqual(
      [request.from, request.to],
      ['2026-12-06T23:00:00.000Z', '2026-12-07T23:00:00.000Z'],
    );
  });
});

describe('refresh, retry and the zone', () => {
  test('on the chooser, the choices are asked again; on a form, its hold', async () => {
    const s = flowStand({
      reserve: async () => HOLD,
      getHold: async () => HOLD,
    });
    await s.flow.start();
    await s.flow.refresh();
    await s.flow.retry();
    assert.equal(s.called('availabilityDates').length, 3);
    await s.flow.selectSlot(SLOT);
    await s.flow.refresh();
    assert.deepEqual(
      s.called('getHold').map(([id]) => id),
      ['hold_1'],
    );
  });

  test('retry on the chooser asks for its choices again, not for a new start', async () => {
    const s = flowStand(
      { projectConfig: async () => ({ name: 'Cut', booking: { graph: 'instant' } }) as never },
      {
        projectId: 'proj_1',
        remoteConfig: true,
      },
    );
    await s.flow.start();
    s.flow.showMonth('2027-03');
    const count = s.states.length;
    await s.flow.retry();
    assert.equal(s.called('projectConfig').length, 1);
    const steps = new Set(s.states.slice(count).map((state) => state.step));
    assert.deepEqual([...steps], ['choose'], 'the chooser all along, no loading step');
    const picker = 'picker' in s.flow.state ? s.flow.state.picker : undefined;
    assert.equal(picker?.month, '2027-03');
  });

  test("on a booking, the booking; before a booking's there, nothing", async () => {
    const s = await managing();
    await s.flow.refresh();
    assert.deepEqual(
      s.called('getBooking').map(([id]) => id),
      ['bk_1', 'bk_1'],
    );
    const loading = flowStand({ getBooking: never }, { bookingId: 'bk_1', customerToken: 't' });
    void loading.flow.start();
    await loading.flow.refresh();
    assert.equal(loading.called('getBooking').length, 1);
  });

  test('another zone: the same step shown again, its choices asked again in the zone', async () => {
    const s = flowStand();
    await s.flow.start();
    const [before, count] = [s.flow.state, s.states.length];
    s.flow.setTimeZone('America/New_York');
    assert.equal(s.flow.timeZone, 'America/New_York');
    assert.notEqual(s.states[count], before);
    assert.deepEqual(s.states[count], before);
    const [request] = s.called('availabilityDates').at(-1) as [{ output_timezone: string }];
    assert.equal(request.output_timezone, 'America/New_York');
  });

  test('another zone on a booking: the step shown again, for its times in the zone', async () => {
    const s = await managing();
    const [before, count] = [s.flow.state, s.states.length];
    s.flow.setTimeZone('UTC');
    assert.equal(s.states.length, count + 1);
    assert.notEqual(s.states[count], before);
    assert.deepEqual(s.states[count], before);
  });

  test('leaving the chooser aborts its loads', async () => {
    const s = flowStand({ reserve: async () => HOLD });
    await s.flow.start();
    await s.flow.selectSlot(SLOT);
    assert.equal(s.flow.state.step, 'details');
    const [, access] = s.called('availabilityDates')[0] as [unknown, { signal: AbortSignal }];
    assert.equal(access.signal.aborted, true);
  });
});
