// npm test: own process (it registers a module resolve hook, which is process-wide)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { watchImports } from '../import-watch.ts';

/**
 * A new client fetches the later steps' schemas (later-schemas.ts) when the browser is next
 * idle, so the visitor's first hold seldom waits for them; and not before.
 */
const { resolved, reported } = watchImports();
const { createClient } = await import('../../../src/sdk/client.ts');

const laterLoaded = () => resolved.some((url) => url.endsWith('/src/sdk/later-schemas.ts'));

test('a new client fetches the later schemas when the browser is idle, not before', async () => {
  const idle: Array<() => void> = [];
  globalThis.requestIdleCallback = (run: IdleRequestCallback) =>
    idle.push(() => run({ didTimeout: false, timeRemaining: () => 50 }));
  try {
    createClient({ baseUrl: 'https://api.slotkit.test/v2', appKey: 'widget_test_barber' });
    assert.equal(idle.length, 1, 'it asks for the next idle moment');
    await reported();
    assert.equal(laterLoaded(), false, 'nothing fetched before the browser is idle');
    idle[0]!();
    await reported();
    assert.equal(laterLoaded(), true, 'fetched once it is');
  } finally {
    delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
  }
});
