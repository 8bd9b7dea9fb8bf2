import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApi } from '../../../src/mock/api.ts';
import {
  endpoint,
  mockGuard,
  searchFilters,
  withQuery,
  type Access,
} from '../../../src/mock/http.ts';
import type { RateLimits } from '../../../src/mock/rate-limit.ts';
import { BASE, KEYS, basic } from './harness.ts';

/**
 * What Stryker's run on src/mock/http.ts (5 December, night) found no mock test reading: the
 * exact forms of an Authorization header, a body's byte-order mark, a DELETE's body, the
 * refusals' words, and Timekit's `search=` filters. Each mutant it names passed every other
 * mock test.
 */

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Runs a resolver on a request in this process, as msw would (no server needed). */
async function resolve(resolver: ReturnType<typeof endpoint>, request: Request) {
  return (await resolver({
    request,
    params: {},
    cookies: {},
    requestId: 'mutants',
  } as never)) as Response;
}

/** An endpoint that answers with who called and what body it read. */
function echo(access: Access = 'public', options = {}, rateLimits?: RateLimits) {
  const api = createMockApi({ seed: 'demo', ...(rateLimits ? { rateLimits } : {}) });
  const resolver = endpoint(
    api,
    access,
    ({ actor, body }) => ({ data: { role: actor.role, body: body ?? null } }),
    options,
  );
  return async (init: RequestInit & { path?: string } = {}) => {
    const request = new Request(`${BASE}${init.path ?? '/echo'}`, init);
    const response = await resolve(resolver, request);
    return { status: response.status, headers: response.headers, json: await response.json() };
  };
}

const refusedWith = (message: string, status = 401) => ({ status, message });
const refusal = ({ status, json }: { status: number; json: any }) => ({
  status,
  message: json.error?.message,
});

describe('the Authorization header', () => {
  const call = echo();

  test('Basic with two spaces before the key, or a one-letter user before the colon, is read', async () => {
    // Mutants: `\s+` to `\s`; `colon === -1` to `colon === +1` ("u:key" read whole).
    for (const header of [
      `Basic  ${b64(`:${KEYS.barber}`)}`,
      `Basic ${b64(`u:${KEYS.barber}`)}`,
      `basic ${b64(KEYS.barber)}`,
    ]) {
      const answer = await call({ headers: { Authorization: header } });
      assert.equal(answer.status, 200, header);
      assert.equal(answer.json.data.role, 'public', header);
    }
  });

  test('anything before "Basic" or after the key makes it no key at all', async () => {
    // Mutants: the pattern without `^`, without `$`, or `\s*$` as `\S*$`.
    for (const header of [
      `Token Basic ${b64(`:${KEYS.barber}`)}`,
      `Basic ${b64(`:${KEYS.barber}`)}!`,
      `Basic ${b64(`:${KEYS.barber}`)} x`,
    ]) {
      assert.deepEqual(
        refusal(await call({ headers: { Authorization: header } })),
        refusedWith('The key is not valid for this API.'),
        header,
      );
    }
  });

  test('a malformed header and an empty X-API-KEY name the same (empty) key: not valid', async () => {
    // Mutants: the malformed header's key, `''`, to another string: then the two headers
    // would name different keys, a refusal that sends the caller after the wrong fault.
    for (const header of ['Bearer abc', 'Basic a']) {
      assert.deepEqual(
        refusal(await call({ headers: { Authorization: header, 'X-API-KEY': '' } })),
        refusedWith('The key is not valid for this API.'),
        header,
      );
    }
  });

  test('no key at all: the refusal says how to send one', async () => {
    assert.deepEqual(
      refusal(await call()),
      refusedWith('Authorization is required: Basic base64(":" + key), or the key in X-API-KEY.'),
    );
  });
});

describe('the body', () => {
  const call = echo('public');
  const auth = { Authorization: basic(KEYS.barber), 'Content-Type': 'application/json' };

  test('a UTF-8 byte-order mark before the JSON is dropped, not refused', async () => {
    // Mutant: `ignoreBOM: false` to `true` (the mark stays, JSON.parse fails).
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    const answer = await call({ method: 'POST', headers: auth, body });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json.data.body, { a: 1 });
  });

  test('bytes that are not UTF-8 are refused with the field and words that say so', async () => {
    const answer = await call({ method: 'POST', headers: auth, body: Buffer.from([0x7b, 0xff]) });
    assert.equal(answer.status, 422);
    assert.equal(answer.json.error.message, 'The request body is not valid UTF-8.');
    assert.deepEqual(answer.json.error.details, [
      { path: '(body)', message: 'must be UTF-8 encoded JSON' },
    ]);
  });

  test('GET, HEAD and DELETE bodies are not read: the work sees none', async () => {
    // Mutants: each method's test to `false` or to `""` (a body is read, `{}` or refused).
    for (const method of ['GET', 'HEAD']) {
      const answer = await call({ method, headers: auth });
      assert.deepEqual([answer.status, answer.json.data.body], [200, null], method);
    }
    const answer = await call({ method: 'DELETE', headers: auth, body: 'not json' });
    assert.deepEqual([answer.status, answer.json.data.body], [200, null], 'DELETE');
  });

  test('a body over a cap of megabytes says so in megabytes', async () => {
    // The snapshot PUT's cap is 32 MB; any cap of whole megabytes is written the same way.
    const big = echo('public', { maxBodyBytes: 1024 * 1024 });
    const answer = await big({ method: 'POST', headers: auth, body: 'x'.repeat(1024 * 1024 + 1) });
    assert.equal(answer.status, 422);
    assert.equal(answer.json.error.message, 'The request body is over 1 MB.');
    assert.deepEqual(answer.json.error.details, [
      { path: '(body)', message: 'must be at most 1 MB (1048576 bytes)' },
    ]);
  });
});

