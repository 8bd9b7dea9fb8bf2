/**
 * A client adopts the script tag's early request (src/sdk/early.ts) only when it sends the very
 * same request, once, through the default fetch; anything else, or an early request that failed,
 * and it sends its own, with the same answers and errors as if there had been no early request.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  SlotkitAbortError,
  SlotkitApiError,
  SlotkitSchemaError,
  createClient,
} from '../../../src/sdk/index.ts';
import { claimEarly, sendEarly } from '../../../src/sdk/early.ts';
import { engineWorld } from './fixtures.ts';
import {
  APP_KEY,
  BASE_URL,
  fakeFetch,
  hang,
  json,
  networkDown,
  ok,
  type Reply,
} from './helpers.ts';

const CONFIG = engineWorld().embed;
const CONFIG_URL = `${BASE_URL}/projects/embed/proj_barber`;
const auth = (key: string) => `Basic ${btoa(`:${key}`)}`;
/** The request the client sends for `projectConfig('proj_barber')`, as the script tag sends it. */
const configInit = (key = APP_KEY): RequestInit => ({
  method: 'GET',
  headers: { Accept: 'application/json', Authorization: auth(key) },
});

const realFetch = globalThis.fetch;
let network: ReturnType<typeof fakeFetch>;
/** The global fetch answers with `replies` in order; the client is left with the default fetch. */
const serve = (...replies: Reply[]) => {
  network = fakeFetch(...replies);
  globalThis.fetch = network.fetch;
};
const client = () => createClient({ baseUrl: BASE_URL, appKey: APP_KEY, retries: 0 });

