import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { NOW } from './harness.ts';

/**
 * The real server stops reading a body past the largest one any endpoint takes (a 32 MB
 * snapshot). A page of any origin may POST text/plain to 127.0.0.1 without a preflight, so
 * without this cap one fetch of a few GB made the mock buffer all of it before any handler could
 * refuse it.
 */

const LIMIT = 32 * 1024 * 1024;
const REFUSAL = {
  error: {
    status: 422,
    code: 'validation_failed',
    message: 'The request body is over 32 MB.',
    details: [{ path: '(body)', message: `must be at most 32 MB (${LIMIT} bytes)` }],
  },
};

describe('bodies over 32 MB', () => {
  let server: RunningServer;
  let port: string;
  before(async () => {
    server = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
    port = new URL(server.url).port;
  });
  after(() => server.close());

  /** Sends the headers and `chunks` chunks of the body, never its end; waits for an answer (or 3 s). */
  function post(headers: Record<string, string>, chunks: number, chunkBytes = 1024 * 1024) {
    return new Promise<{ status: number; body: unknown } | 'no answer'>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, path: '/v2/bookings', method: 'POST', headers },
        (incoming) => {
          const parts: Buffer[] = [];
          incoming.on('data', (part: Buffer) => parts.push(part));
          incoming.on('end', () => {
            outgoing.destroy();
            resolve({
              status: incoming.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(parts).toString('utf8')),
            });
          });
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
      const chunk = Buffer.alloc(chunkBytes, 0x20);
      for (let index = 0; index < chunks; index += 1) outgoing.write(chunk);
      setTimeout(() => {
        outgoing.destroy();
        resolve('no answer');
      }, 3000).unref();
    });
  }

  test('a declared length over the cap is refused before the body arrives', async () => {
    const answer = await post(
      { 'Content-Type': 'text/plain', 'Content-Length': String(4 * 1024 * 1024 * 1024) },
      1,
      1024,
    );
    assert.deepEqual(answer, { status: 422, body: REFUSAL });
  });

  test('a body of exactly the cap is read, and answered by its endpoint', async () => {
    // A cap counted with >= instead of > refuses the largest snapshot the endpoint takes.
    const head = '{"version":1,"store":"';
    const text = head + 'x'.repeat(LIMIT - head.length - 2) + '"}';
    assert.equal(Buffer.byteLength(text), LIMIT);
    const response = await fetch(`${server.url}/_mock/snapshot`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: text,
    });
    assert.equal(response.status, 422);
    assert.equal(
      ((await response.json()) as { error: { message: string } }).error.message,
      'Not a slotkit snapshot (version 1).',
    );
  });

  test('a body without a length is refused once past the cap', async () => {
    // 33 chunks of 1 MB and no end: only a server that counts as it reads can answer.
    const answer = await post({ 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' }, 33);
    assert.deepEqual(answer, { status: 422, body: REFUSAL });
  });
});
