import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, OWNER } from '../../../src/engine/index.ts';
import { forwardedParams, prefillProblem, prefillValues } from '../../../src/flow/index.ts';
import { CUSTOMER, at, clock, firstSlot, mock, startFlow, useMockServer } from './helpers.ts';

/** Issue 16's host integration in the flow: prefill seeds the form, campaign parameters travel. */
useMockServer();
const MINUTE = 60_000;

describe('BookingFlow: prefill and forwarded parameters', () => {
  test('create sends custom_data from the page and the visitor kept the prefill', async () => {
    const customData = forwardedParams('?utm_source=newsletter&ref=p7&other=x', 'ref');
    const run = startFlow(DEMO_KEYS.barber, {
      projectId: 'proj_barber',
      prefill: prefillValues({ email: 'ada@example.test', name: 'Ada' }),
      ...(customData ? { customData } : {}),
    });
    await run.flow.selectSlot(await firstSlot(run));
    const details = await run.until(at('details'));
    assert.deepEqual(details.values, { email: 'ada@example.test', name: 'Ada' });
    await run.flow.submit({ ...details.values });
    const result = await run.until(at('result'));
    const requested = run.all.find((signal) => signal.type === 'booking-requested');
    assert.deepEqual(requested?.detail, {
      request: {
        ...(requested?.type === 'booking-requested' ? requested.detail.request : {}),
        custom_data: { utm_source: 'newsletter', ref: 'p7' },
      },
    });
    const stored = mock.api.engine.getBooking(result.booking.id, OWNER);
    assert.deepEqual(stored.custom_data, { utm_source: 'newsletter', ref: 'p7' });
    assert.equal(stored.customers[0]?.email, 'ada@example.test');
    assert.equal(stored.customers[0]?.name, 'Ada');
  });

  test('no parameters to forward: no custom_data at all', async () => {
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber' });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    await run.flow.submit({ ...CUSTOMER });
    const result = await run.until(at('result'));
    assert.equal(mock.api.engine.getBooking(result.booking.id, OWNER).custom_data, undefined);
  });

  test('the prefill survives a hold expiry and comes back after "book another"', async () => {
    const prefill = { email: 'ada@example.test' };
    const run = startFlow(DEMO_KEYS.barber, { projectId: 'proj_barber', prefill });
    await run.flow.selectSlot(await firstSlot(run));
    await run.until(at('details'));
    clock.advance(11 * MINUTE);
    run.flow.holdExpired({ email: 'ada@example.test', name: 'Ada typed this' });
    await run.until(at('choose'));
    await run.flow.selectSlot(await firstSlot(run));
    const again = await run.until(at('details'));
    assert.deepEqual(again.values, { email: 'ada@example.test', name: 'Ada typed this' });
    await run.flow.submit({ name: 'Ada', email: 'ada@example.test' });
    await run.until(at('result'));
    run.flow.bookAnother();
    await run.until(at('choose'));
    await run.flow.selectSlot(await firstSlot(run));
    assert.deepEqual((await run.until(at('details'))).values, prefill);
  });
});

describe('forwardedParams and prefill checks', () => {
  test('utm_* by default, named ones as well, nothing when off', () => {
    const search = '?utm_source=news&utm_medium=mail&gclid=abc&ref=x';
    assert.deepEqual(forwardedParams(search, undefined), {
      utm_source: 'news',
      utm_medium: 'mail',
    });
    assert.deepEqual(forwardedParams(search, 'gclid, ref'), {
      utm_source: 'news',
      utm_medium: 'mail',
      gclid: 'abc',
      ref: 'x',
    });
    assert.equal(forwardedParams(search, false), undefined);
    assert.equal(forwardedParams(search, 'false'), undefined);
    assert.equal(forwardedParams('?a=1', undefined), undefined);
  });

  test('kept within the API caps: 20 keys, 40-character keys, 200-character values', () => {
    const many = Array.from({ length: 25 }, (_, n) => `utm_${n}=v`).join('&');
    assert.equal(Object.keys(forwardedParams(many, undefined) ?? {}).length, 20);
    const long = `?utm_${'k'.repeat(40)}=v&utm_source=${'x'.repeat(300)}%0Aend`;
    const kept = forwardedParams(long, undefined) ?? {};
    assert.deepEqual(Object.keys(kept), ['utm_source']);
    assert.equal(kept.utm_source?.length, 200);
    assert.ok(!/\n/.test(kept.utm_source ?? ''), `!/\n/.test(kept.utm_source ?? '')`);
    const proto = forwardedParams('?__proto__=x', '__proto__') ?? {};
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
  });

  test('a prefill must be an object of text, numbers or yes/no', () => {
    assert.equal(prefillProblem({ name: 'Ada', seats: 2, terms: true }), undefined);
    assert.match(prefillProblem('{name:') ?? '', /not valid JSON/);
    assert.match(prefillProblem(['Ada']) ?? '', /object/);
    assert.match(prefillProblem({ name: { first: 'Ada' } }) ?? '', /\.name/);
    assert.deepEqual(prefillValues({ seats: 2 }), { seats: '2' });
  });
});
