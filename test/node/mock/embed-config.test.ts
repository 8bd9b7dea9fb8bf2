import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MockSnapshot } from '../../../src/mock/handlers/mock-control.ts';
import { KEYS, barberSlots, bookBarberSlot, useMock } from './harness.ts';

/**
 * The widget's remote config, `GET /projects/embed/:id` (src/mock/handlers/projects.ts), whole:
 * booking.js reads its fields unguarded, so a missing default breaks the page. Each test names
 * the bug it catches; the planted versions passed every other test.
 */

const mock = useMock({ fresh: true });

const embed = async (id = 'proj_barber', key = KEYS.barber) => {
  const response = await mock.call('GET', `/projects/embed/${id}`, { key });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.data;
};

/** Changes the demo barber project in the store, through a snapshot. */
function editBarber(change: (project: Record<string, any>) => void) {
  const snapshot = structuredClone(mock.api.snapshot()) as MockSnapshot & {
    store: { projects: Array<Record<string, any>> };
  };
  change(snapshot.store.projects.find((project) => project.id === 'proj_barber')!);
  mock.api.restore(snapshot);
}

describe('the embed config', () => {
  test('the demo barber, every field', async () => {
    assert.deepEqual(await embed(), {
      id: 'proj_barber',
      name: 'Hill Valley Barbers',
      app_key: 'widget_test_barber',
      ui: {
        display_name: 'Hill Valley Barbers',
        show_credits: false,
        localization: {
          success_message: 'We have received your booking and sent a confirmation to %s',
          submit_button: 'Book it',
          allocated_resource_prefix: 'with',
        },
      },
      availability: {
        length: '30 minutes',
        timeslot_increments: '30 minutes',
        mode: 'roundrobin_random',
      },
      booking: { graph: 'instant' },
      customer_fields: { name: { required: true }, email: { format: 'email', required: true } },
      resources: ['res_barber'],
      resource_details: [
        { id: 'res_barber', name: 'Biff at Hill Valley Barbers', timezone: 'America/Los_Angeles' },
      ],
      hold_duration: '10 minutes',
      description: 'A classic cut with a wash and a hot-towel finish.',
      duration: 30,
      price: { amount: 2500, currency: 'USD' },
      location: { type: 'place', name: 'Hill Valley Barbers, 1640 Riverside Drive' },
    });
  });

  test('the project’s own wording replaces a default and keeps the others', async () => {
    editBarber((project) => {
      project.ui = { localization: { submit_button: 'Reserve' } };
    });
    assert.deepEqual((await embed()).ui.localization, {
      success_message: 'We have received your booking and sent a confirmation to %s',
      submit_button: 'Reserve',
      allocated_resource_prefix: 'with',
    });
  });

  test('the duration in whole minutes, rounded, from the shortest length (1 minute)', async () => {
    const durations = [];
    for (const length of ['1 minute', '90 seconds']) {
      editBarber((project) => {
        project.availability.length = length;
      });
      durations.push((await embed()).duration);
    }
    assert.deepEqual(durations, [1, 2]);
  });
});

describe('required customer fields', () => {
  const require = (fields: string[]) =>
    mock.call('PUT', '/projects/proj_barber/settings', {
      body: { required_customer_fields: fields },
    });

  test('first and last name split the name; email not required is optional; phone is added', async () => {
    assert.equal((await require(['first_name', 'last_name', 'phone'])).status, 200);
    assert.deepEqual((await embed()).customer_fields, {
      name: { required: true, split_name: true, required_parts: ['first_name', 'last_name'] },
      email: { format: 'email', required: false },
      phone: { required: true },
    });
  });

  test('a whole name and an email: neither split nor phone', async () => {
    assert.equal((await require(['name', 'email'])).status, 200);
    assert.deepEqual((await embed()).customer_fields, {
      name: { required: true },
      email: { format: 'email', required: true },
    });
  });
});

describe('the project’s own customer fields, without required_customer_fields', () => {
  // The engine then requires a name and an email. Copied as they were, fields that say
  // otherwise let the form send a booking with no email, which the engine refuses with a 422.
  test('keep their wording, but a name and an email are marked required, as the engine wants', async () => {
    editBarber((project) => {
      project.customer_fields = {
        name: { title: 'Full name' },
        email: { format: 'email', required: false },
        phone: { title: 'Mobile' },
      };
      delete project.required_customer_fields;
    });
    assert.deepEqual((await embed()).customer_fields, {
      name: { title: 'Full name', required: true },
      email: { format: 'email', required: true },
      phone: { title: 'Mobile' },
    });
    const [slot] = await barberSlots(mock);
    const noEmail = await bookBarberSlot(mock, slot!, { customer: { name: 'Marty McFly' } });
    assert.equal(noEmail.status, 422, JSON.stringify(noEmail.body));
  });

  test('an email field of its own without a format is still an email field', async () => {
    editBarber((project) => {
      project.customer_fields = { email: { title: 'E-mail' }, phone: { title: 'Mobile' } };
    });
    assert.deepEqual((await embed()).customer_fields, {
      email: { format: 'email', title: 'E-mail', required: true },
      phone: { title: 'Mobile' },
      name: { required: true },
    });
  });
});
