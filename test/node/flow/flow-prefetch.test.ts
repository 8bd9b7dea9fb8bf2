// npm test: own process (it registers a module resolve hook, which is process-wide)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { watchImports } from '../import-watch.ts';

/**
 * BookingFlow.prefetch: once the choices are on screen, the code of the steps after the choice
 * (the hold and form, the booking's steps) is imported ahead of need; the waitlist's is not,
 * as most visitors never meet a full class. Nothing of the three is imported before.
 */
const { resolved, reported } = watchImports();
const { flowStand } = await import('./flow-stand.ts');

const PARTS = ['holding.ts', 'after-booking.ts', 'waitlist.ts'];
/** The later parts of src/flow the process has imported so far, in PARTS' order. */
async function partsImported(): Promise<string[]> {
  await reported();
  return PARTS.filter((part) => resolved.some((url) => url.endsWith(`/src/flow/${part}`)));
}

test('the hold and the booking steps are imported on prefetch, not before; the waitlist not', async () => {
  const s = flowStand();
  await s.flow.start();
  assert.deepEqual(await partsImported(), [], 'the chooser needs none of them');
  s.flow.prefetch();
  assert.deepEqual(await partsImported(), ['holding.ts', 'after-booking.ts']);
});
