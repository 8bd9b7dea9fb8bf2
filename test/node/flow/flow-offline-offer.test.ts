// npm test: own process (it registers module resolve hooks, which are process-wide)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchImports } from '../import-watch.ts';

/**
 * A waitlist offer's link when the waitlist's part cannot be imported (the import watch, in
 * this file's process): before any step of the journey, so the chooser opens, saying why
 * (issue 17, flow.ts `partFailed`). The other steps: flow-offline.test.ts.
 */
watchImports([{ specifier: './waitlist.ts', from: '/src/flow/flow.ts' }], { offline: true });
const { choosing, flowStand } = await import('./flow-stand.ts');

test("an offer's link offline: the chooser on this month, the problem on it", async () => {
  const s = flowStand({}, { holdId: 'hold_1' });
  await s.flow.start();
  const error = { code: 'network_error', message: 'Error: offline: ./waitlist.ts' };
  const notice = { kind: 'problem', problem: error };
  assert.deepEqual(s.flow.state, choosing('2026-12', notice));
  assert.deepEqual(s.states[0], { step: 'loading' });
  assert.deepEqual(
    s.signals.map(({ type }) => type),
    ['error', 'availability-loading'],
  );
  assert.deepEqual(s.signals[0]?.detail, { error });
  assert.deepEqual(s.cues, [{ kind: 'notice', notice }]);
  assert.deepEqual(
    s.calls.map(({ name }) => name),
    ['availabilityDates'],
  );
});
