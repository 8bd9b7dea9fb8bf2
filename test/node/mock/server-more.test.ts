import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/engine/index.ts';
import { fetchHeaders, ownHosts, startHttpServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, bookOnEngine } from './harness.ts';

/**
 * The real HTTP server's edges that a request alone does not reach (src/mock/server.ts): port
 * 80's Host values, the copy of a header Node leaves as an array, the default port, the data
 * file's idle save, and a failure after the status line went out. Each test names the bug it
 * catches; the planted versions passed every other mock test.
 */

describe('the Host values it answers to', () => {
  // A browser leaves the port out of Host on port 80: without the bare names, `npm run api`
  // with PORT=80 would refuse every request from http://localhost/ with 421.
  test('on port 80 the bare name and localhost too; on any other port, with the port only', () => {
    assert.deepEqual(
      ownHosts('127.0.0.1', 80),
      new Set(['127.0.0.1:80', 'localhost:80', '127.0.0.1', 'localhost']),
    );
    assert.deepEqual(
      ownHosts('::1', 80),
      new Set(['[::1]:80', 'localhost:80', '[::1]', 'localhost']),
    );
    assert.deepEqual(ownHosts('127.0.0.1', 8080), new Set(['127.0.0.1:8080', 'localhost:8080']));
  });
});

describe('the headers a handler reads', () => {
  // Node gives `set-cookie` as an array: keeping only the first would drop the rest unseen.
  test('an array is joined with ", " as fetch joins a repeated header; the rest are copied', () => {
    const headers = fetchHeaders({
      'set-cookie': ['a=1', 'b=2'],
      authorization: basic(KEYS.owner),
      'x-unset': undefined,
    });
    assert.equal(headers.get('set-cookie'), 'a=1, b=2');
    assert.equal(headers.get('authorization'), basic(KEYS.owner));
    assert.equal(headers.has('x-unset'), false);
  });
});

describe('where it listens by default', () => {
  // 8787 is what the README and docs/api.md call. Asked of listen() and then replaced by 0:
  // a test must not take a fixed port beside other work.
  test('port 8787 when none is given', async () => {
    const listen = Server.prototype.listen;
    const asked: unknown[] = [];
    const spy = mock.method(Server.prototype, 'listen', function (this: Server, ...args: any[]) {
      asked.push(args[0]);
      return listen.call(this, 0, ...args.slice(1));
    });
    try {
      const server = await startHttpServer({ seed: 'empty' });
      await server.close();
    } finally {
      spy.mock.restore();
    }
    assert.deepEqual(asked, [8787]);
  });
});

describe('close()', () => {
  // Node's close() drops idle connections itself, but waits for one whose request is still
  // coming in: a client that stalls mid-body would keep `npm run api` from stopping.
  test('does not wait for a request whose body is still coming in', async () => {
    const server = await startHttpServer({ port: 0, seed: 'demo' });
    // The cut request is logged as aborted: not this test's business, nor the next one's.
    const logged = mock.method(console, 'error', () => {});
    const target = new URL(server.url);
    const stalled = httpRequest({
      host: target.hostname,
      port: target.port,
      path: '/v2/bookings',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '100' },
    });
    stalled.on('error', () => {});
    stalled.write('{"graph":');
    await new Promise<void>((done) =>
      stalled.once('socket', (socket) => socket.once('connect', done)),
    );
    await new Promise((done) => setTimeout(done, 100));
    const closed = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((done) => setTimeout(() => done('waiting'), 1500).unref()),
    ]);
    stalled.destroy();
    await new Promise((done) => setTimeout(done, 50));
    logged.mock.restore();
    assert.equal(closed, 'closed');
  });
});

/** A server saving to `path`, its webhooks sent only on flush(): for the idle save's timer. */
const idleServer = (path: string) =>
  startHttpServer({
    port: 0,
    seed: 'demo',
    clock: new ManualClock(NOW),
    dataFile: path,
    webhookDelivery: { pollMs: 0 },
  });