describe('the refusals’ words', () => {
  test('a second call with one Idempotency-Key and another body', async () => {
    const call = echo('public');
    const headers = {
      Authorization: basic(KEYS.barber),
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k1',
    };
    assert.equal((await call({ method: 'POST', headers, body: '{"a":1}' })).status, 200);
    assert.deepEqual(
      refusal(await call({ method: 'POST', headers, body: '{"a":2}' })),
      refusedWith('This Idempotency-Key was used with a different body; use a new key.', 409),
    );
  });

  test('too many requests: how long to wait, in the words and in Retry-After', async () => {
    // Two calls at once, then one a second: the third at once waits a second.
    const call = echo(
      'public',
      {},
      {
        client: { perSecond: 1, burst: 2 },
        key: { perSecond: 1, burst: 100 },
      },
    );
    const headers = { Authorization: basic(KEYS.barber) };
    await call({ headers });
    await call({ headers });
    const answer = await call({ headers });
    assert.equal(answer.status, 429);
    assert.equal(answer.headers.get('retry-after'), '1');
    assert.equal(answer.json.error.message, 'Too many requests; retry in 1 s.');
  });

  test('unknown query parameters, named all, beside the ones the endpoint reads', async () => {
    const api = createMockApi({ seed: 'demo' });
    const refused = async (names: string[], query: string) => {
      const resolver = endpoint(
        api,
        'none',
        withQuery(names, () => ({ data: null })),
      );
      const response = await resolve(resolver, new Request(`${BASE}/echo?${query}`));
      return (await response.json()).error;
    };
    const none = await refused([], 'colour=red');
    assert.equal(
      none.message,
      'Unknown query parameter(s): colour; this endpoint reads no query parameters.',
    );
    assert.deepEqual(none.details, [
      { path: 'query.colour', message: 'is not known; this endpoint reads no query parameters' },
    ]);
    // Mutants: either list joined without its ", ".
    const two = await refused(['from', 'to'], 'colour=red&size=9&from=1');
    assert.equal(
      two.message,
      'Unknown query parameter(s): colour, size; this endpoint reads from, to.',
    );
    assert.deepEqual(
      two.details.map((detail: { path: string }) => detail.path),
      ['query.colour', 'query.size'],
    );
  });

  test('an unexpected fault is logged under the mock’s name and answered 500', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const api = createMockApi({ seed: 'demo' });
    const fault = new Error('boom');
    const resolver = endpoint(api, 'none', () => {
      throw fault;
    });
    const response = await resolve(resolver, new Request(`${BASE}/echo`));
    assert.equal(response.status, 500);
    assert.deepEqual(logged.mock.calls[0]!.arguments, ['[slotkit mock] unexpected error', fault]);
  });
});

test('a reply that is not JSON keeps the status its endpoint gave', async () => {
  // Mutant: `reply.status ?? 200` to `reply.status && 200`.
  const resolver = endpoint(createMockApi({ seed: 'demo' }), 'none', () => ({
    status: 202,
    data: null,
    raw: { body: '<svg/>', contentType: 'image/svg+xml' },
  }));
  const response = await resolve(resolver, new Request(`${BASE}/echo`));
  assert.deepEqual(
    [response.status, response.headers.get('content-type'), await response.text()],
    [202, 'image/svg+xml', '<svg/>'],
  );
});

describe('/_mock’s content type', () => {
  test('application/json in any case, with spaces and parameters, passes the guard', () => {
    const guard = mockGuard(createMockApi({ seed: 'demo' }));
    const request = new Request(`${BASE}/_mock/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'Application/JSON ; charset=utf-8' },
      body: '{}',
    });
    assert.equal(guard({ request } as never), undefined);
  });
});

describe('Timekit’s search=field:value', () => {
  test('each field name it knows, in both spellings', () => {
    assert.deepEqual(searchFilters('project_id:p1;resource_id:r1;state:confirmed;graph:instant'), {
      project_id: 'p1',
      resource_id: 'r1',
      state: 'confirmed',
      graph: 'instant',
    });
    assert.deepEqual(searchFilters('project.id:p2;resource.id:r2'), {
      project_id: 'p2',
      resource_id: 'r2',
    });
  });

  test('a field only at the start of a part, its value to the end of it; empty parts are nothing', () => {
    // Mutants: the pattern without `^` or `$`; empty or blank parts kept as text.
    assert.deepEqual(searchFilters('hello state:confirmed'), { text: 'hello state:confirmed' });
    assert.deepEqual(searchFilters('state:a\nb'), { text: 'state:a\nb' });
    assert.deepEqual(searchFilters('state:confirmed; ;;'), { state: 'confirmed' });
    assert.deepEqual(searchFilters(' ; '), {});
  });
});
