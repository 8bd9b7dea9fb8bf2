/**
 * What each SDK error says (name, message, Retry-After value) and the URL and retry edges of the
 * transport: mutation testing found these unchecked (docs/testing.md).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  SlotkitAbortError,
  SlotkitApiError,
  SlotkitError,
  SlotkitNetworkError,
  SlotkitSchemaError,
  SlotkitTimeoutError,
} from '../../../src/sdk/index.ts';
import { buildUrl } from '../../../src/sdk/transport.ts';
import { clientWith, failure, hang, json, networkDown, ok } from './helpers.ts';

const limitedWith = (retryAfter: string) =>
  json(
    429,
    { error: { status: 429, code: 'rate_limited', message: 'Too many requests' } },
    { 'Retry-After': retryAfter },
  );

describe('each error names itself and says what happened', () => {
  test('the base error, as an app wrapping the SDK builds it, names itself SlotkitError', () => {
    const error = new SlotkitError('http_error', 'GET /resources', 'GET /resources: HTTP 418');
    assert.equal(error.name, 'SlotkitError');
    assert.equal(String(error), 'SlotkitError: GET /resources: HTTP 418');
    assert.equal(error.code, 'http_error');
    assert.equal(error.endpoint, 'GET /resources');
  });

  test('network', async () => {
    const { client } = clientWith([networkDown()], { retries: 0 });
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitNetworkError, 'error instanceof SlotkitNetworkError');
    assert.equal(error.name, 'SlotkitNetworkError');
    assert.equal(error.message, 'GET /resources: the network request failed');
    assert.ok(error.cause instanceof TypeError, 'error.cause instanceof TypeError');
  });

  test('timeout', async () => {
    const { client } = clientWith([hang], { timeoutMs: 30 });
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitTimeoutError, 'error instanceof SlotkitTimeoutError');
    assert.equal(error.name, 'SlotkitTimeoutError');
    assert.equal(error.message, 'GET /resources: no answer within 30 ms');
  });

  test('abort', async () => {
    const { client } = clientWith([hang]);
    const controller = new AbortController();
    const pending = failure(client.resources({ signal: controller.signal }));
    controller.abort(new Error('closed'));
    const error = await pending;
    assert.ok(error instanceof SlotkitAbortError, 'error instanceof SlotkitAbortError');
    assert.equal(error.name, 'SlotkitAbortError');
    assert.equal(error.message, 'GET /resources: aborted');
    assert.equal((error.cause as Error).message, 'closed');
  });

  test('an HTTP error without a body names the endpoint and the status', async () => {
    const { client } = clientWith([() => new Response('', { status: 404 })]);
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.message, 'GET /resources: HTTP 404');
  });

  test('a wrong shape lists at most three issues, and "(body)" when the body itself is wrong', async () => {
    const bodyWrong = await failure(clientWith([json(200, null)]).client.resources());
    assert.ok(bodyWrong instanceof SlotkitSchemaError, 'bodyWrong instanceof SlotkitSchemaError');
    assert.equal(bodyWrong.name, 'SlotkitSchemaError');
    assert.match(bodyWrong.message, /^GET \/resources: unexpected response \(\(body\): .+\)$/);

    const broken = { id: '', name: 1, timezone: 2 };
    const many = await failure(clientWith([ok([broken, broken])]).client.resources());
    assert.ok(many instanceof SlotkitSchemaError, 'many instanceof SlotkitSchemaError');
    assert.ok(many.issues.length > 3, 'many.issues.length > 3');
    const listed = many.message.slice(many.message.indexOf('(') + 1, -1).split('; ');
    assert.deepEqual(
      listed.map((part) => part.split(':')[0]),
      many.issues.slice(0, 3).map((issue) => issue.path.join('.')),
    );
  });
});

describe('Retry-After values', () => {
  // An action is never retried, so the 429 comes back at once with the value as read.
  const retryAfterOf = async (header: string) => {
    const { client } = clientWith([limitedWith(header)]);
    const error = await failure(client.performAction('b1', 'cancel'));
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    return error.retryAfter;
  };

  test('blank or unreadable: none', async () => {
    assert.equal(await retryAfterOf('  '), undefined);
    assert.equal(await retryAfterOf('soon'), undefined);
    // Headers keep a no-break space (only spaces and tabs are stripped), and Number reads it as 0.
    assert.equal(await retryAfterOf('\u00a0'), undefined);
  });

  test('negative seconds or a date already past: 0', async () => {
    assert.equal(await retryAfterOf('-5'), 0);
    assert.equal(await retryAfterOf('Mon, 23 Nov 2020 08:00:00 GMT'), 0);
  });
});

describe('transport edges', () => {
  test('URLs: every trailing slash of the base goes, unset query values are left out', () => {
    assert.equal(buildUrl('https://x.test/v2//', '/a', undefined), 'https://x.test/v2/a');
    assert.equal(buildUrl('https://x.test/v2', '/a', { b: undefined }), 'https://x.test/v2/a');
    assert.equal(
      buildUrl('https://x.test/v2/', '/a', { b: '1 2', c: undefined, d: 'x' }),
      'https://x.test/v2/a?b=1+2&d=x',
    );
  });

  test('a 500 is retried like any 5xx; a 4xx below it is not', async () => {
    const server = json(500, { error: { status: 500, code: 'internal', message: 'Oops' } });
    const retried = clientWith([server, ok([])]);
    assert.deepEqual(await retried.client.resources(), []);
    assert.equal(retried.calls.length, 2);
    const client = json(499, { error: { status: 499, code: 'closed', message: 'Closed' } });
    const once = clientWith([client, ok([])]);
    assert.ok(
      (await failure(once.client.resources())) instanceof SlotkitApiError,
      '(await failure(once.client.resources())) instanceof SlotkitApiError',
    );
    assert.equal(once.calls.length, 1);
  });
});
