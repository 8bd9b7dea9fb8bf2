/**
 * src/sdk/early.ts on its own: what makes two requests "the same", when an unclaimed one stops
 * being adoptable, what a claim hands over, and that a failure nobody claims is nobody's. (Of 10
 * bugs planted in it, the client's tests in early-requests.test.ts missed these 6.)
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { claimEarly, EARLY_REQUEST_TTL_MS, sendEarly } from '../../../src/sdk/early.ts';

const URL_ = 'https://api.example.test/v2/projects/embed/proj_barber';
const init = (): RequestInit => ({
  method: 'GET',
  headers: { Accept: 'application/json', Authorization: 'Basic OndpZGdldF90ZXN0' },
});

const realFetch = globalThis.fetch;
let sent: number;
beforeEach(() => {
  sent = 0;
  globalThis.fetch = (() => {
    sent += 1;
    return Promise.resolve(new Response('{}'));
  }) as typeof fetch;
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.parse('2026-11-26T12:00:00Z') });
});
afterEach(() => {
  claimEarly(URL_, init());
  mock.timers.reset();
  globalThis.fetch = realFetch;
});

test('the same URL, headers and body by another method is another request', () => {
  sendEarly(URL_, init());
  assert.equal(claimEarly(URL_, { ...init(), method: 'POST' }), undefined);
  assert.notEqual(claimEarly(URL_, init()), undefined, 'the GET is still there to claim');
});

test('a claim hands over the answer and the moment the request left', async () => {
  sendEarly(URL_, init());
  mock.timers.tick(250);
  const [response, sentAt] = claimEarly(URL_, init()) ?? [];
  assert.equal(sentAt, Date.parse('2026-11-26T12:00:00Z'), 'when it was sent, not when claimed');
  assert.equal(await (await response!).text(), '{}');
  assert.equal(sent, 1);
});

test('unclaimed, it can be adopted until its time is up, and not from then on', () => {
  assert.equal(EARLY_REQUEST_TTL_MS, 10_000);
  sendEarly(URL_, init());
  mock.timers.tick(EARLY_REQUEST_TTL_MS - 1);
  assert.notEqual(claimEarly(URL_, init()), undefined, '1 ms before: adopted');

  sendEarly(URL_, init());
  mock.timers.tick(EARLY_REQUEST_TTL_MS);
  assert.equal(claimEarly(URL_, init()), undefined, 'at its time: gone');
  assert.equal(sent, 2);
});

test('the first one’s time running out does not take a second one sent after it was claimed', () => {
  sendEarly(URL_, init());
  mock.timers.tick(4_000);
  assert.notEqual(claimEarly(URL_, init()), undefined, 'the first, claimed');
  sendEarly(URL_, init());
  mock.timers.tick(EARLY_REQUEST_TTL_MS - 4_000);
  // The first one's timer has fired; the second has 4 s left.
  assert.notEqual(claimEarly(URL_, init()), undefined, 'the second is still there');
  assert.equal(sent, 2);
});

test('a failure nobody claims rejects nothing unhandled', async () => {
  globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', record);
  try {
    sendEarly(`${URL_}?unclaimed`, init());
    // Node reports unhandled rejections once the microtask queue drains, before the next
    // turn's immediates (setImmediate is not mocked here).
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', record);
    claimEarly(`${URL_}?unclaimed`, init());
  }
});
