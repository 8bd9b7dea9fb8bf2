import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, startMock } from './harness.ts';

const HOUR = 3_600_000;
// Friday 2026-11-27 09:00 UTC: 10:00 in Copenhagen, inside the consultant's hours.
const SLOT = Date.parse('2026-11-27T09:00:00Z');

const request = (start = SLOT) => ({
  event: {
    start: new Date(start).toISOString(),
    end: new Date(start + HOUR).toISOString(),
    what: 'Plans',
    resource_id: 'res_consultant',
  },
  customer: {
    name: 'Jennifer Parker',
    email: 'jennifer@hillvalley.test',
    phone: '+1 555 0100',
    timezone: 'America/Los_Angeles',
  },
});

describe('project settings over HTTP', () => {
  test('the owner reads and sets them; a widget key may not; bad input is a 422 naming the field', async () => {
    const mock = startMock();
    try {
      const read = await mock.call('GET', '/projects/proj_consultant/settings');
      assert.equal(read.status, 200);
      assert.match(read.body.data.manage_url, /slotkit_booking=\{id\}&slotkit_token=\{token\}/);
      assert.deepEqual(read.body.data.reminders, ['24 hours', '1 hour']);

      const set = await mock.call('PUT', '/projects/proj_consultant/settings', {
        body: { manage_url: 'https://studio.example/b/{id}?t={token}', sms: true },
      });
      assert.equal(set.status, 200);
      assert.equal(set.body.data.manage_url, 'https://studio.example/b/{id}?t={token}');
      assert.equal(set.body.data.sms, true);

      const byKey = await mock.call('PUT', '/projects/proj_consultant/settings', {
        key: KEYS.consultant,
        body: { manage_url: 'https://evil.example/{id}/{token}' },
      });
      assert.ok(byKey.status === 401 || byKey.status === 403, String(byKey.status));

      const bad = await mock.call('PUT', '/projects/proj_consultant/settings', {
        body: { reminders: ['tomorrow-ish'] },
      });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.details[0].path, 'reminders.0');
      const again = await mock.call('GET', '/projects/proj_consultant/settings');
      assert.equal(again.body.data.manage_url, 'https://studio.example/b/{id}?t={token}');
      assert.deepEqual(again.body.data.reminders, ['24 hours', '1 hour']);
    } finally {
      mock.close();
    }
  });

  test('the embed config (public) shows neither the settings nor the signing secret', async () => {
    const mock = startMock();
    try {
      const embed = await mock.call('GET', '/projects/embed/proj_consultant', {
        key: KEYS.consultant,
      });
      assert.equal(embed.status, 200);
      const text = JSON.stringify(embed.body);
      assert.ok(!text.includes('decision_secret') && !text.includes('manage_url'), text);
    } finally {
      mock.close();
    }
  });
});

describe('over real HTTP: emails and decision pages', () => {
  let server: RunningServer;
  before(async () => {
    server = await startHttpServer({ port: 0, clock: new ManualClock(NOW), seed: 'demo' });
  });
  after(() => server.close());

  const json = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: basic(key), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
  const outbox = async () => (await json('GET', '/_mock/outbox', KEYS.owner)).body.data as any[];

  test('a request: the customer\u2019s email has the manage link, the owner\u2019s the decision links', async () => {
    const created = await json('POST', '/bookings', KEYS.consultant, request());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id, customer_token: token } = created.body.data;
    const mails = (await outbox()).filter((entry) => entry.booking_id === id);
    const toCustomer = mails.find((entry) => entry.to === 'jennifer@hillvalley.test');
    assert.equal(
      toCustomer.links.manage,
      `http://localhost:5173/?slotkit_booking=${id}&slotkit_token=${token}`,
    );
    assert.match(toCustomer.body, /\(America\/Los_Angeles\)/);
    const toOwner = mails.find((entry) => entry.to === 'lorraine@hillvalley.test');
    assert.match(toOwner.body, /\(Europe\/Copenhagen\)/);
    assert.ok(toOwner.links.confirm.startsWith(`${server.url}/decisions/`), toOwner.links.confirm);
  });

  test('GET shows a page with a POST button and changes nothing; POST confirms once', async () => {
    const created = await json('POST', '/bookings', KEYS.consultant, request(SLOT + 2 * HOUR));
    const { id } = created.body.data;
    const mail = (await outbox()).find((entry) => entry.booking_id === id && entry.links?.confirm);
    const link: string = mail.links.confirm;

    const page = await fetch(link);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    const html = await page.text();
    assert.match(html, /<form method="post" action="\/v2\/decisions\/[^"]+">/);
    assert.match(html, /Confirm the booking/);
    assert.match(html, /Jennifer Parker/);
    assert.doesNotMatch(html, /<script/);
    const state = async () => (await json('GET', `/bookings/${id}`, KEYS.owner)).body.data.state;
    assert.equal(await state(), 'tentative', 'a prefetching scanner decides nothing');

    const posted = await fetch(link, { method: 'POST' });
    assert.equal(posted.status, 200);
    assert.match(await posted.text(), /the booking is confirmed/);
    assert.equal(await state(), 'confirmed');
    const confirmedMail = (await outbox()).find(
      (entry) => entry.booking_id === id && entry.subject === 'Booking confirmed: Plans',
    );
    const calendar = new ICAL.Component(ICAL.parse(confirmedMail.attachments[0].content));
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');

    const reused = await fetch(link, { method: 'POST' });
    assert.equal(reused.status, 409);
    assert.match(await reused.text(), /Already decided/);
    const declineLink = await fetch(mail.links.decline, { method: 'POST' });
    assert.equal(declineLink.status, 409);
    assert.equal(await state(), 'confirmed');
  });

  test('a tampered link answers a page saying so, and nothing changes', async () => {
    const created = await json('POST', '/bookings', KEYS.consultant, request(SLOT + 4 * HOUR));
    const { id } = created.body.data;
    const mail = (await outbox()).find((entry) => entry.booking_id === id && entry.links?.decline);
    const tampered = `${mail.links.decline.slice(0, -4)}0000`;
    const response = await fetch(tampered, { method: 'POST' });
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /This link is not valid/);
    const injected = await fetch(`${server.url}/decisions/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    assert.doesNotMatch(await injected.text(), /<script>alert/);
    assert.equal((await json('GET', `/bookings/${id}`, KEYS.owner)).body.data.state, 'tentative');
  });
});