describe('a client and the script tag’s early requests', () => {
  beforeEach(() => serve(ok(CONFIG)));
  afterEach(() => {
    // Whatever a test left unclaimed goes, so the next one starts clean.
    claimEarly(CONFIG_URL, configInit());
    claimEarly(CONFIG_URL, configInit('widget_test_other'));
    globalThis.fetch = realFetch;
  });

  test('the very same request: adopted, sent once, validated and returned', async () => {
    sendEarly(CONFIG_URL, configInit());
    assert.equal(network.calls.length, 1);
    assert.deepEqual(await client().projectConfig('proj_barber'), CONFIG);
    assert.equal(network.calls.length, 1, 'the client sent nothing of its own');
  });

  test('sending the same early request twice sends it once', async () => {
    sendEarly(CONFIG_URL, configInit());
    sendEarly(CONFIG_URL, configInit());
    assert.equal(network.calls.length, 1);
  });

  test('claimed once: a second client sends its own', async () => {
    sendEarly(CONFIG_URL, configInit());
    await client().projectConfig('proj_barber');
    assert.deepEqual(await client().projectConfig('proj_barber'), CONFIG);
    assert.equal(network.calls.length, 2);
  });

  test('another key, project or header: not adopted, the client sends its own', async () => {
    sendEarly(CONFIG_URL, configInit('widget_test_other'));
    sendEarly(`${BASE_URL}/projects/embed/proj_yoga`, configInit());
    sendEarly(CONFIG_URL, { ...configInit(), headers: { Authorization: auth(APP_KEY) } });
    assert.equal(network.calls.length, 3);
    assert.deepEqual(await client().projectConfig('proj_barber'), CONFIG);
    assert.equal(network.calls.length, 4);
    assert.equal(network.calls[3]!.headers.get('Authorization'), auth(APP_KEY));
    claimEarly(`${BASE_URL}/projects/embed/proj_yoga`, configInit());
    claimEarly(CONFIG_URL, { ...configInit(), headers: { Authorization: auth(APP_KEY) } });
  });

  test('another body: not adopted', async () => {
    const body = (from: string) =>
      JSON.stringify({ project_id: 'proj_barber', from, to: '2026-12-01T00:00:00.000Z' });
    serve(ok([{ date: '2026-11-27' }]));
    const init = (from: string): RequestInit => ({
      method: 'POST',
      headers: { ...configInit().headers, 'Content-Type': 'application/json' },
      body: body(from),
    });
    sendEarly(`${BASE_URL}/availability/dates`, init('2026-10-01T00:00:00.000Z'));
    const request = { project_id: 'proj_barber', from: '2026-11-01T00:00:00.000Z' };
    await client().availabilityDates({ ...request, to: '2026-12-01T00:00:00.000Z' });
    assert.equal(network.calls.length, 2);
    assert.equal(network.calls[1]!.body, body('2026-11-01T00:00:00.000Z'));
    // The same body: adopted.
    sendEarly(`${BASE_URL}/availability/dates`, init('2026-09-01T00:00:00.000Z'));
    await client().availabilityDates({
      project_id: 'proj_barber',
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    assert.equal(network.calls.length, 3);
    claimEarly(`${BASE_URL}/availability/dates`, init('2026-10-01T00:00:00.000Z'));
  });

  test('a client with its own fetch never adopts', async () => {
    sendEarly(CONFIG_URL, configInit());
    const own = fakeFetch(ok(CONFIG));
    const custom = createClient({ baseUrl: BASE_URL, appKey: APP_KEY, fetch: own.fetch });
    await custom.projectConfig('proj_barber');
    assert.equal(own.calls.length, 1);
  });

  test('an early request that failed: the client sends its own and gets its answer', async () => {
    serve(networkDown(), ok(CONFIG));
    sendEarly(CONFIG_URL, configInit());
    assert.deepEqual(await client().projectConfig('proj_barber'), CONFIG);
    assert.equal(network.calls.length, 2);
  });

  test('an early request that failed, and the own one too: the same network error', async () => {
    serve(networkDown());
    sendEarly(CONFIG_URL, configInit());
    await assert.rejects(client().projectConfig('proj_barber'), {
      name: 'SlotkitNetworkError',
      message: 'GET /projects/embed/:id: the network request failed',
    });
    assert.equal(network.calls.length, 2);
  });

  test('an early HTTP error surfaces as the client’s own would', async () => {
    serve(json(404, { error: { status: 404, code: 'not_found', message: 'No such project' } }));
    sendEarly(CONFIG_URL, configInit());
    const error = await client()
      .projectConfig('proj_barber')
      .catch((e: unknown) => e);
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
    assert.equal(network.calls.length, 1);
  });

  test('an adopted answer is validated like the client’s own', async () => {
    serve(ok({ id: 42 }));
    sendEarly(CONFIG_URL, configInit());
    await assert.rejects(client().projectConfig('proj_barber'), SlotkitSchemaError);
    assert.equal(network.calls.length, 1);
  });

  test('the caller aborts while the early answer is on its way: aborted, nothing sent', async () => {
    serve(hang);
    sendEarly(CONFIG_URL, configInit());
    const controller = new AbortController();
    const call = client().projectConfig('proj_barber', { signal: controller.signal });
    controller.abort();
    await assert.rejects(call, SlotkitAbortError);
    assert.equal(network.calls.length, 1);
  });

  test('the caller aborts while the early answer’s body is read: aborted, not returned', async () => {
    // fetch's own body would stop with the signal; an adopted one, sent without it, reads on.
    let reading!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bytes = new TextEncoder().encode(JSON.stringify({ data: CONFIG }));
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(stream) {
          reading();
          await gate;
          stream.enqueue(bytes);
          stream.close();
        },
      },
      { highWaterMark: 0 },
    );
    serve(() => new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    sendEarly(CONFIG_URL, configInit());
    const controller = new AbortController();
    const call = client().projectConfig('proj_barber', { signal: controller.signal });
    await started;
    controller.abort();
    release();
    await assert.rejects(call, SlotkitAbortError);
    assert.equal(network.calls.length, 1, 'nothing sent again');
  });
});
