import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError, ManualClock } from '../../../src/engine/index.ts';
import { createMockApi } from '../../../src/mock/api.ts';
import type { MockSnapshot } from '../../../src/mock/handlers/mock-control.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { NOW } from './harness.ts';

/**
 * What Stryker's run on src/mock/api.ts and server.ts (6 December, night) found no mock test
 * reading: a request without a Host header, a HEAD request, a port already taken, a failed
 * save (the idle one's in server-more.test.ts), and snapshots that are no snapshot at all. Each mutant it names passed every other mock
 * test.
 */

/** Sends `text` as it is on a raw socket and resolves with everything the server answers. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('the real server', () => {
  let server: RunningServer;
  let port: number;
  before(async () => {
    server = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
    port = Number(new URL(server.url).port);
  });
  after(() => server.close());

  test('a request without a Host header is refused, naming the empty host', async () => {
    // HTTP/1.0 needs no Host; the refusal must say what came, not a default of its own.
    const answer = await rawExchange(port, 'GET /v2/resources HTTP/1.0\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 421 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assert.equal(
      body.error.message,
      `This server answers only as 127.0.0.1:${port} or localhost:${port}, not "".`,
    );
  });

  test('HEAD is answered as an unknown endpoint, not as a failure', async () => {
    // A HEAD request must get no body: given one, Request throws and the server answered 500.
    const response = await fetch(`${server.url}/resources`, { method: 'HEAD' });
    assert.equal(response.status, 404);
  });

  test('an upload the client abandons ends its request, logged, instead of waiting forever', async (t) => {
    // Without a listener for the request's error, Node drops it and the body's promise never
    // settles: each abandoned upload would hold its request in memory for good.
    const logged = t.mock.method(console, 'error', () => {});
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(
        'POST /v2/bookings HTTP/1.1\r\nHost: 127.0.0.1:' +
          `${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"gr`,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    for (let wait = 0; wait < 100 && logged.mock.callCount() === 0; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(logged.mock.callCount(), 1);
    assert.equal(logged.mock.calls[0]!.arguments[0], '[slotkit api]');
    assert.equal((logged.mock.calls[0]!.arguments[1] as NodeJS.ErrnoException).code, 'ECONNRESET');
  });

  test('a port already taken: start() rejects with the system’s reason', async () => {
    await assert.rejects(startHttpServer({ port, seed: 'empty' }), { code: 'EADDRINUSE' });
  });
});

describe('a data file that cannot be written', () => {
  let server: RunningServer;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotkit-unwritable-'));
    server = await startHttpServer({
      port: 0,
      seed: 'demo',
      clock: new ManualClock(NOW),
      dataFile: join(dir, 'data.json'),
    });
  });
  after(() => server.close());

  test('a change that cannot be saved is answered 500 with the mock’s words', async (t) => {
    t.mock.method(console, 'error', () => {});
    rmSync(dir, { recursive: true, force: true });
    const response = await fetch(`${server.url}/_mock/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), {
      error: { status: 500, code: 'internal_error', message: 'The mock server failed.' },
    });
  });
});

describe('MockApi.restore with what is no snapshot', () => {
  const refusal = (message: string) => (error: unknown) =>
    error instanceof EngineError && error.message === message;

  for (const [name, value] of [
    ['null', null],
    ['no store', { version: 1 }],
  ] as const) {
    test(`${name}: refused as not a snapshot, in the engine's words`, () => {
      const api = createMockApi({ seed: 'demo' });
      assert.throws(
        () => api.restore(value as unknown as MockSnapshot),
        refusal('Not a slotkit snapshot (version 1).'),
      );
    });
  }

  test('a store the engine fails on is refused with the reason, the data unchanged', () => {
    const api = createMockApi({ seed: 'demo' });
    const before = JSON.stringify(api.snapshot().store);
    const store = {
      version: 1,
      get projects(): never {
        throw new Error('unreadable');
      },
    };
    assert.throws(
      () => api.restore({ version: 1, store } as unknown as MockSnapshot),
      refusal('The snapshot could not be loaded: unreadable'),
    );
    assert.equal(JSON.stringify(api.snapshot().store), before);
  });
});