describe('the data file between requests', () => {
  // A change no request made (a hold expiring, a deadline passing) must reach the disk within
  // 5 s, and a closed server must stop writing a file the next one may already own.
  test('a change no request made is saved every 5 s, and not after close()', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slotkit-idle-save-'));
    const path = join(root, 'data.json');
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      const server = await idleServer(path);
      const saved = () => readFileSync(path, 'utf8');
      let closed = false;
      try {
        const first = bookOnEngine(server.api.engine, 24).id;
        mock.timers.tick(4999);
        assert.doesNotMatch(saved(), new RegExp(first), 'saved before 5 s');
        mock.timers.tick(1);
        assert.match(saved(), new RegExp(first), 'not saved at 5 s');
        await server.close();
        closed = true;
        const second = bookOnEngine(server.api.engine, 26).id;
        mock.timers.tick(15_000);
        assert.doesNotMatch(saved(), new RegExp(second), 'saved after close()');
      } finally {
        if (!closed) await server.close();
      }
    } finally {
      mock.timers.reset();
      rmSync(root, { recursive: true, force: true });
    }
  });
  test('a save that fails while nobody asks is logged with the file, not thrown out of the timer', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const logged = t.mock.method(console, 'error', () => {});
    const dir = mkdtempSync(join(tmpdir(), 'slotkit-idle-'));
    const path = join(dir, 'data.json');
    const server = await idleServer(path);
    try {
      bookOnEngine(server.api.engine, 30);
      rmSync(dir, { recursive: true, force: true });
      t.mock.timers.tick(5000);
      // Node's own warning that MockTimers is experimental goes to console.error too.
      const ours = logged.mock.calls.filter((call) =>
        String(call.arguments[0]).startsWith('[slotkit api]'),
      );
      assert.deepEqual(
        ours.map((call) => call.arguments[0]),
        [`[slotkit api] could not save ${path}:`],
      );
    } finally {
      await server.close();
    }
  });
});

describe('a failure after the status line went out', () => {
  /** A GET with its status and what became of the connection. */
  const get = (url: string) =>
    new Promise<{ status: number; text: string; ended: 'end' | 'error' }>((resolve) => {
      let status = 0;
      let text = '';
      const outgoing = httpRequest(url, { headers: { Authorization: basic(KEYS.barber) } });
      outgoing.on('response', (incoming) => {
        status = incoming.statusCode ?? 0;
        incoming.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        incoming.on('end', () => resolve({ status, text, ended: 'end' }));
        incoming.on('error', () => resolve({ status, text, ended: 'error' }));
      });
      outgoing.on('error', () => resolve({ status, text, ended: 'error' }));
      outgoing.end();
    });

  // The answer's Content-Length went out with the status: end() there left the client waiting
  // for a body that never came, on a kept-alive connection, until its own timeout.
  test('the connection is cut, so the client knows at once; the server goes on answering', async () => {
    const server = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
    const logged = mock.method(console, 'error', () => {});
    // The body is read only after writeHead(): failing there is an error after the headers.
    const arrayBuffer = mock.method(Response.prototype, 'arrayBuffer', async () => {
      throw new Error('the body failed');
    });
    try {
      const failed = await Promise.race([
        get(`${server.url}/bookings/graphs`),
        new Promise((done) => setTimeout(() => done('hanging'), 2000).unref()),
      ]);
      arrayBuffer.mock.restore();
      // Whether the status line reached the socket before the cut is Node's business.
      assert.equal((failed as { ended: string }).ended, 'error');
      assert.deepEqual(
        logged.mock.calls.map(({ arguments: [label, error] }) => [label, (error as Error).message]),
        [['[slotkit api]', 'the body failed']],
      );
      const next = await get(`${server.url}/bookings/graphs`);
      assert.equal(next.status, 200);
      assert.ok(JSON.parse(next.text).data.length > 0, 'JSON.parse(next.text).data.length > 0');
    } finally {
      arrayBuffer.mock.restore();
      logged.mock.restore();
      await server.close();
    }
  });
});
