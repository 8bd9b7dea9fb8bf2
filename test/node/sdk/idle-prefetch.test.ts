// npm test: own process (it registers a module resolve hook, which is process-wide)
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';

/**
 * A new client fetches the later steps' schemas (later-schemas.ts) when the browser is next
 * idle, so the visitor's first hold seldom waits for them; and not before. watch-hook.mjs
 * reports each module the process resolves.
 */
const { port1, port2 } = new MessageChannel();
const resolved: string[] = [];
port1.on('message', (url: string) => resolved.push(url));
port1.unref();
register('./watch-hook.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const { createClient } = await import('../../../src/sdk/client.ts');

let marks = 0;
/** Resolves once every module resolved so far has been reported: the hook reports in order. */
async function reported(): Promise<void> {
  const mark = `data:text/javascript,export default ${++marks}`;
  await import(mark);
  while (!resolved.includes(mark)) await new Promise((resolve) => setTimeout(resolve, 5));
}
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
