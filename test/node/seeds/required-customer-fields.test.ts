import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, NOW, startRealApi, type RealApi } from './real-http.ts';

/**
 * Seed 003 (Appointedd) books a customer with "at minimum the first and last name"; Timekit
 * requires name and email. A project says which it needs (`required_customer_fields`, owner
 * only), and a create is checked against it, every missing or bad field named at once.
 */
let api: RealApi;
before(async () => (api = await startRealApi()));
after(() => api.close());
beforeEach(() => {
  api.api.reset('demo');
  api.clock.set(NOW);
});

// Seed 003's customer, exactly as its Create Booking example writes the profile.
const SEED_PROFILE = { firstname: 'Ada', lastname: 'Lovelace' };

async function seatHold(): Promise<string> {
  const groups = await api.call('GET', '/bookings/groups', { key: KEYS.yoga });
  const group = groups.body.data[0];
  const hold = await api.call('POST', '/bookings/reserve', {
    key: KEYS.yoga,
    body: {
      timezone: 'Europe/London',
      required_spaces: 1,
      start: group.attributes.event_info.start,
      service_id: 'proj_yoga',
      resource_id: group.resource.id,
    },
  });
  assert.equal(hold.status, 201, hold.text);
  return hold.body.data.id;
}

const book = (customer: unknown, reservationId: string) =>
  api.call('POST', '/bookings', {
    key: KEYS.yoga,
    body: { graph: 'group_customer', reservation_id: reservationId, customer },
  });

const allowFirstAndLast = () =>
  api.call('PUT', '/projects/proj_yoga/settings', {
    body: { required_customer_fields: ['first_name', 'last_name'] },
  });

const paths = (result: { body: any }) =>
  (result.body.error.details as Array<{ path: string }>).map((detail) => detail.path).sort();

describe('required_customer_fields', () => {
  test('by default a project needs name and email, as Timekit: first and last name alone are 422', async () => {
    const settings = await api.call('GET', '/projects/proj_yoga/settings');
    assert.deepEqual(settings.body.data.required_customer_fields, ['name', 'email']);
    const refused = await book(SEED_PROFILE, await seatHold());
    assert.equal(refused.status, 422, refused.text);
    assert.deepEqual(paths(refused), ['customer.email']);
  });

  test("with first and last name allowed, seed 003's profile books: name joined, no email", async () => {
    const set = await allowFirstAndLast();
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.body.data.required_customer_fields, ['first_name', 'last_name']);

    const created = await book(SEED_PROFILE, await seatHold());
    assert.equal(created.status, 201, created.text);
    const [customer] = created.body.data.customers;
    assert.equal(customer.first_name, 'Ada');
    assert.equal(customer.last_name, 'Lovelace');
    assert.equal(customer.name, 'Ada Lovelace');
    assert.equal('email' in customer, false);
    assert.equal('firstname' in customer, false);

    const snake = await book({ first_name: 'Charles', last_name: 'Babbage' }, await seatHold());
    assert.equal(snake.status, 201, snake.text);
    assert.equal(snake.body.data.customers[0].name, 'Charles Babbage');
  });

  test('every missing or bad field is named at once, and nothing is booked', async () => {
    await allowFirstAndLast();
    const hold = await seatHold();
    const missing = await book({ email: 'not an address' }, hold);
    assert.equal(missing.status, 422, missing.text);
    assert.deepEqual(paths(missing), [
      'customer.email',
      'customer.first_name',
      'customer.last_name',
    ]);
    const blank = await book({ first_name: ' ', last_name: 'Lovelace' }, hold);
    assert.equal(blank.status, 422, blank.text);
    assert.deepEqual(paths(blank), ['customer.first_name']);
    const bookings = await api.call('GET', '/bookings?graph=group_customer');
    assert.equal(bookings.body.data.length, 0);
    // The hold is still there to book with.
    assert.equal((await book(SEED_PROFILE, hold)).status, 201);
  });

  test('only the owner sets it; unknown or nameless lists are 422 naming the field, nothing changes', async () => {
    const byKey = await api.call('PUT', '/projects/proj_yoga/settings', {
      key: KEYS.yoga,
      body: { required_customer_fields: ['first_name'] },
    });
    assert.equal(byKey.status, 403, byKey.text);
    for (const fields of [['nickname'], ['email'], ['name', 'name'], 'name']) {
      const bad = await api.call('PUT', '/projects/proj_yoga/settings', {
        body: { required_customer_fields: fields },
      });
      assert.equal(bad.status, 422, `${JSON.stringify(fields)}: ${bad.text}`);
      assert.match(bad.body.error.details[0].path, /^required_customer_fields/);
    }
    const settings = await api.call('GET', '/projects/proj_yoga/settings');
    assert.deepEqual(settings.body.data.required_customer_fields, ['name', 'email']);
  });

  test('the embed config tells the form: the name split in two, the email optional', async () => {
    const before = await api.call('GET', '/projects/embed/proj_yoga', { key: KEYS.yoga });
    assert.deepEqual(before.body.data.customer_fields, {
      name: { required: true },
      email: { format: 'email', required: true },
    });
    await allowFirstAndLast();
    const after = await api.call('GET', '/projects/embed/proj_yoga', { key: KEYS.yoga });
    assert.deepEqual(after.body.data.customer_fields, {
      name: { required: true, split_name: true, required_parts: ['first_name', 'last_name'] },
      email: { format: 'email', required: false },
    });
  });

  test('a project needing only a first name: the form asks for both, requires the first', async () => {
    const set = await api.call('PUT', '/projects/proj_yoga/settings', {
      body: { required_customer_fields: ['first_name', 'email'] },
    });
    assert.equal(set.status, 200, set.text);
    const config = await api.call('GET', '/projects/embed/proj_yoga', { key: KEYS.yoga });
    assert.deepEqual(config.body.data.customer_fields, {
      name: { required: true, split_name: true, required_parts: ['first_name'] },
      email: { format: 'email', required: true },
    });
    // What that form sends with the last name left empty books.
    const created = await book(
      { name: 'Ada', first_name: 'Ada', email: 'ada@example.com' },
      await seatHold(),
    );
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.data.customers[0].name, 'Ada');
    assert.equal('last_name' in created.body.data.customers[0], false);
  });

  test('an owner edit follows the project: a new first name renames; a blank last name is 422', async () => {
    await allowFirstAndLast();
    const created = await book(SEED_PROFILE, await seatHold());
    const id = created.body.data.id;
    const renamed = await api.call('PUT', `/bookings/${id}`, {
      body: { customer: { first_name: 'Augusta' } },
    });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.data.customers[0].name, 'Augusta Lovelace');
    const blank = await api.call('PUT', `/bookings/${id}`, {
      body: { customer: { last_name: '' } },
    });
    assert.equal(blank.status, 422, blank.text);
    assert.deepEqual(paths(blank), ['customer.last_name']);
  });
});
