/**
 * Every endpoint hands the caller's AbortSignal to its request: a widget that leaves a step
 * aborts what that step asked for. Written after mutation testing showed that dropping the
 * options of getHold, leaveWaitlist, projectConfig, graphs and graph went unnoticed
 * (docs/testing.md).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SlotkitAbortError, type SlotkitClient } from '../../../src/sdk/index.ts';
import { clientWith, failure, hang } from './helpers.ts';

const AT = '2026-11-23T08:00:00Z';
const END = '2026-11-23T08:30:00Z';
const customer = { name: 'Ada', email: 'ada@example.test' };

type Row = [name: string, call: (client: SlotkitClient, signal: AbortSignal) => Promise<unknown>];

const rows: Row[] = [
  ['availability', (c, signal) => c.availability({ project_id: 'p' }, { signal })],
  ['availabilityDates', (c, signal) => c.availabilityDates({ project_id: 'p' }, { signal })],
  ['groups', (c, signal) => c.groups({}, { signal })],
  ['group', (c, signal) => c.group('cls_1', { signal })],
  ['reserve', (c, signal) => c.reserve({ resource_id: 'r', start: AT, end: END }, { signal })],
  ['extendHold', (c, signal) => c.extendHold('hold_1', { signal })],
  ['releaseHold', (c, signal) => c.releaseHold('hold_1', { signal })],
  ['getHold', (c, signal) => c.getHold('hold_1', { signal })],
  ['createBooking', (c, signal) => c.createBooking({ graph: 'instant' }, { signal })],
  ['getBooking', (c, signal) => c.getBooking('bk_1', { signal })],
  ['performAction', (c, signal) => c.performAction('bk_1', 'pay', {}, { signal })],
  ['reschedule', (c, signal) => c.reschedule('bk_1', { start: AT, end: END }, { signal })],
  [
    'joinWaitlist',
    (c, signal) => c.joinWaitlist({ related: { owner_booking_id: 'c' }, customer }, { signal }),
  ],
  ['getWaitlistEntry', (c, signal) => c.getWaitlistEntry('wl_1', { signal })],
  ['leaveWaitlist', (c, signal) => c.leaveWaitlist('wl_1', { signal })],
  ['projectConfig', (c, signal) => c.projectConfig('proj_barber', { signal })],
  ['graphs', (c, signal) => c.graphs({ signal })],
  ['graph', (c, signal) => c.graph('instant', { signal })],
  ['resources', (c, signal) => c.resources({ signal })],
];

describe("the caller's signal reaches every endpoint's request", () => {
  for (const [name, call] of rows) {
    test(`${name}: aborting ends the hanging request with an abort error`, async () => {
      // Only the caller's abort can end the hanging request in time.
      const { client, calls } = clientWith([hang], { timeoutMs: 5_000 });
      const controller = new AbortController();
      const pending = failure(call(client, controller.signal));
      // Abort once the request is out (a route may first load its response schema).
      while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort(new Error('the visitor left the step'));
      const error = await pending;
      assert.ok(error instanceof SlotkitAbortError, `${name}: ${String(error)}`);
      assert.equal(calls.length, 1, `${name} sent one request`);
    });
  }
});
