import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startRealApi, type RealApi } from './real-http.ts';

/**
 * Seed 000's booking responses carry Timekit's calendar object:
 * `{ id, name, display_name, description, foregroundcolor, backgroundcolor, created_at,
 * updated_at }`. The owner's create (the seed's request) and read both show it.
 */
let api: RealApi;
before(async () => (api = await startRealApi()));
after(() => api.close());

// The calendar object of seed 000's response, field for field (its values are the seed's).
const SEED_CALENDAR = {
  id: 'c91c5d04-2a57-46c0-ab35-e489dadf132e',
  name: 'My calendar',
  display_name: 'My calendar',
  description: 'Ut adipisci non autem cum ut id.',
  foregroundcolor: '#25d6be',
  backgroundcolor: '#ea1cb8',
  created_at: '2016-02-15T13:21:42+0100',
  updated_at: '2016-02-15T13:21:42+0100',
};

const HEX = /^#[0-9a-f]{6}$/i;

describe('the calendar object (seed 000)', () => {
  test('a booking shows every field of the seed\u2019s calendar, with the right kinds of value', async () => {
    const slots = await api.call('POST', '/availability', {
      body: {
        project_id: 'proj_consultant',
        from: '2026-11-30T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
      },
    });
    assert.equal(slots.status, 200, slots.text);
    const slot = slots.body.data[0];
    const created = await api.call('POST', '/bookings', {
      body: {
        graph: 'confirm_decline',
        action: 'create',
        event: {
          start: slot.start,
          end: slot.end,
          what: 'Mens haircut',
          where: 'Sesame St, Middleburg, FL 32068, USA',
          calendar_id: 'cal_res_consultant',
          description: 'Please arrive 10 minutes before you time begin',
        },
        customer: { name: 'Marty McFly', email: 'marty@hillvalley.test' },
      },
    });
    assert.equal(created.status, 201, created.text);
    const calendar = created.body.data.calendar;
    assert.deepEqual(Object.keys(calendar).sort(), Object.keys(SEED_CALENDAR).sort());
    assert.equal(calendar.id, 'cal_res_consultant');
    assert.equal(calendar.display_name, calendar.name);
    assert.equal(typeof calendar.description, 'string');
    assert.match(calendar.foregroundcolor, HEX);
    assert.match(calendar.backgroundcolor, HEX);
    assert.ok(Number.isFinite(Date.parse(calendar.created_at)), calendar.created_at);
    assert.ok(
      Date.parse(calendar.updated_at) >= Date.parse(calendar.created_at),
      'Date.parse(calendar.updated_at) >= Date.parse(calendar.created_at)',
    );

    const read = await api.call('GET', `/bookings/${created.body.data.id}`);
    assert.deepEqual(read.body.data.calendar, calendar);
  });
});
