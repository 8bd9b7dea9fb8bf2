// npm test: own process (it registers module resolve hooks, which are process-wide)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group, Hold } from '../../../src/schemas/index.ts';
import { watchImports } from '../import-watch.ts';
import type { FlowStand } from './flow-stand.ts';

/**
 * When a later part of the journey cannot be imported (the script tag's chunk, offline): the
 * step says the connection failed and keeps what it showed. The import watch makes flow.ts's
 * import of holding.ts fail in this file's process (the other parts import it themselves, so
 * they still load), which the node tests could not reach before (issue 17, flow.ts `partFailed`).
 */
watchImports([{ specifier: './holding.ts', from: '/src/flow/flow.ts' }], { offline: true });
const { choosing, flowStand, never } = await import('./flow-stand.ts');

const error = { code: 'network_error', message: 'Error: offline: ./holding.ts' };
const notice = { kind: 'problem', problem: error };
const GROUP = { id: 'grp_1', attributes: { group_booking: { max_seats: 4 } } } as Group;
const OFFER = {
  id: 'hold_1',
  state: 'reserved',
  expires_at: '2026-12-04T11:10:00Z',
  related: { owner_booking_id: 'grp_1' },
} as Hold;
const kinds = (s: FlowStand) => s.signals.map(({ type }) => type);

/** Whatever the step, `act` asks for the holding part: here, that fails. */
async function offline(s: FlowStand, act: () => Promise<void>) {
  const before = s.flow.state;
  const [signals, cues] = [s.signals.length, s.cues.length];
  await act();
  return { before, signals: s.signals.slice(signals), cues: s.cues.slice(cues) };
}

describe('a part that cannot come: the step says so and keeps what it showed', () => {
  test('on the chooser: the notice, not busy', async () => {
    const s = flowStand();
    await s.flow.start();
    const seen = await offline(s, () => s.flow.selectSlot({ start: 'a', end: 'b', resources: [] }));
    assert.deepEqual(s.flow.state, { ...choosing('2026-12'), busy: false, notice });
    assert.deepEqual(
      seen.signals.map(({ type }) => type),
      ['slot-chosen', 'error'],
    );
    assert.deepEqual(seen.signals[1]?.detail, { error });
    assert.deepEqual(seen.cues, [{ kind: 'notice', notice }]);
  });

  test('moving a booking: the notice on the picker; on the manage step, the error', async () => {
    const booking = { id: 'bk_1', state: 'confirmed', attributes: {} };
    const s = flowStand(
      { getBooking: async () => booking as never },
      { bookingId: 'bk_1', customerToken: 't' },
    );
    await s.flow.start();
    const manage = await offline(s, () => s.flow.refresh());
    assert.deepEqual(s.flow.state, { ...manage.before, busy: false, error });
    assert.deepEqual([kinds(s), manage.cues], [['error'], []]);
    s.flow.startReschedule();
    const moving = await offline(s, () => s.flow.refresh());
    assert.deepEqual(s.flow.state, { ...moving.before, busy: false, notice });
    assert.deepEqual(moving.cues, [{ kind: 'notice', notice }]);
  });

  test("an offer's form: what was typed kept on it, not submitting", async () => {
    const s = flowStand(
      { getHold: async () => OFFER, group: async () => GROUP },
      { holdId: 'hold_1', prefill: { name: 'P' } },
    );
    await s.flow.start();
    assert.equal(s.flow.state.step, 'details');
    const typed = { name: 'Ada' };
    const seen = await offline(s, () => s.flow.submit(typed));
    typed.name = 'changed later';
    assert.deepEqual(s.flow.state, {
      ...seen.before,
      values: { name: 'Ada' },
      submitting: false,
      error,
    });
    assert.deepEqual([seen.signals, seen.cues], [[{ type: 'error', detail: { error } }], []]);
  });

  test("the waitlist's form and its confirmation", async () => {
    const entry = { id: 'wl_1' };
    const s = flowStand(
      { joinWaitlist: async () => entry as never },
      { graph: 'group_customer', prefill: { name: 'P' } },
    );
    await s.flow.start();
    await s.flow.openWaitlist(GROUP, 1);
    const form = await offline(s, () => s.flow.submit({ name: 'not kept' }));
    assert.deepEqual(s.flow.state, {
      ...form.before,
      values: { name: 'P' },
      submitting: false,
      error,
    });
    await s.flow.joinWaitlist({ name: 'Cy', email: 'c@d.e' });
    assert.equal(s.flow.state.step, 'waitlisted');
    const joined = await offline(s, () => s.flow.extendHold());
    assert.deepEqual(s.flow.state, { ...joined.before, leaving: false, error });
    assert.deepEqual(joined.signals, [{ type: 'error', detail: { error } }]);
  });

  test('misconfigured or failed: reported, nothing more happens', async () => {
    const failing = () => Promise.reject({ code: 'network_error', message: 'down' });
    for (const s of [
      flowStand({}, { graph: 'nope' }),
      flowStand({ projectConfig: failing }, { projectId: 'p', remoteConfig: true }),
    ]) {
      await s.flow.start();
      // Not a chooser, nothing to refresh: no part is asked for, so nothing fails.
      const said = s.signals.length;
      await s.flow.selectClass(GROUP, 1);
      await s.flow.refresh();
      assert.equal(s.signals.length, said);
      const before = s.flow.state;
      const seen = await offline(s, () => s.flow.extendHold());
      assert.equal(s.flow.state, before);
      assert.deepEqual([seen.signals, seen.cues], [[{ type: 'error', detail: { error } }], []]);
    }
  });

  test('no booking to refresh on the manage step: no part asked for', async () => {
    const gone = () => Promise.reject({ code: 'not_found', message: 'gone' });
    const s = flowStand({ getBooking: gone }, { bookingId: 'bk_1', customerToken: 't' });
    await s.flow.start();
    const seen = await offline(s, () => s.flow.refresh());
    assert.deepEqual([s.flow.state, seen.signals], [seen.before, []]);
  });

  test('the next try imports again', async () => {
    const s = flowStand({ reserve: never });
    await s.flow.start();
    await s.flow.selectSlot({ start: 'a', end: 'b', resources: [] });
    await s.flow.selectSlot({ start: 'a', end: 'b', resources: [] });
    assert.deepEqual(
      kinds(s).filter((kind) => kind === 'error'),
      ['error', 'error'],
    );
  });
});
