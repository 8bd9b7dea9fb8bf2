import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, bookOnEngine } from './harness.ts';

/**
 * The real HTTP server's edges (src/mock/server.ts): its default address, IPv6, the refusal's
 * media type, what makes it write the data file, and that close() does not wait for idle
 * connections. Each test names the bug it catches; the planted versions passed every other test.
 */

/** One request with exactly these headers; the answer's status, headers and text. */
function raw(url: string, method: string, headers: Record<string, string> = {}, body?: string) {
  const target = new URL(url);
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname.replace(/^\[|\]$/g, ''),
          port: target.port,
          path: target.pathname + target.search,
          method,
          headers,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    },
  );
}

describe('where it listens', () => {
  test('on 127.0.0.1 unless told; a refused Host and an unknown path are told why in JSON', async () => {
    const server = await startHttpServer({ port: 0, seed: 'empty' });
    try {
      const { port } = new URL(server.url);
      assert.equal(server.url, `http://127.0.0.1:${port}/v2`);
      const refused = await raw(`${server.url}/bookings/graphs`, 'GET', { Host: 'evil.example' });
      assert.equal(refused.status, 421);
      assert.equal(refused.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(refused.text), {
        error: {
          status: 421,
          code: 'misdirected_request',
          message: `This server answers only as 127.0.0.1:${port} or localhost:${port}, not "evil.example".`,
        },
      });
      const unknown = await raw(`${server.url}/nothing/here`, 'DELETE');
      assert.equal(unknown.status, 404);
      assert.deepEqual(JSON.parse(unknown.text), {
        error: { status: 404, code: 'not_found', message: 'No endpoint DELETE /v2/nothing/here' },
      });
    } finally {
      await server.close();
    }
  });

  test('on IPv6 loopback: the URL has brackets and the bracketed Host is served', async () => {
    const server = await startHttpServer({ port: 0, host: '::1', seed: 'demo' });
    try {
      const { port } = new URL(server.url);
      assert.equal(server.url, `http://[::1]:${port}/v2`);
      const answer = await raw(`${server.url}/bookings/graphs`, 'GET', {
        Host: `[::1]:${port}`,
        Authorization: basic(KEYS.barber),
      });
      assert.equal(answer.status, 200);
    } finally {
      await server.close();
    }
  });

  test('close() does not wait for a kept-alive connection to go idle', async () => {
    const server = await startHttpServer({ port: 0, seed: 'demo' });
    // fetch keeps the connection open for reuse.
    const response = await fetch(`${server.url}/bookings/graphs`, {
      headers: { Authorization: basic(KEYS.barber) },
    });
    assert.equal(response.status, 200);
    await response.text();
    const closed = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((done) => setTimeout(() => done('waiting'), 1500).unref()),
    ]);
    assert.equal(closed, 'closed');
  });
});

describe('what writes the data file', () => {
  const root = mkdtempSync(join(tmpdir(), 'slotkit-server-edges-'));
  const path = join(root, 'data.json');
  let server: RunningServer;
  before(async () => {
    server = await startHttpServer({
      port: 0,
      seed: 'demo',
      clock: new ManualClock(NOW),
      dataFile: path,
    });
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  const saved = () => readFileSync(path, 'utf8');
  const json = { 'Content-Type': 'application/json' };
  /** Real time passes, so a rewrite would change `offset_ms` even when nothing else changed. */
  const tick = () => new Promise((done) => setTimeout(done, 5));

  test('a clock move is saved although the store did not change', async () => {
    const moved = await raw(`${server.url}/_mock/clock`, 'POST', json, '{"advance":"1 hour"}');
    assert.equal(moved.status, 200);
    assert.equal(JSON.parse(saved()).clock.now, '2026-11-26T13:00:00.000Z');
  });

  test('reads, preflights and refused writes leave the file as it was', async () => {
    const before = saved();
    for (const [method, path, body] of [
      ['GET', '/_mock/clock', undefined],
      ['OPTIONS', '/bookings', undefined],
      ['POST', '/_mock/clock', '{"advance":"soon"}'],
    ] as const) {
      await tick();
      const answer = await raw(`${server.url}${path}`, method, json, body);
      assert.ok(
        answer.status < 300 || answer.status === 422,
        `${method} ${path}: ${answer.status}`,
      );
      assert.equal(saved(), before, `${method} ${path}`);
    }
  });
});

describe('webhooks', () => {
  test('are sent by the server’s own poll, without a flush, and no more after close()', async () => {
    let received = 0;
    const receiver = createServer((request, response) => {
      received += 1;
      request.resume();
      response.end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    try {
      const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
      const server = await startHttpServer({
        port: 0,
        seed: 'demo',
        clock: new ManualClock(NOW),
        webhookDelivery: { pollMs: 20 },
      });
      const owner = { Authorization: basic(KEYS.owner), 'Content-Type': 'application/json' };
      const book = (hour: number) => bookOnEngine(server.api.engine, hour);
      const waitFor = async (count: number) => {
        for (let waited = 0; received < count && waited < 3000; waited += 20) {
          await new Promise((done) => setTimeout(done, 20));
        }
      };
      try {
        const created = await raw(
          `${server.url}/webhooks`,
          'POST',
          owner,
          JSON.stringify({ url: hooks, events: ['booking.confirmed'] }),
        );
        assert.equal(created.status, 201);
        book(24);
        await waitFor(1);
        assert.equal(received, 1);
      } finally {
        await server.close();
      }
      book(26);
      await new Promise((done) => setTimeout(done, 200));
      assert.equal(received, 1);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((done) => receiver.close(() => done()));
    }
  });
});
